// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

import (
	"yunion.io/x/onecloud/cmd/climc/shell"
)

var (
	R           = shell.R
	printObject = shell.PrintObject
)

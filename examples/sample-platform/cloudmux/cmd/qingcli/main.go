// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package main

import (
	"yunion.io/x/cloudmux/pkg/multicloud/qingcloud/qingcli"
)

func main() {
	qingcli.Main()
}

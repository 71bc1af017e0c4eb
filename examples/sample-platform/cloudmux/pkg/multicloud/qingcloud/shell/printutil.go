// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package shell

import (
	"yunion.io/x/pkg/util/printutils"
)

func printList(data interface{}, total, offset, limit int, columns []string) {
	printutils.PrintInterfaceList(data, total, offset, limit, columns)
}

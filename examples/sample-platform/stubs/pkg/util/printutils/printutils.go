// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package printutils stands in for yunion.io/x/pkg/util/printutils.
package printutils

import (
	"fmt"
	"reflect"
)

// PrintInterfaceList prints one line per element of a slice.
func PrintInterfaceList(data interface{}, total, offset, limit int, columns []string) {
	v := reflect.ValueOf(data)
	if v.Kind() != reflect.Slice {
		fmt.Printf("%+v\n", data)
		return
	}
	for i := 0; i < v.Len(); i++ {
		fmt.Printf("%+v\n", v.Index(i).Interface())
	}
	fmt.Printf("***  Total: %d  ***\n", v.Len())
}

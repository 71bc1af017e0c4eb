// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package utils stands in for yunion.io/x/pkg/utils.
package utils

func IsInStringArray(val string, array []string) bool {
	for _, ele := range array {
		if ele == val {
			return true
		}
	}
	return false
}

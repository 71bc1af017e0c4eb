// Stand-in written for integrate's tests, not OpenPitrix code.

// Package stringutil has small string helpers.
package stringutil

// StringIn reports whether str is one of array.
func StringIn(str string, array []string) bool {
	for _, s := range array {
		if s == str {
			return true
		}
	}
	return false
}

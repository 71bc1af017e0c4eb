// Stand-in written for integrate's tests, not OpenPitrix code.

// Package jsonutil decodes JSON.
package jsonutil

import "encoding/json"

// Decode decodes data into v.
func Decode(data []byte, v interface{}) error { return json.Unmarshal(data, v) }

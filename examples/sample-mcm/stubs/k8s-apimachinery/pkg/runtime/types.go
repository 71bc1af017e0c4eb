// Package runtime holds RawExtension, an embedded object kept as raw JSON.
package runtime

// RawExtension is JSON that is decoded later, by whoever knows its type.
type RawExtension struct {
	Raw []byte `json:"-"`
}

// UnmarshalJSON keeps the raw bytes.
func (re *RawExtension) UnmarshalJSON(in []byte) error {
	re.Raw = append(re.Raw[:0], in...)
	return nil
}

// Stand-in written for integrate's tests, not OpenPitrix code.

package vmbased

// Credential is the JSON of a runtime credential of an access-key cloud.
type Credential struct {
	AccessKeyId     string `json:"access_key_id"`
	SecretAccessKey string `json:"secret_access_key"`
}

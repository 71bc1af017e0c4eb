package api

type Spec struct {
	Name    string `json:"name"`
	Version int    `json:"version"`

	AcmeCloudRegion string   `json:"acmeRegion"`
	AcmeCloudZones  []string `json:"acmeZones,omitempty"` // optional
}

func (s Spec) Valid() bool { return s.Name != "" }

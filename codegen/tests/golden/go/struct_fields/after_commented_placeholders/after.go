package api

// ProviderSpec is what a MachineClass holds for this provider.
type ProviderSpec struct {
	// Zone        string            `json:"zone,omitempty"`
	// Size        int               `json:"size,omitempty"`
	// Region is `region` in the providerSpec; required.
	Region string `json:"region"`
	// Tags are `tags` in the providerSpec.
	Tags map[string]string `json:"tags,omitempty"`
}

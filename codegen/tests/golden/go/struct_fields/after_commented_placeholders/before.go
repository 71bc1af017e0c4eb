package api

// ProviderSpec is what a MachineClass holds for this provider.
type ProviderSpec struct {
	// Zone        string            `json:"zone,omitempty"`
	// Size        int               `json:"size,omitempty"`
}

// Stand-in written for integrate's tests.

package api

// ProviderSpec is what a MachineClass's providerSpec holds for this provider.
type ProviderSpec struct {
	// Region      string            `json:"region,omitempty"`
	// ImageID     string            `json:"imageID,omitempty"`
}

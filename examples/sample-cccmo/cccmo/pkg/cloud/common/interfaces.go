package common

import "sigs.k8s.io/controller-runtime/pkg/client"

// CloudProviderAssets is what a provider package builds: the objects to apply.
type CloudProviderAssets interface {
	GetRenderedResources() []client.Object
}

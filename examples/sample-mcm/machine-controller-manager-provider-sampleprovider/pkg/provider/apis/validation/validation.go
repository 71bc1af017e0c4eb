// Stand-in written for integrate's tests.

// Package validation checks a ProviderSpec and its secret.
package validation

import (
	api "github.com/gardener/machine-controller-manager-provider-sampleprovider/pkg/provider/apis"
	corev1 "k8s.io/api/core/v1"
)

// ValidateProviderSpecNSecret returns every problem of a ProviderSpec and its secret.
func ValidateProviderSpecNSecret(spec *api.ProviderSpec, secrets *corev1.Secret) []error {
	// The provider's checks go here.
	return nil
}

// Package v1alpha1 holds the machine API types the driver requests carry.
package v1alpha1

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// Machine is one VM as the cluster sees it.
type Machine struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec MachineSpec `json:"spec,omitempty"`
}

// MachineSpec says which class a machine comes from and, once created, which VM backs it.
type MachineSpec struct {
	Class      ClassSpec `json:"class,omitempty"`
	ProviderID string    `json:"providerID,omitempty"`
}

// ClassSpec names a machine class.
type ClassSpec struct {
	APIGroup string `json:"apiGroup,omitempty"`
	Kind     string `json:"kind"`
	Name     string `json:"name"`
}

// MachineClass holds the provider-specific part of a machine as raw JSON.
type MachineClass struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	ProviderSpec runtime.RawExtension    `json:"providerSpec"`
	SecretRef    *corev1.SecretReference `json:"secretRef,omitempty"`
	Provider     string                  `json:"provider,omitempty"`
}

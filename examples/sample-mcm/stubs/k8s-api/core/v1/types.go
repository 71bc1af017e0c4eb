// Package v1 holds the core types the machine API refers to.
package v1

import metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

// Secret holds sensitive data by key.
type Secret struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Data map[string][]byte `json:"data,omitempty"`
	Type string            `json:"type,omitempty"`
}

// SecretReference names a secret.
type SecretReference struct {
	Name      string `json:"name,omitempty"`
	Namespace string `json:"namespace,omitempty"`
}

// PersistentVolumeSpec describes a persistent volume.
type PersistentVolumeSpec struct {
	StorageClassName string `json:"storageClassName,omitempty"`
}

// Package v1 stands in for apimachinery's object metadata.
package v1

import "k8s.io/apimachinery/pkg/runtime/schema"

// TypeMeta holds an object's kind and API version.
type TypeMeta struct {
	Kind       string
	APIVersion string
}

// GetObjectKind gives access to the kind.
func (t *TypeMeta) GetObjectKind() schema.ObjectKind { return t }

// GroupVersionKind returns the kind.
func (t *TypeMeta) GroupVersionKind() schema.GroupVersionKind {
	return schema.GroupVersionKind{Version: t.APIVersion, Kind: t.Kind}
}

// SetGroupVersionKind sets the kind.
func (t *TypeMeta) SetGroupVersionKind(gvk schema.GroupVersionKind) {
	t.Kind = gvk.Kind
	t.APIVersion = gvk.Version
}

// ObjectMeta holds an object's name, namespace and labels.
type ObjectMeta struct {
	Name      string
	Namespace string
	Labels    map[string]string
}

// GetName returns the name.
func (m *ObjectMeta) GetName() string { return m.Name }

// SetName sets the name.
func (m *ObjectMeta) SetName(name string) { m.Name = name }

// GetNamespace returns the namespace.
func (m *ObjectMeta) GetNamespace() string { return m.Namespace }

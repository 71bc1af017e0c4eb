// Package schema stands in for apimachinery's group/version/kind types.
package schema

// GroupVersionKind identifies a kind of object.
type GroupVersionKind struct {
	Group   string
	Version string
	Kind    string
}

// ObjectKind reads and sets an object's kind.
type ObjectKind interface {
	GroupVersionKind() GroupVersionKind
	SetGroupVersionKind(gvk GroupVersionKind)
}

// Package client stands in for controller-runtime's client package: the object interface.
package client

import "k8s.io/apimachinery/pkg/runtime"

// Object is an API object with metadata.
type Object interface {
	runtime.Object
	GetName() string
	SetName(name string)
	GetNamespace() string
}

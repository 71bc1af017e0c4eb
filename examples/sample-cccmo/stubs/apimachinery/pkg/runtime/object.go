// Package runtime stands in for apimachinery's runtime object interface.
package runtime

import "k8s.io/apimachinery/pkg/runtime/schema"

// Object is any API object.
type Object interface {
	GetObjectKind() schema.ObjectKind
	DeepCopyObject() Object
}

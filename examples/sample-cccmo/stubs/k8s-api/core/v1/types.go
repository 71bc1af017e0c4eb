// Package v1 stands in for k8s.io/api/core/v1.
package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// Service exposes pods on a port.
type Service struct {
	metav1.TypeMeta
	metav1.ObjectMeta
	Port int32
}

// DeepCopyObject returns a copy.
func (s *Service) DeepCopyObject() runtime.Object {
	c := *s
	return &c
}

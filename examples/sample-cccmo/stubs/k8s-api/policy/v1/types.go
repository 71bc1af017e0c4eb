// Package v1 stands in for k8s.io/api/policy/v1.
package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// PodDisruptionBudget limits voluntary disruptions.
type PodDisruptionBudget struct {
	metav1.TypeMeta
	metav1.ObjectMeta
	MinAvailable int32
}

// DeepCopyObject returns a copy.
func (p *PodDisruptionBudget) DeepCopyObject() runtime.Object {
	c := *p
	return &c
}

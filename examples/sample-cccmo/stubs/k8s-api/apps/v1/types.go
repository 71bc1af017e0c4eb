// Package v1 stands in for k8s.io/api/apps/v1: the workload kinds provider assets render to.
package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// Deployment is a replicated workload.
type Deployment struct {
	metav1.TypeMeta
	metav1.ObjectMeta
	Replicas *int32
}

// DeepCopyObject returns a copy.
func (d *Deployment) DeepCopyObject() runtime.Object {
	c := *d
	if d.Replicas != nil {
		r := *d.Replicas
		c.Replicas = &r
	}
	return &c
}

// DaemonSet runs a pod on every node.
type DaemonSet struct {
	metav1.TypeMeta
	metav1.ObjectMeta
}

// DeepCopyObject returns a copy.
func (d *DaemonSet) DeepCopyObject() runtime.Object {
	c := *d
	return &c
}

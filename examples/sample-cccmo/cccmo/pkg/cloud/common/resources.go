package common

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/openshift/cluster-cloud-controller-manager-operator/pkg/config"
)

// CloudControllerManagerProviderLabel carries the platform type on CCM workloads.
const CloudControllerManagerProviderLabel = "infrastructure.openshift.io/cloud-controller-manager"

// GetCommonResources returns the objects every provider gets: a PodDisruptionBudget (unless
// the cluster has a single control-plane node) and a metrics Service, both named after the
// platform type.
func GetCommonResources(config config.OperatorConfig) ([]client.Object, error) {
	name := strings.ToLower(config.GetPlatformNameString()) + "-cloud-controller-manager"
	var out []client.Object
	if !config.IsSingleReplica {
		pdb := &policyv1.PodDisruptionBudget{MinAvailable: 1}
		pdb.Kind, pdb.Name, pdb.Namespace = "PodDisruptionBudget", name, config.ManagedNamespace
		out = append(out, pdb)
	}
	svc := &corev1.Service{Port: 10258}
	svc.Kind, svc.Name, svc.Namespace = "Service", name, config.ManagedNamespace
	return append(out, svc), nil
}

// SubstituteCommonPartsFromConfig applies cluster-wide settings to rendered objects.
func SubstituteCommonPartsFromConfig(config config.OperatorConfig, renderedObjects []client.Object) []client.Object {
	one := int32(1)
	for _, obj := range renderedObjects {
		if d, ok := obj.(interface{ SetReplicas(*int32) }); ok && config.IsSingleReplica {
			d.SetReplicas(&one)
		}
	}
	return renderedObjects
}

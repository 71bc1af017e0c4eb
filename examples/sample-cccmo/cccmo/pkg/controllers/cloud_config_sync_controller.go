package controllers

import (
	"fmt"

	configv1 "github.com/openshift/api/config/v1"

	"github.com/openshift/cluster-cloud-controller-manager-operator/pkg/cloud"
)

// CloudConfigReconciler copies the cloud config into the CCM's namespace, transformed for the
// platform.
type CloudConfigReconciler struct{}

// sync returns the transformed config for the platform, or "" when none is needed.
func (r *CloudConfigReconciler) sync(infra *configv1.Infrastructure, source string) (string, error) {
	needed, err := r.isCloudConfigSyncNeeded(infra.Status.PlatformStatus, configv1.ConfigMapFileReference{})
	if err != nil || !needed {
		return "", err
	}
	transform, _, err := cloud.GetCloudConfigTransformer(infra.Status.PlatformStatus)
	if err != nil {
		return "", fmt.Errorf("terminal: %w", err)
	}
	return transform(source, infra, &configv1.Network{}, nil)
}

func (r *CloudConfigReconciler) isCloudConfigSyncNeeded(platformStatus *configv1.PlatformStatus, infraCloudConfigRef configv1.ConfigMapFileReference) (bool, error) {
	if platformStatus == nil {
		return false, fmt.Errorf("platformStatus is required")
	}
	switch platformStatus.Type {
	case configv1.AWSPlatformType,
		configv1.AzurePlatformType,
		configv1.GCPPlatformType,
		configv1.OpenStackPlatformType,
		configv1.NutanixPlatformType:
		return true, nil
	default:
		return false, nil
	}
}

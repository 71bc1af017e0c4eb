package config

import (
	configv1 "github.com/openshift/api/config/v1"
	"github.com/openshift/library-go/pkg/operator/configobserver/featuregates"
)

// ImagesReference holds the operand images. The operator decodes it from the images.json key
// of the cloud-controller-manager-images ConfigMap, which the cluster version operator fills;
// see manifests/0000_26_cloud-controller-manager-operator_01_images.configmap.yaml.
type ImagesReference struct {
	CloudControllerManagerOperator  string `json:"cloudControllerManagerOperator"`
	CloudControllerManagerAWS       string `json:"cloudControllerManagerAWS"`
	CloudControllerManagerAzure     string `json:"cloudControllerManagerAzure"`
	CloudNodeManagerAzure           string `json:"cloudNodeManagerAzure"`
	CloudControllerManagerGCP       string `json:"cloudControllerManagerGCP"`
	CloudControllerManagerOpenStack string `json:"cloudControllerManagerOpenStack"`
	CloudControllerManagerNutanix   string `json:"cloudControllerManagerNutanix"`
}

// OperatorConfig is what provider templates are rendered from.
type OperatorConfig struct {
	ManagedNamespace   string
	ImagesReference    ImagesReference
	IsSingleReplica    bool
	InfrastructureName string
	PlatformStatus     *configv1.PlatformStatus
	ClusterProxy       *configv1.Proxy
	FeatureGates       string
	OCPFeatureGates    featuregates.FeatureGate
	// TLSCipherSuites is the comma-separated list for the CCM's --tls-cipher-suites flag.
	TLSCipherSuites string
	// TLSMinVersion is the value of the CCM's --tls-min-version flag.
	TLSMinVersion string
}

// GetPlatformNameString returns the platform type, or "" without a platform status.
func (cfg *OperatorConfig) GetPlatformNameString() string {
	var platformName string
	if cfg.PlatformStatus != nil {
		platformName = string(cfg.PlatformStatus.Type)
	}
	return platformName
}

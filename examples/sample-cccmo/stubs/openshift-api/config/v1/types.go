// Package v1 stands in for github.com/openshift/api/config/v1: the platform types and the
// Infrastructure, Network and Proxy shapes the operator reads.
package v1

// PlatformType names an infrastructure provider.
type PlatformType string

const (
	AWSPlatformType       PlatformType = "AWS"
	AzurePlatformType     PlatformType = "Azure"
	BareMetalPlatformType PlatformType = "BareMetal"
	GCPPlatformType       PlatformType = "GCP"
	LibvirtPlatformType   PlatformType = "Libvirt"
	NonePlatformType      PlatformType = "None"
	NutanixPlatformType   PlatformType = "Nutanix"
	OpenStackPlatformType PlatformType = "OpenStack"
)

// AzureCloudEnvironment is the Azure cloud an Azure cluster runs in.
type AzureCloudEnvironment string

// AzureStackCloud is Azure Stack Hub.
const AzureStackCloud AzureCloudEnvironment = "AzureStackCloud"

// AzurePlatformStatus holds what is specific to Azure.
type AzurePlatformStatus struct {
	CloudName AzureCloudEnvironment
}

// PlatformStatus is the observed platform of the cluster.
type PlatformStatus struct {
	Type  PlatformType
	Azure *AzurePlatformStatus
}

// InfrastructureStatus is the observed infrastructure.
type InfrastructureStatus struct {
	InfrastructureName string
	PlatformStatus     *PlatformStatus
}

// Infrastructure is the cluster's infrastructure configuration.
type Infrastructure struct {
	Status InfrastructureStatus
}

// Network is the cluster's network configuration.
type Network struct{}

// Proxy is the cluster-wide proxy configuration.
type Proxy struct {
	HTTPProxy string
}

// ConfigMapFileReference names a key of a ConfigMap.
type ConfigMapFileReference struct {
	Name string
	Key  string
}

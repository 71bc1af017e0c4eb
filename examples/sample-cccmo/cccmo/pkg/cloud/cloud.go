package cloud

import (
	"k8s.io/klog/v2"
	"sigs.k8s.io/controller-runtime/pkg/client"

	configv1 "github.com/openshift/api/config/v1"

	"github.com/openshift/cluster-cloud-controller-manager-operator/pkg/cloud/common"
	"github.com/openshift/cluster-cloud-controller-manager-operator/pkg/config"
	"github.com/openshift/library-go/pkg/operator/configobserver/featuregates"

	"github.com/openshift/cluster-cloud-controller-manager-operator/pkg/cloud/aws"
	"github.com/openshift/cluster-cloud-controller-manager-operator/pkg/cloud/azure"
	"github.com/openshift/cluster-cloud-controller-manager-operator/pkg/cloud/gcp"
	"github.com/openshift/cluster-cloud-controller-manager-operator/pkg/cloud/nutanix"
	"github.com/openshift/cluster-cloud-controller-manager-operator/pkg/cloud/openstack"
)

// cloudConfigTransformer turns the source cloud config into the one the CCM reads, given the
// cluster's Infrastructure and Network.
type cloudConfigTransformer func(source string, infra *configv1.Infrastructure, network *configv1.Network, features featuregates.FeatureGate) (string, error)

// GetCloudConfigTransformer returns the platform's cloud config transformer, and whether the
// config must first be looked up in the managed namespace.
func GetCloudConfigTransformer(platformStatus *configv1.PlatformStatus) (cloudConfigTransformer, bool, error) {
	switch platformStatus.Type {
	case configv1.AWSPlatformType:
		// The cloud credential operator still writes most of this config.
		return aws.CloudConfigTransformer, true, nil
	case configv1.AzurePlatformType:
		return common.NoOpTransformer, true, nil
	case configv1.GCPPlatformType:
		return common.NoOpTransformer, false, nil
	case configv1.OpenStackPlatformType:
		return openstack.CloudConfigTransformer, false, nil
	case configv1.NutanixPlatformType:
		return common.NoOpTransformer, false, nil
	default:
		return nil, false, newPlatformNotFoundError(platformStatus.Type)
	}
}

// GetResources returns the objects that run the platform's CCM, or none for a platform
// without one.
func GetResources(operatorConfig config.OperatorConfig) ([]client.Object, error) {
	assets, err := getAssets(operatorConfig)
	if err != nil {
		if _, isPlatformNotFoundError := err.(*platformNotFoundError); isPlatformNotFoundError {
			klog.Infof("platform not supported: %v", err)
			return nil, nil
		}
		klog.Errorf("can not get assets: %v", err)
		return nil, err
	}
	renderedObjects := assets.GetRenderedResources()
	substitutedObjects := common.SubstituteCommonPartsFromConfig(operatorConfig, renderedObjects)
	commonResources, err := common.GetCommonResources(operatorConfig)
	if err != nil {
		klog.Errorf("can not create common resources %v", err)
		return nil, err
	}
	substitutedObjects = append(substitutedObjects, commonResources...)
	return substitutedObjects, nil
}

func getAssets(operatorConfig config.OperatorConfig) (common.CloudProviderAssets, error) {
	constructor, err := getAssetsConstructor(operatorConfig.PlatformStatus)
	if err != nil {
		return nil, err
	}
	return constructor(operatorConfig)
}

type assetsConstructor func(config config.OperatorConfig) (common.CloudProviderAssets, error)

// getAssetsConstructor is the one place the operator picks a provider by platform.
func getAssetsConstructor(platformStatus *configv1.PlatformStatus) (assetsConstructor, error) {
	switch platformStatus.Type {
	case configv1.AWSPlatformType:
		return aws.NewProviderAssets, nil
	case configv1.AzurePlatformType:
		return azure.NewProviderAssets, nil
	case configv1.GCPPlatformType:
		return gcp.NewProviderAssets, nil
	case configv1.OpenStackPlatformType:
		return openstack.NewProviderAssets, nil
	case configv1.NutanixPlatformType:
		return nutanix.NewProviderAssets, nil
	default:
		return nil, newPlatformNotFoundError(platformStatus.Type)
	}
}

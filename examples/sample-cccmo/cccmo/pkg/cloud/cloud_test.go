package cloud

import (
	"fmt"
	"testing"

	configv1 "github.com/openshift/api/config/v1"

	"github.com/openshift/cluster-cloud-controller-manager-operator/pkg/config"
)

func getDummyPlatformStatus(platformType configv1.PlatformType, isAzureStack bool) *configv1.PlatformStatus {
	platformStatus := configv1.PlatformStatus{
		Type: platformType,
	}
	if isAzureStack {
		platformStatus.Azure = &configv1.AzurePlatformStatus{
			CloudName: configv1.AzureStackCloud,
		}
	}
	return &platformStatus
}

type testPlatform struct {
	platformStatus *configv1.PlatformStatus
}

func (tp *testPlatform) getOperatorConfig() config.OperatorConfig {
	return config.OperatorConfig{
		ManagedNamespace: "openshift-cloud-controller-manager",
		ImagesReference: config.ImagesReference{
			CloudControllerManagerOperator:  "registry.ci.openshift.org/openshift:cluster-cloud-controller-manager-operator",
			CloudControllerManagerAWS:       "registry.ci.openshift.org/openshift:aws-cloud-controller-manager",
			CloudControllerManagerAzure:     "quay.io/openshift/origin-azure-cloud-controller-manager",
			CloudNodeManagerAzure:           "quay.io/openshift/origin-azure-cloud-node-manager",
			CloudControllerManagerGCP:       "registry.ci.openshift.org/openshift:gcp-cloud-controller-manager",
			CloudControllerManagerOpenStack: "registry.ci.openshift.org/openshift:openstack-cloud-controller-manager",
			CloudControllerManagerNutanix:   "quay.io/openshift/origin-nutanix-cloud-controller-manager",
		},
		PlatformStatus:     tp.platformStatus,
		InfrastructureName: "my-cool-cluster-777",
	}
}

type testPlatformsMap map[string]testPlatform

func getPlatforms() testPlatformsMap {
	return testPlatformsMap{
		string(configv1.AWSPlatformType):       {getDummyPlatformStatus(configv1.AWSPlatformType, false)},
		string(configv1.AzurePlatformType):     {getDummyPlatformStatus(configv1.AzurePlatformType, false)},
		string(configv1.BareMetalPlatformType): {getDummyPlatformStatus(configv1.BareMetalPlatformType, false)},
		string(configv1.GCPPlatformType):       {getDummyPlatformStatus(configv1.GCPPlatformType, false)},
		string(configv1.NonePlatformType):      {getDummyPlatformStatus(configv1.NonePlatformType, false)},
		string(configv1.NutanixPlatformType):   {getDummyPlatformStatus(configv1.NutanixPlatformType, false)},
		string(configv1.OpenStackPlatformType): {getDummyPlatformStatus(configv1.OpenStackPlatformType, false)},
	}
}

func TestGetResources(t *testing.T) {
	platformsMap := getPlatforms()

	tc := []struct {
		name                      string
		testPlatform              testPlatform
		expectedResourceCount     int
		singleReplica             bool
		expectedResourcesKindName []string
	}{{
		name:                  "AWS resources returned as expected",
		testPlatform:          platformsMap[string(configv1.AWSPlatformType)],
		expectedResourceCount: 3,
		expectedResourcesKindName: []string{
			"Deployment/aws-cloud-controller-manager",
			"PodDisruptionBudget/aws-cloud-controller-manager",
			"Service/aws-cloud-controller-manager",
		},
	}, {
		name:                  "AWS resources returned as expected with single node cluster",
		testPlatform:          platformsMap[string(configv1.AWSPlatformType)],
		expectedResourceCount: 2,
		singleReplica:         true,
		expectedResourcesKindName: []string{
			"Deployment/aws-cloud-controller-manager",
			"Service/aws-cloud-controller-manager",
		},
	}, {
		name:                  "Azure resources returned as expected",
		testPlatform:          platformsMap[string(configv1.AzurePlatformType)],
		expectedResourceCount: 4,
		expectedResourcesKindName: []string{
			"Deployment/azure-cloud-controller-manager",
			"DaemonSet/azure-cloud-node-manager",
			"PodDisruptionBudget/azure-cloud-controller-manager",
			"Service/azure-cloud-controller-manager",
		},
	}, {
		name:         "BareMetal resources are empty",
		testPlatform: platformsMap[string(configv1.BareMetalPlatformType)],
	}, {
		name:         "None platform resources are empty",
		testPlatform: platformsMap[string(configv1.NonePlatformType)],
	}}

	for _, tc := range tc {
		t.Run(tc.name, func(t *testing.T) {
			operatorConfig := tc.testPlatform.getOperatorConfig()
			operatorConfig.IsSingleReplica = tc.singleReplica
			resources, err := GetResources(operatorConfig)
			if err != nil {
				t.Fatalf("GetResources() error = %v", err)
			}
			if len(resources) != tc.expectedResourceCount {
				t.Fatalf("GetResources() returned %d objects, want %d", len(resources), tc.expectedResourceCount)
			}
			for _, resource := range resources {
				kindName := fmt.Sprintf("%s/%s", resource.GetObjectKind().GroupVersionKind().Kind, resource.GetName())
				if !contains(tc.expectedResourcesKindName, kindName) {
					t.Errorf("unexpected resource %s", kindName)
				}
			}
			if len(resources) > 0 {
				resources[0].SetName("different")
				again, _ := GetResources(operatorConfig)
				if again[0].GetName() == "different" {
					t.Errorf("GetResources() returned shared objects")
				}
			}
		})
	}
}

// TestEveryPlatformRenders runs GetResources for every platform of getPlatforms(), as the
// upstream policy tests do before they look at each pod spec.
func TestEveryPlatformRenders(t *testing.T) {
	for name, platform := range getPlatforms() {
		t.Run(name, func(t *testing.T) {
			if _, err := GetResources(platform.getOperatorConfig()); err != nil {
				t.Errorf("GetResources() error = %v", err)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

package cloud

import "testing"

func TestGetResources(t *testing.T) {
	platformsMap := getPlatforms()

	tc := []struct {
		name                      string
		testPlatform              testPlatform
		expectedResourceCount     int
		expectedResourcesKindName []string
	}{{
		name:                  "AWS resources returned as expected",
		testPlatform:          platformsMap[string(configv1.AWSPlatformType)],
		expectedResourceCount: 3,
		expectedResourcesKindName: []string{
			"Deployment/aws-cloud-controller-manager",
		},
	}, {
		name:         "None platform resources are empty",
		testPlatform: platformsMap[string(configv1.NonePlatformType)],
	}, {
		name:                  "AcmeCloud resources returned as expected",
		testPlatform:          platformsMap[string(acme.PlatformType)],
		expectedResourceCount: 3,
		expectedResourcesKindName: []string{
			"Deployment/acme-cloud-controller-manager",
			"PodDisruptionBudget/acmecloud-cloud-controller-manager",
			"Service/acmecloud-cloud-controller-manager",
		},
	}}

	for _, tc := range tc {
		t.Run(tc.name, func(t *testing.T) {})
	}
}

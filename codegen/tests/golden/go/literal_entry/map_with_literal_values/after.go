package cloud

func getPlatforms() testPlatformsMap {
	return testPlatformsMap{
		string(configv1.AWSPlatformType):       {getDummyPlatformStatus(configv1.AWSPlatformType, false)},
		"AzureStackHub":                        {getDummyPlatformStatus(configv1.AzurePlatformType, true)},
		string(configv1.BareMetalPlatformType): {getDummyPlatformStatus(configv1.BareMetalPlatformType, false)},
		string(acme.PlatformType):              {getDummyPlatformStatus(acme.PlatformType, false)},
	}
}

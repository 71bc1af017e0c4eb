package cloud

func getAssetsConstructor(platformStatus *PlatformStatus) (assetsConstructor, error) {
	if platformStatus == nil {
		return nil, errNoStatus
	}
	switch platformStatus.Type {
	case AWSPlatformType:
		return aws.NewProviderAssets, nil
	case AzurePlatformType:
		if isStackHub(platformStatus) {
			return azurestack.NewProviderAssets, nil
		}
		return azure.NewProviderAssets, nil
	default:
		return nil, newPlatformNotFoundError(platformStatus.Type)
	}
}

package compute

const (
	CLOUD_PROVIDER_ONECLOUD       = "OneCloud"
	CLOUD_PROVIDER_INCLOUD_SPHERE = "InCloudSphere"
	CLOUD_PROVIDER_ROCKBASE  = "RockBase"
	CLOUD_PROVIDER_ACME           = "AcmeCloud"
)

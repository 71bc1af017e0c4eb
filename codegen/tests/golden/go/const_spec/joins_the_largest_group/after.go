package compute

const (
	CLOUD_PROVIDER_ONECLOUD       = "OneCloud"
	CLOUD_PROVIDER_INCLOUD_SPHERE = "InCloudSphere"
	CLOUD_PROVIDER_ZSTACK         = "ZStack"
	CLOUD_PROVIDER_ACME           = "AcmeCloud"

	CLOUD_PROVIDER_GENERICS3 = "S3"
	CLOUD_PROVIDER_CEPH      = "Ceph"

	CLOUD_PROVIDER_CLOUDFLARE = "Cloudflare"

	CLOUD_PROVIDER_HEALTH_NORMAL        = "normal"        // healthy
	CLOUD_PROVIDER_HEALTH_NO_PERMISSION = "no permission" // no billing permission
)

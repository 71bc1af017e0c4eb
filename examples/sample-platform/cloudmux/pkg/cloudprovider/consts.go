// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package cloudprovider

const (
	READ_ONLY_SUFFIX = ".readonly"

	CLOUD_CAPABILITY_PROJECT        = "project"
	CLOUD_CAPABILITY_COMPUTE        = "compute"
	CLOUD_CAPABILITY_NETWORK        = "network"
	CLOUD_CAPABILITY_SECURITY_GROUP = "security_group"
	CLOUD_CAPABILITY_EIP            = "eip"
	CLOUD_CAPABILITY_OBJECTSTORE    = "objectstore"
	CLOUD_CAPABILITY_RDS            = "rds"
	CLOUD_CAPABILITY_NAS            = "nas"
)

const (
	CLOUD_ENV_PUBLIC_CLOUD  = "public"
	CLOUD_ENV_PRIVATE_CLOUD = "private"
	CLOUD_ENV_ON_PREMISE    = "onpremise"

	CLOUD_ENV_PRIVATE_ON_PREMISE = "private_or_onpremise"
)

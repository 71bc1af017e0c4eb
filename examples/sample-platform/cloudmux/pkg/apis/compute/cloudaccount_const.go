// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

const (
	CLOUD_PROVIDER_ONECLOUD  = "OneCloud"
	CLOUD_PROVIDER_ALIYUN    = "Aliyun"
	CLOUD_PROVIDER_AWS       = "Aws"
	CLOUD_PROVIDER_OPENSTACK = "OpenStack"
	CLOUD_PROVIDER_ZSTACK    = "ZStack"
	CLOUD_PROVIDER_QINGCLOUD = "QingCloud"
	CLOUD_PROVIDER_CNWARE  = "CNware"

	CLOUD_PROVIDER_GENERICS3 = "S3"
	CLOUD_PROVIDER_CEPH      = "Ceph"
	CLOUD_PROVIDER_CEPHFS    = "CephFS"

	CLOUD_PROVIDER_HEALTH_NORMAL        = "normal"        // account is healthy
	CLOUD_PROVIDER_HEALTH_INSUFFICIENT  = "insufficient"  // balance too low for on-demand resources
	CLOUD_PROVIDER_HEALTH_SUSPENDED     = "suspended"     // account frozen by the cloud
	CLOUD_PROVIDER_HEALTH_ARREARS       = "arrears"       // account in debt
	CLOUD_PROVIDER_HEALTH_UNKNOWN       = "unknown"       // status query failed
	CLOUD_PROVIDER_HEALTH_NO_PERMISSION = "no permission" // billing not readable
	CLOUD_PROVIDER_HEALTH_PENDING       = "pending"       // account awaiting activation
)

const (
	CLOUD_ACCESS_ENV_AWS_GLOBAL     = CLOUD_PROVIDER_AWS + "-int"
	CLOUD_ACCESS_ENV_AWS_CHINA      = CLOUD_PROVIDER_AWS
	CLOUD_ACCESS_ENV_ALIYUN_GLOBAL  = CLOUD_PROVIDER_ALIYUN
	CLOUD_ACCESS_ENV_ALIYUN_FINANCE = CLOUD_PROVIDER_ALIYUN + "-fin"
)

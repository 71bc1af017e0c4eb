// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

type TNetworkType string

const (
	NETWORK_TYPE_GUEST     = TNetworkType("guest")
	NETWORK_TYPE_BAREMETAL = TNetworkType("baremetal")
	NETWORK_TYPE_EIP       = TNetworkType("eip")
)

var (
	ALL_NETWORK_TYPES = []TNetworkType{
		NETWORK_TYPE_GUEST,
		NETWORK_TYPE_BAREMETAL,
		NETWORK_TYPE_EIP,
	}

	REGIONAL_NETWORK_PROVIDERS = []string{
		CLOUD_PROVIDER_ALIYUN,
		CLOUD_PROVIDER_OPENSTACK,
	}
)

package compute

import "yunion.io/x/cloudmux/pkg/apis/compute"

const (
	CLOUD_PROVIDER_INIT         = "init"
	CLOUD_PROVIDER_CONNECTED    = "connected"
	CLOUD_PROVIDER_DISCONNECTED = "disconnected"

	CLOUD_PROVIDER_ONECLOUD = compute.CLOUD_PROVIDER_ONECLOUD
	CLOUD_PROVIDER_VMWARE   = compute.CLOUD_PROVIDER_VMWARE
	CLOUD_PROVIDER_ACME     = compute.CLOUD_PROVIDER_ACME
)

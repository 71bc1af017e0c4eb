package models

var HypervisorBrandMap = map[string]string{computeapis.HYPERVISOR_KVM: computeapis.CLOUD_PROVIDER_ONECLOUD,
	computeapis.HYPERVISOR_ALIYUN: computeapis.CLOUD_PROVIDER_ALIYUN,
	computeapis.HYPERVISOR_AWS:    computeapis.CLOUD_PROVIDER_AWS,
	computeapis.HYPERVISOR_ACME:   computeapis.CLOUD_PROVIDER_ACME}

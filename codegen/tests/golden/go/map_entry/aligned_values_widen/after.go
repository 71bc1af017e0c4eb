package models

var BrandHypervisorMap = map[string]string{
	computeapis.CLOUD_PROVIDER_ALIYUN:          computeapis.HYPERVISOR_ALIYUN,
	computeapis.CLOUD_PROVIDER_OPENSTACK:       computeapis.HYPERVISOR_OPENSTACK,
	computeapis.CLOUD_PROVIDER_ACME_LONGER_KEY: computeapis.HYPERVISOR_ACME,
}

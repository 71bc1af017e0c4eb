package compute

func f() bool {
	providers := []string{CLOUD_PROVIDER_HUAWEI, CLOUD_PROVIDER_HCSO, CLOUD_PROVIDER_ACME}
	return len(providers) > 0
}

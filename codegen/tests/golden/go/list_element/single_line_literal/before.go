package compute

func f() bool {
	providers := []string{CLOUD_PROVIDER_HUAWEI, CLOUD_PROVIDER_HCSO}
	return len(providers) > 0
}

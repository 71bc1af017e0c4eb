package compute

var L = []string{
	CLOUD_PROVIDER_A,    // first
	CLOUD_PROVIDER_BBBB, // second
}

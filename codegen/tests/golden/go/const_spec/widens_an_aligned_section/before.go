package compute

const (
	CLOUD_PROVIDER_AWS = "Aws"
	CLOUD_PROVIDER_EC2 = "Ec2"
)

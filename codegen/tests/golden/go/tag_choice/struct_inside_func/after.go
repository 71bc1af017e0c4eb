package compute

func init() {
	type CloudregionCityListOptions struct {
		Provider string `help:"List objects from the provider" choices:"VMware|Aliyun|AcmeCloud"`
	}
	_ = CloudregionCityListOptions{}
}

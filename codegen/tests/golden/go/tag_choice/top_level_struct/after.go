package options

type BaseListOptions struct {
	Limit    *int     `default:"20" help:"Max items to show"`
	Provider []string `help:"List objects from the provider" choices:"OneCloud|VMware|Aliyun|AcmeCloud" json:"provider,omitempty"`
}

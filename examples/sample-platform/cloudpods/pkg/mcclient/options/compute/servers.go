// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

import (
	"yunion.io/x/jsonutils"

	"yunion.io/x/onecloud/pkg/mcclient/options"
)

type ServerListOptions struct {
	options.BaseListOptions

	Zone       string `help:"Zone ID or Name" mcp:"true"`
	Host       string `help:"Host ID or Name" mcp:"true"`
	Hypervisor string `help:"Show server of hypervisor" choices:"kvm|pod|baremetal|aliyun|aws|zstack|openstack|qingcloud|cnware" mcp:"true"`
	Region     string `help:"Show servers in cloudregion" mcp:"true"`
	OsType     string `help:"OS Type" choices:"linux|windows|vmware" mcp:"true"`
}

func (opts *ServerListOptions) Params() (jsonutils.JSONObject, error) {
	return options.ListStructToParams(opts)
}

type ServerConfigs struct {
	Region     string `help:"Preferred region where virtual server should be created" json:"prefer_region"`
	Zone       string `help:"Preferred zone where virtual server should be created" json:"prefer_zone"`
	Hypervisor string `help:"Hypervisor type" choices:"kvm|pod|baremetal|container|aliyun|aws|openstack|zstack|qingcloud|cnware" mcp:"true"`
	Backup     bool   `help:"Create server with backup server"`
}

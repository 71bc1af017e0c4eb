// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

import (
	"yunion.io/x/jsonutils"

	"yunion.io/x/onecloud/pkg/mcclient/options"
)

type HostListOptions struct {
	Zone     string `help:"List hosts in zone" mcp:"true"`
	Region   string `help:"List hosts in region" mcp:"true"`
	Empty    bool   `help:"show empty host" json:"-"`
	HostType string `help:"Host type filter" choices:"baremetal|hypervisor|container|aliyun|aws|dedicated|openstack|zstack|qingcloud|cnware" mcp:"true"`

	options.BaseListOptions
}

func (opts *HostListOptions) Params() (jsonutils.JSONObject, error) {
	return options.ListStructToParams(opts)
}

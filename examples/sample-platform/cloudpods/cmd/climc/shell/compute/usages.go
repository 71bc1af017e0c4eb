// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

import (
	"yunion.io/x/jsonutils"

	"yunion.io/x/onecloud/pkg/mcclient"
)

type GeneralUsageOptions struct {
	HostType []string `help:"Host types" choices:"hypervisor|baremetal|aliyun|aws|openstack|zstack|cnware"`
	Provider []string `help:"Provider" choices:"OneCloud|Aliyun|Aws|OpenStack|ZStack|CNware"`
	Brand    []string `help:"Brands" choices:"OneCloud|Aliyun|Aws|OpenStack|ZStack|CNware"`
	Project  string   `help:"show usage of specified project"`

	ProjectDomain string `help:"show usage of specified domain"`

	CloudEnv string `help:"show usage of specified cloudenv" choices:"public|private|onpremise"`
	Scope    string `help:"show usage of specified privilege scope" choices:"system|domain|project"`

	Refresh bool `help:"force refresh usage statistics"`
}

func fetchHostTypeOptions(args *GeneralUsageOptions) *jsonutils.JSONDict {
	params := jsonutils.NewDict()
	if len(args.HostType) > 0 {
		params.Add(jsonutils.NewStringArray(args.HostType), "host_type")
	}
	if len(args.Provider) > 0 {
		params.Add(jsonutils.NewStringArray(args.Provider), "provider")
	}
	if len(args.Brand) > 0 {
		params.Add(jsonutils.NewStringArray(args.Brand), "brand")
	}
	if len(args.CloudEnv) > 0 {
		params.Add(jsonutils.NewString(args.CloudEnv), "cloud_env")
	}
	return params
}

func init() {
	R(&GeneralUsageOptions{}, "usage", "Show general usage", func(s *mcclient.ClientSession, args *GeneralUsageOptions) error {
		printObject(fetchHostTypeOptions(args))
		return nil
	})
}

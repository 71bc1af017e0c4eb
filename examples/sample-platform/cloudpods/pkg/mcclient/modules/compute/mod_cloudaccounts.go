// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

import (
	"yunion.io/x/onecloud/pkg/mcclient/modulebase"
)

type SCloudaccount struct {
	modulebase.ResourceManager
}

var (
	Cloudaccounts SCloudaccount
	Cloudregions  modulebase.ResourceManager
)

func init() {
	Cloudaccounts = SCloudaccount{modulebase.NewComputeManager("cloudaccount", "cloudaccounts")}
	Cloudregions = modulebase.NewComputeManager("cloudregion", "cloudregions")
}

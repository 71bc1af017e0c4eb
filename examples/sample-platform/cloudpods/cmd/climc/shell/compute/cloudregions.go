// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

import (
	"yunion.io/x/onecloud/pkg/mcclient"
	"yunion.io/x/onecloud/pkg/mcclient/options"
)

func init() {
	type CloudregionCityListOptions struct {
		Manager  string `help:"List objects belonging to the cloud provider"`
		Account  string `help:"List objects belonging to the cloud account"`
		Provider string `help:"List objects from the provider" choices:"Aliyun|Aws|Openstack|ZStack|QingCloud"`
		City     string `help:"List regions in the specified city"`

		PublicCloud  *bool `help:"List objects belonging to public cloud" json:"public_cloud"`
		PrivateCloud *bool `help:"List objects belonging to private cloud" json:"private_cloud"`
	}
	R(&CloudregionCityListOptions{}, "cloud-region-cities", "List cities where cloud region resides", func(s *mcclient.ClientSession, args *CloudregionCityListOptions) error {
		params, err := options.StructToParams(args)
		if err != nil {
			return err
		}
		printObject(params)
		return nil
	})
}

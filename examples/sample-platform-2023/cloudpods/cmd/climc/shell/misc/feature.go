// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package misc

import (
	"fmt"

	"yunion.io/x/jsonutils"
	"yunion.io/x/pkg/utils"

	"yunion.io/x/onecloud/pkg/mcclient"
)

func init() {
	var features = []string{
		"onestack",
		"baremetal",
		"lb",
		"aliyun",
		"aws",
		"openstack",
		"zstack",
		"bill",
		"auth",
		"onecloud",
		"public",
		"private",
		"storage",
		"default",
		"k8s",
		"monitor",
		"qingcloud",
		"cephfs",
		"cnware",
	}

	type FeatureCfgOpts struct {
		Switch string `help:"Config feature on or off" choices:"on|off"`
	}

	configFeature := func(s *mcclient.ClientSession, name string, enable bool) error {
		value := []string{name}
		if enable && utils.IsInStringArray(name, []string{"s3", "xsky", "ceph"}) {
			value = append(value, "storage")
		}
		printObject(jsonutils.Marshal(map[string]interface{}{"name": "global-settings", "enable": enable, "keys": value}))
		return nil
	}

	featureR := func(name string) {
		R(&FeatureCfgOpts{}, fmt.Sprintf("feature-config-%s", name), fmt.Sprintf("Set feature %s on or off", name), func(s *mcclient.ClientSession, args *FeatureCfgOpts) error {
			return configFeature(s, name, args.Switch != "off")
		})
	}
	for _, name := range features {
		featureR(name)
	}
}

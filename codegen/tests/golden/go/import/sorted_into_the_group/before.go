package loader

import (
	"yunion.io/x/log"

	_ "yunion.io/x/cloudmux/pkg/multicloud/aliyun/provider"
	_ "yunion.io/x/cloudmux/pkg/multicloud/aws/provider"
	_ "yunion.io/x/cloudmux/pkg/multicloud/zstack/provider"
)

func init() {
	log.Infof("loading")
}

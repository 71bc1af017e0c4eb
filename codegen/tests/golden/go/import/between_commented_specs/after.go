package loader

import (
	_ "yunion.io/x/cloudmux/pkg/multicloud/acme/provider"
	_ "yunion.io/x/cloudmux/pkg/multicloud/aliyun/provider"  // public clouds
	_ "yunion.io/x/cloudmux/pkg/multicloud/bingocloud/provider" // private clouds
	_ "yunion.io/x/cloudmux/pkg/multicloud/zstack/provider"     // private clouds
)

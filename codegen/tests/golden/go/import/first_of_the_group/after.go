package loader

import (
	_ "yunion.io/x/cloudmux/pkg/multicloud/acme/provider"
	_ "yunion.io/x/cloudmux/pkg/multicloud/baidu/provider"
	_ "yunion.io/x/cloudmux/pkg/multicloud/zstack/provider"
)

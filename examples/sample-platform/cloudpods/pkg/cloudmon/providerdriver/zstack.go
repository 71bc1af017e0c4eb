// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package providerdriver

import (
	api "yunion.io/x/onecloud/pkg/apis/compute"
)

type ZStackCollect struct {
	SCollectByMetricTypeDriver
}

func (self *ZStackCollect) GetProvider() string {
	return api.CLOUD_PROVIDER_ZSTACK
}

func (self *ZStackCollect) IsSupportMetrics() bool {
	return true
}

func init() {
	Register(&ZStackCollect{})
}

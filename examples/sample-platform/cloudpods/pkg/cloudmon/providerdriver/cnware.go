// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package providerdriver

import (
	api "yunion.io/x/onecloud/pkg/apis/compute"
)

type CNwareCollect struct {
	SCollectByResourceIdDriver
}

func (self *CNwareCollect) GetProvider() string {
	return api.CLOUD_PROVIDER_CNWARE
}

func (self *CNwareCollect) IsSupportMetrics() bool {
	return true
}

func init() {
	Register(&CNwareCollect{})
}

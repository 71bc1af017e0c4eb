// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package providerdriver

import (
	api "yunion.io/x/onecloud/pkg/apis/compute"
)

type AwsCollect struct {
	SCollectByResourceIdDriver
}

func (self *AwsCollect) GetProvider() string {
	return api.CLOUD_PROVIDER_AWS
}

func (self *AwsCollect) IsSupportMetrics() bool {
	return true
}

func init() {
	Register(&AwsCollect{})
}

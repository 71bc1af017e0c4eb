// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package providerdriver

import (
	api "yunion.io/x/onecloud/pkg/apis/compute"
)

type AliyunCollect struct {
	SCollectByMetricTypeDriver
}

func (self *AliyunCollect) GetProvider() string {
	return api.CLOUD_PROVIDER_ALIYUN
}

func (self *AliyunCollect) IsSupportMetrics() bool {
	return true
}

func init() {
	Register(&AliyunCollect{})
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package providerdriver

import (
	api "yunion.io/x/onecloud/pkg/apis/compute"
)

type OpenStackCollect struct {
	SBaseCollectDriver
}

func (self *OpenStackCollect) GetProvider() string {
	return api.CLOUD_PROVIDER_OPENSTACK
}

func init() {
	Register(&OpenStackCollect{})
}

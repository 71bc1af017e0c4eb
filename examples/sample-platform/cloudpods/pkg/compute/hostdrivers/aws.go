// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package hostdrivers

import (
	api "yunion.io/x/onecloud/pkg/apis/compute"
	"yunion.io/x/onecloud/pkg/compute/models"
)

type SAwsHostDriver struct {
	SManagedVirtualizationHostDriver
}

func init() {
	driver := SAwsHostDriver{}
	models.RegisterHostDriver(&driver)
}

func (self *SAwsHostDriver) GetHostType() string {
	return api.HOST_TYPE_AWS
}

func (self *SAwsHostDriver) GetHypervisor() string {
	return api.HYPERVISOR_AWS
}

func (self *SAwsHostDriver) GetProvider() string {
	return api.CLOUD_PROVIDER_AWS
}

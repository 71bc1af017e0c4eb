// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package hostdrivers

import (
	api "yunion.io/x/onecloud/pkg/apis/compute"
	"yunion.io/x/onecloud/pkg/compute/models"
)

type SKVMHostDriver struct {
	SVirtualizationHostDriver
}

func init() {
	driver := SKVMHostDriver{}
	models.RegisterHostDriver(&driver)
}

func (self *SKVMHostDriver) GetHostType() string {
	return api.HOST_TYPE_HYPERVISOR
}

func (self *SKVMHostDriver) GetHypervisor() string {
	return api.HYPERVISOR_KVM
}

func (self *SKVMHostDriver) GetProvider() string {
	return api.CLOUD_PROVIDER_ONECLOUD
}

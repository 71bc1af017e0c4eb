// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package hostdrivers

import (
	api "yunion.io/x/onecloud/pkg/apis/compute"
	"yunion.io/x/onecloud/pkg/compute/models"
)

type SCNwareHostDriver struct {
	SManagedVirtualizationHostDriver
}

func init() {
	driver := SCNwareHostDriver{}
	models.RegisterHostDriver(&driver)
}

func (self *SCNwareHostDriver) GetHostType() string {
	return api.HOST_TYPE_CNWARE
}

func (self *SCNwareHostDriver) GetHypervisor() string {
	return api.HYPERVISOR_CNWARE
}

func (self *SCNwareHostDriver) GetProvider() string {
	return api.CLOUD_PROVIDER_CNWARE
}

func (self *SCNwareHostDriver) ValidateDiskSize(storage *models.SStorage, sizeGb int) error {
	return nil
}

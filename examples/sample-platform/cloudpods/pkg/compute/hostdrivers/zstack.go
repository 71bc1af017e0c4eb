// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package hostdrivers

import (
	api "yunion.io/x/onecloud/pkg/apis/compute"
	"yunion.io/x/onecloud/pkg/compute/models"
)

type SZStackHostDriver struct {
	SManagedVirtualizationHostDriver
}

func init() {
	driver := SZStackHostDriver{}
	models.RegisterHostDriver(&driver)
}

func (self *SZStackHostDriver) GetHostType() string {
	return api.HOST_TYPE_ZSTACK
}

func (self *SZStackHostDriver) GetHypervisor() string {
	return api.HYPERVISOR_ZSTACK
}

func (self *SZStackHostDriver) GetProvider() string {
	return api.CLOUD_PROVIDER_ZSTACK
}

func (self *SZStackHostDriver) ValidateDiskSize(storage *models.SStorage, sizeGb int) error {
	return nil
}

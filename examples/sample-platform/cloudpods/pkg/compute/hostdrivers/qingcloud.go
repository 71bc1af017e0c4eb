// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package hostdrivers

import (
	api "yunion.io/x/onecloud/pkg/apis/compute"
	"yunion.io/x/onecloud/pkg/compute/models"
)

type SQingCloudHostDriver struct {
	SManagedVirtualizationHostDriver
}

func init() {
	driver := SQingCloudHostDriver{}
	models.RegisterHostDriver(&driver)
}

func (self *SQingCloudHostDriver) GetHostType() string {
	return api.HOST_TYPE_QINGCLOUD
}

func (self *SQingCloudHostDriver) GetHypervisor() string {
	return api.HYPERVISOR_QINGCLOUD
}

func (self *SQingCloudHostDriver) GetProvider() string {
	return api.CLOUD_PROVIDER_QINGCLOUD
}

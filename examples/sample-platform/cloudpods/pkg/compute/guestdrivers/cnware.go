// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package guestdrivers

import (
	"yunion.io/x/cloudmux/pkg/cloudprovider"
	"yunion.io/x/pkg/util/rbacscope"

	api "yunion.io/x/onecloud/pkg/apis/compute"
	"yunion.io/x/onecloud/pkg/cloudcommon/db/quotas"
	"yunion.io/x/onecloud/pkg/compute/models"
	"yunion.io/x/onecloud/pkg/mcclient"
)

type SCNwareGuestDriver struct {
	SManagedVirtualizedGuestDriver
}

func init() {
	driver := SCNwareGuestDriver{}
	models.RegisterGuestDriver(&driver)
}

func (self *SCNwareGuestDriver) GetHypervisor() string {
	return api.HYPERVISOR_CNWARE
}

func (self *SCNwareGuestDriver) GetProvider() string {
	return api.CLOUD_PROVIDER_CNWARE
}

func (self *SCNwareGuestDriver) GetComputeQuotaKeys(scope rbacscope.TRbacScope, ownerId mcclient.IIdentityProvider, brand string) models.SComputeResourceKeys {
	keys := models.SComputeResourceKeys{}
	keys.SBaseProjectQuotaKeys = quotas.OwnerIdProjectQuotaKeys(scope, ownerId)
	keys.CloudEnv = api.CLOUD_ENV_PRIVATE_CLOUD
	keys.Provider = api.CLOUD_PROVIDER_CNWARE
	keys.Brand = brand
	keys.Hypervisor = api.HYPERVISOR_CNWARE
	return keys
}

func (self *SCNwareGuestDriver) GetDefaultSysDiskBackend() string {
	return api.STORAGE_CNWARE_LOCAL
}

func (self *SCNwareGuestDriver) GetMinimalSysDiskSizeGb() int {
	return 10
}

func (self *SCNwareGuestDriver) GetInstanceCapability() cloudprovider.SInstanceCapability {
	return cloudprovider.SInstanceCapability{
		Hypervisor: self.GetHypervisor(),
		Provider:   self.GetProvider(),
	}
}

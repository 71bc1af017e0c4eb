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

type SZStackGuestDriver struct {
	SManagedVirtualizedGuestDriver
}

func init() {
	driver := SZStackGuestDriver{}
	models.RegisterGuestDriver(&driver)
}

func (self *SZStackGuestDriver) GetHypervisor() string {
	return api.HYPERVISOR_ZSTACK
}

func (self *SZStackGuestDriver) GetProvider() string {
	return api.CLOUD_PROVIDER_ZSTACK
}

func (self *SZStackGuestDriver) GetComputeQuotaKeys(scope rbacscope.TRbacScope, ownerId mcclient.IIdentityProvider, brand string) models.SComputeResourceKeys {
	keys := models.SComputeResourceKeys{}
	keys.SBaseProjectQuotaKeys = quotas.OwnerIdProjectQuotaKeys(scope, ownerId)
	keys.CloudEnv = api.CLOUD_ENV_PRIVATE_CLOUD
	keys.Provider = api.CLOUD_PROVIDER_ZSTACK
	keys.Brand = brand
	keys.Hypervisor = api.HYPERVISOR_ZSTACK
	return keys
}

func (self *SZStackGuestDriver) GetDefaultSysDiskBackend() string {
	return api.STORAGE_ZSTACK_LOCAL_STORAGE
}

func (self *SZStackGuestDriver) GetMinimalSysDiskSizeGb() int {
	return 10
}

func (self *SZStackGuestDriver) GetInstanceCapability() cloudprovider.SInstanceCapability {
	return cloudprovider.SInstanceCapability{
		Hypervisor: self.GetHypervisor(),
		Provider:   self.GetProvider(),
	}
}

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

type SQingCloudGuestDriver struct {
	SManagedVirtualizedGuestDriver
}

func init() {
	driver := SQingCloudGuestDriver{}
	models.RegisterGuestDriver(&driver)
}

func (self *SQingCloudGuestDriver) GetHypervisor() string {
	return api.HYPERVISOR_QINGCLOUD
}

func (self *SQingCloudGuestDriver) GetProvider() string {
	return api.CLOUD_PROVIDER_QINGCLOUD
}

func (self *SQingCloudGuestDriver) GetComputeQuotaKeys(scope rbacscope.TRbacScope, ownerId mcclient.IIdentityProvider, brand string) models.SComputeResourceKeys {
	keys := models.SComputeResourceKeys{}
	keys.SBaseProjectQuotaKeys = quotas.OwnerIdProjectQuotaKeys(scope, ownerId)
	keys.CloudEnv = api.CLOUD_ENV_PUBLIC_CLOUD
	keys.Provider = api.CLOUD_PROVIDER_QINGCLOUD
	keys.Brand = api.CLOUD_PROVIDER_QINGCLOUD
	keys.Hypervisor = api.HYPERVISOR_QINGCLOUD
	return keys
}

func (self *SQingCloudGuestDriver) GetDefaultSysDiskBackend() string {
	return ""
}

func (self *SQingCloudGuestDriver) GetMinimalSysDiskSizeGb() int {
	return 20
}

func (self *SQingCloudGuestDriver) GetInstanceCapability() cloudprovider.SInstanceCapability {
	return cloudprovider.SInstanceCapability{
		Hypervisor: self.GetHypervisor(),
		Provider:   self.GetProvider(),
		DefaultAccount: cloudprovider.SDefaultAccount{
			Linux: cloudprovider.SOsDefaultAccount{
				DefaultAccount: api.VM_DEFAULT_LINUX_LOGIN_USER,
				Changeable:     false,
			},
			Windows: cloudprovider.SOsDefaultAccount{
				DefaultAccount: api.VM_DEFAULT_WINDOWS_LOGIN_USER,
				Changeable:     false,
			},
		},
	}
}

func (self *SQingCloudGuestDriver) GetGuestInitialStateAfterCreate() string {
	return api.VM_READY
}

func (self *SQingCloudGuestDriver) AllowReconfigGuest() bool {
	return true
}

func (self *SQingCloudGuestDriver) IsSupportSetAutoRenew() bool {
	return false
}

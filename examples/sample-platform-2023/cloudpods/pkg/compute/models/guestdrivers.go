// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package models

import (
	"fmt"

	"yunion.io/x/cloudmux/pkg/cloudprovider"
	"yunion.io/x/pkg/util/rbacscope"

	"yunion.io/x/onecloud/pkg/mcclient"
)

type IGuestDriver interface {
	GetHypervisor() string
	GetProvider() string
	GetComputeQuotaKeys(scope rbacscope.TRbacScope, ownerId mcclient.IIdentityProvider, brand string) SComputeResourceKeys
	GetDefaultSysDiskBackend() string
	GetMinimalSysDiskSizeGb() int
	GetInstanceCapability() cloudprovider.SInstanceCapability

	GetGuestInitialStateAfterCreate() string
	AllowReconfigGuest() bool
	IsSupportSetAutoRenew() bool
}

var guestDrivers map[string]IGuestDriver

func init() {
	guestDrivers = make(map[string]IGuestDriver)
}

func RegisterGuestDriver(driver IGuestDriver) {
	guestDrivers[driver.GetHypervisor()] = driver
}

func GetDriver(hypervisor string) IGuestDriver {
	driver, ok := guestDrivers[hypervisor]
	if ok {
		return driver
	}
	panic(fmt.Sprintf("Unsupported hypervisor %q", hypervisor))
}

func GetNotSupportAutoRenewHypervisors() []string {
	hypervisors := []string{}
	for hypervisor, driver := range guestDrivers {
		if !driver.IsSupportSetAutoRenew() {
			hypervisors = append(hypervisors, hypervisor)
		}
	}
	return hypervisors
}

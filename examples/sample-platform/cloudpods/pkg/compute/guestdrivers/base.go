// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package guestdrivers registers guest drivers under "<hypervisor>-<provider>".
package guestdrivers

import (
	api "yunion.io/x/onecloud/pkg/apis/compute"
)

type SBaseGuestDriver struct {
}

func (self *SBaseGuestDriver) GetGuestInitialStateAfterCreate() string {
	return api.VM_READY
}

func (self *SBaseGuestDriver) AllowReconfigGuest() bool {
	return false
}

func (self *SBaseGuestDriver) IsSupportSetAutoRenew() bool {
	return true
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package models

import (
	"context"

	"yunion.io/x/pkg/errors"
	"yunion.io/x/pkg/utils"

	api "yunion.io/x/onecloud/pkg/apis/compute"
	"yunion.io/x/onecloud/pkg/mcclient"
)

var supportInstanceSnapshotHypervisors = []string{
	api.HYPERVISOR_KVM,
	api.HYPERVISOR_CNWARE,
}

func (self *SGuest) ValidateCreateInstanceSnapshot(ctx context.Context, userCred mcclient.TokenCredential) error {
	if !utils.IsInStringArray(self.GetHypervisor(), supportInstanceSnapshotHypervisors) {
		return errors.Wrapf(errors.ErrNotSupported, "guest hypervisor %s", self.GetHypervisor())
	}
	return nil
}

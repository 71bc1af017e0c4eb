// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package regiondrivers registers one region driver per provider that owns
// cloud regions (every entry of CLOUD_PROVIDERS needs one).
package regiondrivers

import (
	"context"

	"yunion.io/x/pkg/errors"

	api "yunion.io/x/onecloud/pkg/apis/compute"
	"yunion.io/x/onecloud/pkg/compute/models"
	"yunion.io/x/onecloud/pkg/mcclient"
)

type SBaseRegionDriver struct {
}

func (self *SBaseRegionDriver) IsSupportedDBInstance() bool {
	return false
}

func (self *SBaseRegionDriver) IsVpcCreateNeedInputCidr() bool {
	return true
}

func (self *SBaseRegionDriver) ValidateCreateSnapshotData(ctx context.Context, userCred mcclient.TokenCredential, disk *models.SDisk, storage *models.SStorage, input *api.SnapshotCreateInput) error {
	return errors.Wrapf(errors.ErrNotImplemented, "ValidateCreateSnapshotData")
}

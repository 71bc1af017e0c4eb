// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package regiondrivers

import (
	"context"

	api "yunion.io/x/onecloud/pkg/apis/compute"
	"yunion.io/x/onecloud/pkg/compute/models"
	"yunion.io/x/onecloud/pkg/mcclient"
)

type SQingCloudRegionDriver struct {
	SManagedVirtualizationRegionDriver
}

func init() {
	driver := SQingCloudRegionDriver{}
	models.RegisterRegionDriver(&driver)
}

func (self *SQingCloudRegionDriver) GetProvider() string {
	return api.CLOUD_PROVIDER_QINGCLOUD
}

func (self *SQingCloudRegionDriver) ValidateCreateSnapshotData(ctx context.Context, userCred mcclient.TokenCredential, disk *models.SDisk, storage *models.SStorage, input *api.SnapshotCreateInput) error {
	return nil
}

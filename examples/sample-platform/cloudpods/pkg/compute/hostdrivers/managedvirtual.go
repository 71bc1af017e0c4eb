// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package hostdrivers

import (
	"fmt"

	"yunion.io/x/onecloud/pkg/compute/models"
)

type SManagedVirtualizationHostDriver struct {
	SVirtualizationHostDriver
}

func (self *SManagedVirtualizationHostDriver) ValidateDiskSize(storage *models.SStorage, sizeGb int) error {
	if sizeGb <= 0 {
		return fmt.Errorf("invalid disk size %dGB for storage %s", sizeGb, storage.StorageType)
	}
	return nil
}

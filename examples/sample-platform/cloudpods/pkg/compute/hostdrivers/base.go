// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package hostdrivers registers host drivers under "<host type>-<provider>".
package hostdrivers

import (
	"yunion.io/x/onecloud/pkg/compute/models"
)

type SBaseHostDriver struct {
}

func (self *SBaseHostDriver) ValidateDiskSize(storage *models.SStorage, sizeGb int) error {
	return nil
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package models

import (
	"fmt"

	"yunion.io/x/pkg/errors"
)

type IHostDriver interface {
	GetHostType() string
	GetHypervisor() string
	GetProvider() string

	ValidateDiskSize(storage *SStorage, sizeGb int) error
}

var hostDrivers map[string]IHostDriver

func init() {
	hostDrivers = make(map[string]IHostDriver)
}

func RegisterHostDriver(driver IHostDriver) {
	key := fmt.Sprintf("%s-%s", driver.GetHostType(), driver.GetProvider())
	hostDrivers[key] = driver
}

func GetHostDriver(hostType, provider string) (IHostDriver, error) {
	key := fmt.Sprintf("%s-%s", hostType, provider)
	driver, ok := hostDrivers[key]
	if ok {
		return driver, nil
	}
	return nil, errors.Wrapf(errors.ErrNotFound, "host type: %s provider: %s", hostType, provider)
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package models

import (
	"yunion.io/x/log"
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
	hostDrivers[driver.GetHostType()] = driver
}

func GetHostDriver(hostType string) IHostDriver {
	driver, ok := hostDrivers[hostType]
	if ok {
		return driver
	}
	log.Fatalf("Unsupported hostType %s", hostType)
	return nil
}

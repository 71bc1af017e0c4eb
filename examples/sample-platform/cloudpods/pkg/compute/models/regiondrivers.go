// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package models holds the driver registries of the compute service. The
// interfaces are cut down to the methods a new provider must implement plus a
// few the base drivers supply.
package models

import (
	"context"

	"yunion.io/x/log"

	api "yunion.io/x/onecloud/pkg/apis/compute"
	"yunion.io/x/onecloud/pkg/mcclient"
)

type IRegionDriver interface {
	GetProvider() string

	IsSupportedDBInstance() bool
	IsVpcCreateNeedInputCidr() bool
	ValidateCreateSnapshotData(ctx context.Context, userCred mcclient.TokenCredential, disk *SDisk, storage *SStorage, input *api.SnapshotCreateInput) error
}

var regionDrivers map[string]IRegionDriver

func init() {
	regionDrivers = make(map[string]IRegionDriver)
}

func RegisterRegionDriver(driver IRegionDriver) {
	regionDrivers[driver.GetProvider()] = driver
}

func GetRegionDriver(provider string) IRegionDriver {
	driver, ok := regionDrivers[provider]
	if ok {
		return driver
	}
	log.Fatalf("Unsupported provider %s", provider)
	return nil
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package providerdriver registers one metric collector per provider; a
// provider without one only gets an error in the cloudmon log.
package providerdriver

import (
	"context"
	"fmt"
	"time"

	"yunion.io/x/cloudmux/pkg/cloudprovider"

	api "yunion.io/x/onecloud/pkg/apis/compute"
)

var driverTable map[string]ICollectDriver = map[string]ICollectDriver{}

type ICollectDriver interface {
	GetProvider() string
	GetDelayDuration() time.Duration
	IsSupportMetrics() bool
	CollectServerMetrics(ctx context.Context, manager api.CloudproviderDetails, provider cloudprovider.ICloudProvider, res map[string]api.ServerDetails, start, end time.Time) error
	CollectHostMetrics(ctx context.Context, manager api.CloudproviderDetails, provider cloudprovider.ICloudProvider, res map[string]api.HostDetails, start, end time.Time) error
}

func GetDriver(name string) (ICollectDriver, error) {
	driver, ok := driverTable[name]
	if !ok {
		return nil, fmt.Errorf("not found %s collect driver", name)
	}
	return driver, nil
}

func Register(driver ICollectDriver) {
	driverTable[driver.GetProvider()] = driver
}

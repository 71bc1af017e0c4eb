// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package service stands in for the cloudmon service: it reports which
// providers have a collect driver.
package service

import (
	"yunion.io/x/cloudmux/pkg/cloudprovider"
	"yunion.io/x/log"

	api "yunion.io/x/onecloud/pkg/apis/compute"
	"yunion.io/x/onecloud/pkg/cloudmon/providerdriver"
)

func StartService() {
	for _, provider := range api.CLOUD_PROVIDERS {
		driver, err := providerdriver.GetDriver(provider)
		if err != nil {
			log.Errorf("no collect driver for %s: %v", provider, err)
			continue
		}
		log.Infof("%s: metrics=%v factory=%v", provider, driver.IsSupportMetrics(), cloudprovider.IsSupported(provider))
	}
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Command region checks at start-up, like the real region service, that every
// provider owning cloud regions has a region driver (log.Fatalf otherwise).
package main

import (
	"fmt"
	"sort"

	_ "yunion.io/x/cloudmux/pkg/multicloud/loader"

	api "yunion.io/x/onecloud/pkg/apis/compute"
	_ "yunion.io/x/onecloud/pkg/compute/guestdrivers"
	_ "yunion.io/x/onecloud/pkg/compute/hostdrivers"
	"yunion.io/x/onecloud/pkg/compute/models"
	_ "yunion.io/x/onecloud/pkg/compute/regiondrivers"
)

func main() {
	for _, provider := range api.CLOUD_PROVIDERS {
		fmt.Printf("%s: region driver %T\n", provider, models.GetRegionDriver(provider))
	}
	providers := []string{}
	for provider := range api.CLOUD_PROVIDER_HOST_TYPE_MAP {
		providers = append(providers, provider)
	}
	sort.Strings(providers)
	for _, provider := range providers {
		for _, hostType := range api.CLOUD_PROVIDER_HOST_TYPE_MAP[provider] {
			fmt.Printf("%s/%s: host driver %T\n", provider, hostType, models.GetHostDriver(hostType))
		}
	}
}

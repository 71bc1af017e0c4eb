// Stand-in written for integrate's tests.

// Package provider implements the machine-controller-manager driver for one cloud.
package provider

import (
	"github.com/gardener/machine-controller-manager-provider-sampleprovider/pkg/spi"
	"github.com/gardener/machine-controller-manager/pkg/util/provider/driver"
)

// Provider implements driver.Driver.
type Provider struct {
	SPI spi.SessionProviderInterface
}

// NewProvider returns the driver of this provider.
func NewProvider(spi spi.SessionProviderInterface) driver.Driver {
	return &Provider{
		SPI: spi,
	}
}

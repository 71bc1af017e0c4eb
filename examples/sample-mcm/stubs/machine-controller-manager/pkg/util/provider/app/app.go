// Package app runs the machine controller with a provider's driver.
package app

import (
	"errors"

	"github.com/gardener/machine-controller-manager/pkg/util/provider/app/options"
	"github.com/gardener/machine-controller-manager/pkg/util/provider/driver"
)

// Run would start the controller; the stand-in only checks its arguments.
func Run(s *options.MCServer, d driver.Driver) error {
	if s == nil || d == nil {
		return errors.New("no server options or no driver")
	}
	return nil
}

/*
Stand-in for the sample provider's entry point, written for integrate's tests.

It parses the flags, builds the provider from its session provider and hands it to the
machine controller.
*/

package main

import (
	"fmt"
	"os"

	cp "github.com/gardener/machine-controller-manager-provider-sampleprovider/pkg/provider"
	"github.com/gardener/machine-controller-manager-provider-sampleprovider/pkg/spi"
	_ "github.com/gardener/machine-controller-manager/pkg/util/client/metrics/prometheus" // client metrics
	"github.com/gardener/machine-controller-manager/pkg/util/provider/app"
	"github.com/gardener/machine-controller-manager/pkg/util/provider/app/options"
	_ "github.com/gardener/machine-controller-manager/pkg/util/reflector/prometheus" // reflector metrics
	_ "github.com/gardener/machine-controller-manager/pkg/util/workqueue/prometheus" // workqueue metrics
	"github.com/spf13/pflag"
	"k8s.io/component-base/cli/flag"
	"k8s.io/component-base/logs"
)

func main() {
	s := options.NewMCServer()
	s.AddFlags(pflag.CommandLine)

	flag.InitFlags()
	logs.InitLogs()
	defer logs.FlushLogs()

	provider := cp.NewProvider(&spi.PluginSPIImpl{})

	if err := app.Run(s, provider); err != nil {
		fmt.Fprintf(os.Stderr, "%v\n", err)
		os.Exit(1)
	}
}

package main

import (
	"fmt"

	_ "github.com/gardener/machine-controller-manager/pkg/util/client/metrics/prometheus" // metrics
	"github.com/gardener/machine-controller-manager/pkg/util/provider/app"
	"github.com/spf13/pflag"
	cp "github.com/zeta/machine-controller-manager-provider-acme/pkg/provider"
	"github.com/zeta/machine-controller-manager-provider-acme/pkg/spi"
	"k8s.io/component-base/logs"
)

func main() {
	fmt.Println(cp.NewProvider(&spi.PluginSPIImpl{}), app.Run, pflag.CommandLine, logs.InitLogs)
}

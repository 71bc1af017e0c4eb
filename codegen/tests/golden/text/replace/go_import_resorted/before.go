package main

import (
	"fmt"

	cp "github.com/gardener/machine-controller-manager-provider-sampleprovider/pkg/provider"
	"github.com/gardener/machine-controller-manager-provider-sampleprovider/pkg/spi"
	_ "github.com/gardener/machine-controller-manager/pkg/util/client/metrics/prometheus" // metrics
	"github.com/gardener/machine-controller-manager/pkg/util/provider/app"
	"github.com/spf13/pflag"
	"k8s.io/component-base/logs"
)

func main() {
	fmt.Println(cp.NewProvider(&spi.PluginSPIImpl{}), app.Run, pflag.CommandLine, logs.InitLogs)
}

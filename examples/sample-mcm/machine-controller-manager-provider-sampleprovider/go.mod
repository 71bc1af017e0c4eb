module github.com/gardener/machine-controller-manager-provider-sampleprovider

go 1.13

require (
	github.com/gardener/machine-controller-manager v0.36.0
	github.com/onsi/ginkgo v1.12.0
	github.com/onsi/gomega v1.9.0
	github.com/spf13/pflag v1.0.5
	k8s.io/api v0.0.0-20190918155943-95b840bb6a1f
	k8s.io/component-base v0.0.0-20190918160511-547f6c5d7090
	k8s.io/klog v0.4.0
)

replace (
	github.com/gardener/machine-controller-manager => ../stubs/machine-controller-manager
	github.com/onsi/ginkgo => ../stubs/ginkgo
	github.com/onsi/gomega => ../stubs/gomega
	github.com/spf13/pflag => ../stubs/pflag
	k8s.io/api => ../stubs/k8s-api
	k8s.io/apimachinery => ../stubs/k8s-apimachinery
	k8s.io/component-base => ../stubs/component-base
	k8s.io/klog => ../stubs/klog
)

// Stand-in for github.com/gardener/machine-controller-manager, cut down to what the sample
// provider compiles against. Written for integrate's tests; not upstream code.
module github.com/gardener/machine-controller-manager

go 1.13

require (
	github.com/spf13/pflag v1.0.5
	k8s.io/api v0.0.0-20190918155943-95b840bb6a1f
	k8s.io/apimachinery v0.0.0-20190913080033-27d36303b655
)

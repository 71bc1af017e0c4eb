module github.com/openshift/cluster-cloud-controller-manager-operator

go 1.24

require (
	github.com/asaskevich/govalidator v0.0.0
	github.com/openshift/api v0.0.0
	github.com/openshift/library-go v0.0.0
	k8s.io/api v0.0.0
	k8s.io/apimachinery v0.0.0
	k8s.io/klog/v2 v2.0.0
	sigs.k8s.io/controller-runtime v0.0.0
)

replace (
	github.com/asaskevich/govalidator => ../stubs/govalidator
	github.com/openshift/api => ../stubs/openshift-api
	github.com/openshift/library-go => ../stubs/library-go
	k8s.io/api => ../stubs/k8s-api
	k8s.io/apimachinery => ../stubs/apimachinery
	k8s.io/klog/v2 => ../stubs/klog
	sigs.k8s.io/controller-runtime => ../stubs/controller-runtime
)

// Stand-in for k8s.io/apimachinery, written for integrate's tests.
module k8s.io/apimachinery

go 1.13

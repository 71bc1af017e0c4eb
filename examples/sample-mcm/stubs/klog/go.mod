// Stand-in for k8s.io/klog, written for integrate's tests.
module k8s.io/klog

go 1.13

// Stand-in for k8s.io/component-base, written for integrate's tests.
module k8s.io/component-base

go 1.13

// Stand-in for k8s.io/api (core/v1 only), written for integrate's tests.
module k8s.io/api

go 1.13

require k8s.io/apimachinery v0.0.0-20190913080033-27d36303b655

// Stand-in for github.com/onsi/ginkgo, written for integrate's tests.
module github.com/onsi/ginkgo

go 1.13

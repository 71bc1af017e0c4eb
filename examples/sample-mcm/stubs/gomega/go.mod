// Stand-in for github.com/onsi/gomega, written for integrate's tests.
module github.com/onsi/gomega

go 1.13

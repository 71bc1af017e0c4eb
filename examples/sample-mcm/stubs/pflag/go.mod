// Stand-in for github.com/spf13/pflag, written for integrate's tests.
module github.com/spf13/pflag

go 1.13

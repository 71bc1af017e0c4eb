// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package hostdrivers

type SVirtualizationHostDriver struct {
	SBaseHostDriver
}

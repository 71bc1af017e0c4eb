// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package guestdrivers

type SVirtualizedGuestDriver struct {
	SBaseGuestDriver
}

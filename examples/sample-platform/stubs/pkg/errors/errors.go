// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package errors stands in for yunion.io/x/pkg/errors: constant sentinel
// errors plus Wrap/Wrapf/Cause.
package errors

import "fmt"

// Error is a constant error value; sentinels are declared as Error("...").
type Error string

func (e Error) Error() string { return string(e) }

const (
	ErrServer          = Error("ServerError")
	ErrClient          = Error("ClientError")
	ErrTimeout         = Error("TimeoutError")
	ErrNotFound        = Error("NotFoundError")
	ErrNotEmpty        = Error("NotEmptyError")
	ErrDuplicateId     = Error("DuplicateIdError")
	ErrInvalidStatus   = Error("InvalidStatusError")
	ErrNotImplemented  = Error("NotImplementedError")
	ErrNotSupported    = Error("NotSupportedError")
	ErrAccountReadOnly = Error("AccountReadOnlyError")
	ErrInvalidFormat   = Error("InvalidFormatError")
)

type wrapped struct {
	cause error
	msg   string
}

func (w *wrapped) Error() string { return w.msg + ": " + w.cause.Error() }
func (w *wrapped) Unwrap() error { return w.cause }

// Wrap annotates err with msg; Cause(Wrap(err, msg)) == Cause(err).
func Wrap(err error, msg string) error {
	if err == nil {
		return nil
	}
	return &wrapped{cause: err, msg: msg}
}

func Wrapf(err error, format string, args ...interface{}) error {
	return Wrap(err, fmt.Sprintf(format, args...))
}

// Cause returns the innermost error of a chain built with Wrap.
func Cause(err error) error {
	for {
		w, ok := err.(*wrapped)
		if !ok {
			return err
		}
		err = w.cause
	}
}

func Errorf(format string, args ...interface{}) error {
	return fmt.Errorf(format, args...)
}

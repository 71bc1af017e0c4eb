// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package cloudprovider

import "yunion.io/x/pkg/errors"

const (
	ErrMissingParameter = errors.Error("MissingParameterError")
	ErrInputParameter   = errors.Error("InputParameterError")
	ErrInvalidProvider  = errors.Error("InvalidProvider")
	ErrInvalidAccessKey = errors.Error("InvalidAccessKey")
	ErrUnauthorized     = errors.Error("UnauthorizedError")
	ErrNoSuchProvder    = errors.Error("no such provider")

	ErrNotFound        = errors.ErrNotFound
	ErrDuplicateId     = errors.ErrDuplicateId
	ErrInvalidStatus   = errors.ErrInvalidStatus
	ErrTimeout         = errors.ErrTimeout
	ErrNotImplemented  = errors.ErrNotImplemented
	ErrNotSupported    = errors.ErrNotSupported
	ErrAccountReadOnly = errors.ErrAccountReadOnly

	ErrUnknown = errors.Error("UnknownError")
)

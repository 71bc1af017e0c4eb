// Package status turns machine codes into errors and back.
package status

import (
	"fmt"

	"github.com/gardener/machine-controller-manager/pkg/util/provider/machinecodes/codes"
)

// Status is an error with a machine code.
type Status struct {
	code    codes.Code
	message string
}

// Code is the status's machine code.
func (s *Status) Code() codes.Code { return s.code }

// Message is the status's message.
func (s *Status) Message() string { return s.message }

func (s *Status) Error() string {
	return fmt.Sprintf("machine codes error: code = [%d] message = [%s]", s.code, s.message)
}

// Error returns an error with code c and message msg.
func Error(c codes.Code, msg string) error { return &Status{code: c, message: msg} }

// FromError returns the status an error carries.
func FromError(err error) (*Status, bool) {
	s, ok := err.(*Status)
	return s, ok
}

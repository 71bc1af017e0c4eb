// Package klog stands in for k8s.io/klog/v2: leveled logging to standard error.
package klog

import (
	"fmt"
	"os"
)

// Infof logs at info level.
func Infof(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "I "+format+"\n", args...)
}

// Errorf logs at error level.
func Errorf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "E "+format+"\n", args...)
}

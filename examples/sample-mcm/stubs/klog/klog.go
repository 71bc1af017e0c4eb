// Package klog is a levelled logger.
package klog

import (
	"fmt"
	"os"
)

// Verbose logs when its level is enabled.
type Verbose bool

// V reports whether level is enabled; the stand-in logs up to level 2.
func V(level int) Verbose { return Verbose(level <= 2) }

// Infof logs when v is enabled.
func (v Verbose) Infof(format string, args ...interface{}) {
	if v {
		fmt.Fprintf(os.Stderr, format+"\n", args...)
	}
}

// Errorf logs an error.
func Errorf(format string, args ...interface{}) { fmt.Fprintf(os.Stderr, format+"\n", args...) }

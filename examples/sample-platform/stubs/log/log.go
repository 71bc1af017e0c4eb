// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package log stands in for yunion.io/x/log: printf-style levelled logging.
package log

import (
	stdlog "log"
	"os"
)

var logger = stdlog.New(os.Stderr, "", stdlog.LstdFlags)

func Debugf(format string, args ...interface{})   { logger.Printf("[D] "+format, args...) }
func Infof(format string, args ...interface{})    { logger.Printf("[I] "+format, args...) }
func Warningf(format string, args ...interface{}) { logger.Printf("[W] "+format, args...) }
func Errorf(format string, args ...interface{})   { logger.Printf("[E] "+format, args...) }
func Errorln(args ...interface{})                 { logger.Println(append([]interface{}{"[E]"}, args...)...) }
func Fatalf(format string, args ...interface{})   { logger.Fatalf("[F] "+format, args...) }

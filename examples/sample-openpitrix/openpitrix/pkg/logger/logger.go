// Stand-in written for integrate's tests, not OpenPitrix code.

// Package logger writes log lines tagged with the request's context.
package logger

import (
	"context"
	"fmt"
	"os"
)

func output(ctx context.Context, level, format string, v ...interface{}) {
	fmt.Fprintf(os.Stderr, "%s %s\n", level, fmt.Sprintf(format, v...))
}

// Info logs at info level.
func Info(ctx context.Context, format string, v ...interface{}) { output(ctx, "INFO", format, v...) }

// Warn logs at warning level.
func Warn(ctx context.Context, format string, v ...interface{}) { output(ctx, "WARN", format, v...) }

// Error logs at error level.
func Error(ctx context.Context, format string, v ...interface{}) { output(ctx, "ERROR", format, v...) }

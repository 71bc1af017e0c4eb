// Package flag sets up command-line flags.
package flag

// InitFlags parses the command line (a no-op in the stand-in).
func InitFlags() {}

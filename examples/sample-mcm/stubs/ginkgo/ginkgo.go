// Package ginkgo runs BDD-style specs; the stand-in has none to run.
package ginkgo

import "testing"

// Fail marks the running spec as failed.
func Fail(message string, callerSkip ...int) { panic(message) }

// RunSpecs runs the registered specs and reports whether they passed.
func RunSpecs(t *testing.T, description string) bool {
	t.Logf("%s: no specs", description)
	return true
}

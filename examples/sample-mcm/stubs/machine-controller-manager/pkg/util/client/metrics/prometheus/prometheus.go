// Package prometheus registers client/metrics metrics (a no-op in the stand-in).
package prometheus

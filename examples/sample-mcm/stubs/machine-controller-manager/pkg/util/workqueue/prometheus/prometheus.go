// Package prometheus registers workqueue metrics (a no-op in the stand-in).
package prometheus

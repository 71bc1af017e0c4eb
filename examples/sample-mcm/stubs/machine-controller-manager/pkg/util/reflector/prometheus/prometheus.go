// Package prometheus registers reflector metrics (a no-op in the stand-in).
package prometheus

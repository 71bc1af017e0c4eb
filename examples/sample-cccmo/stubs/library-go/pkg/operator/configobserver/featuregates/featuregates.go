// Package featuregates stands in for library-go's feature gate accessors.
package featuregates

// FeatureGate tells whether a named gate is on.
type FeatureGate interface {
	Enabled(name string) bool
}

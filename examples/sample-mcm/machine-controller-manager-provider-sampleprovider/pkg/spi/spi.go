// Stand-in written for integrate's tests.

package spi

// SessionProviderInterface opens sessions with the cloud's API; a provider adds the methods
// it needs.
type SessionProviderInterface interface{}

// PluginSPIImpl is the implementation that talks to the cloud.
type PluginSPIImpl struct{}

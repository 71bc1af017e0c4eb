// Stand-in written for integrate's tests, not OpenPitrix code.

// Package pi holds the process-wide state: the global configuration.
package pi

import "openpitrix.io/openpitrix/pkg/config"

// Pi is the process's state.
type Pi struct {
	globalConfig *config.GlobalConfig
}

var global = &Pi{globalConfig: &config.GlobalConfig{}}

// Global returns the process's state.
func Global() *Pi { return global }

// GlobalConfig returns the global configuration.
func (p *Pi) GlobalConfig() *config.GlobalConfig { return p.globalConfig }

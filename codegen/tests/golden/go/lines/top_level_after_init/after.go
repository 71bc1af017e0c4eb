package plugins

import "example.com/plugins/acme"

type ProviderInterface interface{ Name() string }

func init() {
	register(acme.NewProvider())
}

// acme.Provider must implement ProviderInterface.
var _ ProviderInterface = (*acme.Provider)(nil)

func register(p ProviderInterface) {}

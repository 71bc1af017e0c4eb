package plugins

import "example.com/plugins/acme"

type ProviderInterface interface{ Name() string }

func init() {
	register(acme.NewProvider())
}

func register(p ProviderInterface) {}

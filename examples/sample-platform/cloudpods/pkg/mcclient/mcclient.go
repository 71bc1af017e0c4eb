// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package mcclient is a stand-in for cloudpods' API client: only the types the
// drivers and the climc commands reference.
package mcclient

type IIdentityProvider interface {
	GetProjectId() string
	GetUserId() string
	GetTenantId() string
	GetProjectDomainId() string
}

type TokenCredential interface {
	IIdentityProvider
	GetTokenString() string
}

type ClientSession struct {
	Region string
}

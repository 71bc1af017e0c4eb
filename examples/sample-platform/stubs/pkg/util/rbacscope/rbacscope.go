// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package rbacscope stands in for yunion.io/x/pkg/util/rbacscope.
package rbacscope

type TRbacScope string

const (
	ScopeSystem  = TRbacScope("system")
	ScopeDomain  = TRbacScope("domain")
	ScopeProject = TRbacScope("project")
	ScopeUser    = TRbacScope("user")
	ScopeNone    = TRbacScope("none")
)

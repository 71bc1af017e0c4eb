// Package gomega holds matchers; the stand-in only registers the fail handler.
package gomega

var failHandler func(message string, callerSkip ...int)

// RegisterFailHandler sets what a failed assertion calls.
func RegisterFailHandler(handler func(message string, callerSkip ...int)) { failHandler = handler }

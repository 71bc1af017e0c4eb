// Package options holds the machine controller's command-line options.
package options

import "github.com/spf13/pflag"

// MCServer is the machine controller's configuration.
type MCServer struct {
	Namespace string
}

// NewMCServer returns the default configuration.
func NewMCServer() *MCServer { return &MCServer{Namespace: "default"} }

// AddFlags registers the options as flags.
func (s *MCServer) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&s.Namespace, "namespace", s.Namespace, "the namespace the controller watches")
}

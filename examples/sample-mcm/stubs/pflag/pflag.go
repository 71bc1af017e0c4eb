// Package pflag parses POSIX-style flags.
package pflag

// FlagSet is a set of flags.
type FlagSet struct {
	strings map[string]*string
}

// CommandLine is the process's flag set.
var CommandLine = &FlagSet{strings: map[string]*string{}}

// StringVar defines a string flag stored in p.
func (f *FlagSet) StringVar(p *string, name, value, usage string) {
	*p = value
	f.strings[name] = p
}

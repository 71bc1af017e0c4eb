// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package shellutils stands in for yunion.io/x/pkg/util/shellutils: the global
// command table the provider CLIs register into from init().
package shellutils

type CMD struct {
	Options  interface{}
	Command  string
	Desc     string
	Callback interface{}
}

var CommandTable = make([]CMD, 0)

func R(options interface{}, command string, desc string, callback interface{}) {
	CommandTable = append(CommandTable, CMD{options, command, desc, callback})
}

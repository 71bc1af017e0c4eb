// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package shell holds climc's global command table and the ResourceCmd helper
// that turns option structs into "<keyword>-<action>" commands.
package shell

import (
	"errors"
	"fmt"

	"yunion.io/x/jsonutils"
)

type CMD struct {
	Options  interface{}
	Command  string
	Desc     string
	Callback interface{}
}

var CommandTable []CMD = make([]CMD, 0)

var ErrEmtptyUpdate = errors.New("No valid update data")

func R(options interface{}, command string, desc string, callback interface{}) {
	CommandTable = append(CommandTable, CMD{options, command, desc, callback})
}

func InvalidUpdateError() error {
	return ErrEmtptyUpdate
}

func PrintObject(obj jsonutils.JSONObject) {
	if obj == nil {
		fmt.Println("{}")
		return
	}
	fmt.Println(obj.PrettyString())
}

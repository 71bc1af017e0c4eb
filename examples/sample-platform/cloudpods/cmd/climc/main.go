// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package main

import (
	"fmt"
	"os"

	"yunion.io/x/structarg"

	"yunion.io/x/onecloud/cmd/climc/shell"
	_ "yunion.io/x/onecloud/cmd/climc/shell/compute"
	_ "yunion.io/x/onecloud/cmd/climc/shell/misc"
	"yunion.io/x/onecloud/pkg/mcclient"
)

type BaseOptions struct {
	Debug      bool   `help:"Show debug information"`
	SUBCOMMAND string `help:"climc subcommand" subcommand:"true"`
}

func main() {
	parser, err := structarg.NewArgumentParserWithHelp(&BaseOptions{}, "climc", "Command-line interface to the sample API", "")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	subcmd := parser.GetSubcommand()
	for _, v := range shell.CommandTable {
		if _, err := subcmd.AddSubParserWithHelp(v.Options, v.Command, v.Desc, v.Callback); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if len(os.Args) < 2 {
		for _, v := range shell.CommandTable {
			fmt.Println(v.Command)
		}
		return
	}
	err = parser.ParseArgs(os.Args[1:], false)
	if parser.IsHelpSet() {
		fmt.Print(parser.HelpString())
		return
	}
	if err == nil && subcmd.GetSubParser() != nil {
		err = subcmd.Invoke(&mcclient.ClientSession{}, subcmd.GetSubParser().Options())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package qingcli

import (
	"fmt"
	"net/http"
	"os"

	"yunion.io/x/pkg/util/shellutils"
	"yunion.io/x/structarg"

	"yunion.io/x/cloudmux/pkg/cloudprovider"
	"yunion.io/x/cloudmux/pkg/multicloud/qingcloud"
	_ "yunion.io/x/cloudmux/pkg/multicloud/qingcloud/shell"
)

type BaseOptions struct {
	Debug           bool   `help:"debug mode"`
	AccessKeyId     string `help:"AccessKeyId" default:"$QINGCLOUD_ACCESS_KEY_ID" metavar:"QINGCLOUD_ACCESS_KEY_ID"`
	AccessKeySecret string `help:"AccessKeySecret" default:"$QINGCLOUD_ACCESS_KEY_SECRET" metavar:"QINGCLOUD_ACCESS_KEY_SECRET"`
	RegionId        string `help:"RegionId" default:"$QINGCLOUD_REGION_ID|pek3" metavar:"QINGCLOUD_REGION_ID"`
	SUBCOMMAND      string `help:"qingcli subcommand" subcommand:"true"`
}

func getSubcommandParser() (*structarg.ArgumentParser, error) {
	parse, err := structarg.NewArgumentParserWithHelp(&BaseOptions{},
		"qingcli",
		"Command-line interface to the QingCloud API.",
		`Run "qingcli COMMAND --help" for the options of one command.`)
	if err != nil {
		return nil, err
	}
	subcmd := parse.GetSubcommand()
	if subcmd == nil {
		return nil, fmt.Errorf("no subcommand argument")
	}
	for _, v := range shellutils.CommandTable {
		_, err := subcmd.AddSubParserWithHelp(v.Options, v.Command, v.Desc, v.Callback)
		if err != nil {
			return nil, err
		}
	}
	return parse, nil
}

func showErrorAndExit(e error) {
	fmt.Fprintf(os.Stderr, "%s\n", e)
	os.Exit(1)
}

func newClient(options *BaseOptions) (*qingcloud.SRegion, error) {
	if len(options.AccessKeyId) == 0 {
		return nil, fmt.Errorf("access key id is required")
	}
	if len(options.AccessKeySecret) == 0 {
		return nil, fmt.Errorf("access key secret is required")
	}
	cli, err := qingcloud.NewQingCloudClient(
		qingcloud.NewQingCloudClientConfig(
			options.AccessKeyId,
			options.AccessKeySecret,
		).Debug(options.Debug).
			CloudproviderConfig(
				cloudprovider.ProviderConfig{
					ProxyFunc: http.ProxyFromEnvironment,
				},
			),
	)
	if err != nil {
		return nil, err
	}
	return cli.GetRegion(options.RegionId)
}

func Main() {
	parser, e := getSubcommandParser()
	if e != nil {
		showErrorAndExit(e)
	}
	e = parser.ParseArgs(os.Args[1:], false)
	options := parser.Options().(*BaseOptions)
	if parser.IsHelpSet() {
		fmt.Print(parser.HelpString())
		return
	}
	subcmd := parser.GetSubcommand()
	subparser := subcmd.GetSubParser()
	if e != nil || subparser == nil {
		if subparser != nil {
			fmt.Print(subparser.Usage())
		} else {
			fmt.Print(parser.Usage())
		}
		if e == nil {
			e = fmt.Errorf("missing subcommand")
		}
		showErrorAndExit(e)
	}
	suboptions := subparser.Options()
	if subparser.IsHelpSet() {
		fmt.Print(subparser.HelpString())
		return
	}
	region, e := newClient(options)
	if e != nil {
		showErrorAndExit(e)
	}
	e = subcmd.Invoke(region, suboptions)
	if e != nil {
		showErrorAndExit(e)
	}
}

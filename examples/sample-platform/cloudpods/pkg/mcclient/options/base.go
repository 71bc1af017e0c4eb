// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package options holds the climc option structs shared by all resources.
package options

import (
	"yunion.io/x/jsonutils"
)

type BaseListOptions struct {
	Limit   *int     `default:"20" help:"Page limit"`
	Offset  *int     `default:"0" help:"Page offset"`
	OrderBy []string `help:"Name of the field to be ordered by"`
	Order   string   `help:"List order" choices:"desc|asc"`
	Details *bool    `help:"Show more details" default:"false"`
	Search  string   `help:"Filter results by a simple keyword search"`
	Filter  []string `help:"Filters"`
	Scope   string   `help:"resource scope" choices:"system|domain|project|user"`

	Manager      []string `help:"List objects belonging to the cloud provider" json:"manager,omitempty"`
	Account      string   `help:"List objects belonging to the cloud account" json:"account,omitempty"`
	Provider     []string `help:"List objects from the provider" choices:"OneCloud|Aliyun|Aws|OpenStack|ZStack|CephFS|QingCloud|CNware" json:"provider,omitempty" mcp:"true"`
	Brand        []string `help:"List objects belonging to a special brand"`
	CloudEnv     string   `help:"Cloud environment" choices:"public|private|onpremise|private_or_onpremise" json:"cloud_env,omitempty"`
	PublicCloud  *bool    `help:"List objects belonging to public cloud" json:"public_cloud"`
	PrivateCloud *bool    `help:"List objects belonging to private cloud" json:"private_cloud"`
	IsOnPremise  *bool    `help:"List objects belonging to on premise infrastructures" token:"on-premise" json:"is_on_premise"`

	ExportFile  string `help:"Export to file" metavar:"<EXPORT_FILE_PATH>" json:"-"`
	ExportKeys  string `help:"Export field keys" json:"-"`
	ExportTexts string `help:"Export field displayname texts" json:"-"`
}

func (opts *BaseListOptions) GetContextId() string  { return "" }
func (opts *BaseListOptions) GetExportFile() string { return opts.ExportFile }
func (opts *BaseListOptions) GetExportKeys() string { return opts.ExportKeys }

func (opts *BaseListOptions) GetExportTexts() string { return opts.ExportTexts }

func StructToParams(x interface{}) (*jsonutils.JSONDict, error) {
	params, ok := jsonutils.Marshal(x).(*jsonutils.JSONDict)
	if !ok {
		return jsonutils.NewDict(), nil
	}
	return params, nil
}

func ListStructToParams(x interface{}) (*jsonutils.JSONDict, error) {
	return StructToParams(x)
}

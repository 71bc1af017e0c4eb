// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package shell

import (
	"fmt"
	"strings"

	"yunion.io/x/jsonutils"

	"yunion.io/x/onecloud/pkg/mcclient"
	"yunion.io/x/onecloud/pkg/mcclient/modulebase"
)

type ResourceCmd struct {
	manager modulebase.IBaseManager
	keyword string
}

func NewResourceCmd(manager modulebase.IBaseManager) *ResourceCmd {
	return &ResourceCmd{manager: manager, keyword: manager.GetKeyword()}
}

func (cmd *ResourceCmd) WithKeyword(keyword string) *ResourceCmd {
	return cmd.SetKeyword(keyword)
}

func (cmd *ResourceCmd) SetKeyword(keyword string) *ResourceCmd {
	if len(keyword) > 0 {
		cmd.keyword = keyword
	}
	return cmd
}

type IOpt interface {
	Params() (jsonutils.JSONObject, error)
}

type IListOpt interface {
	IOpt
	GetContextId() string
	GetExportFile() string
	GetExportKeys() string
	GetExportTexts() string
}

type ICreateOpt interface {
	IOpt
}

type IIdOpt interface {
	GetId() string
}

type IShowOpt interface {
	IOpt
	IIdOpt
}

type IDeleteOpt interface {
	IOpt
	IIdOpt
}

type IUpdateOpt interface {
	IOpt
	IIdOpt
}

type IPerformOpt interface {
	IOpt
	IIdOpt
}

type IGetOpt interface {
	IOpt
	IIdOpt
}

func (cmd ResourceCmd) Run(action string, args interface{}, callback interface{}) {
	desc := fmt.Sprintf("%s %s", action, cmd.manager.GetKeyword())
	R(args, fmt.Sprintf("%s-%s", strings.ReplaceAll(cmd.keyword, "_", "-"), action), desc, callback)
}

// request stands in for the HTTP call: it prints what would be sent.
func (cmd ResourceCmd) request(method, id string, args IOpt) error {
	params, err := args.Params()
	if err != nil {
		return err
	}
	fmt.Printf("%s %s %s\n", method, cmd.manager.KeyString(), id)
	PrintObject(params)
	return nil
}

func (cmd ResourceCmd) List(args IListOpt) {
	cmd.Run("list", args, func(s *mcclient.ClientSession, args IListOpt) error {
		return cmd.request("GET", "", args)
	})
}

func (cmd ResourceCmd) Show(args IShowOpt) {
	cmd.Run("show", args, func(s *mcclient.ClientSession, args IShowOpt) error {
		return cmd.request("GET", args.GetId(), args)
	})
}

func (cmd ResourceCmd) Delete(args IDeleteOpt) {
	cmd.Run("delete", args, func(s *mcclient.ClientSession, args IDeleteOpt) error {
		return cmd.request("DELETE", args.GetId(), args)
	})
}

func (cmd ResourceCmd) Create(args ICreateOpt) {
	cmd.CreateWithKeyword("create", args)
}

func (cmd ResourceCmd) CreateWithKeyword(keyword string, args ICreateOpt) {
	cmd.Run(keyword, args, func(s *mcclient.ClientSession, args ICreateOpt) error {
		return cmd.request("POST", "", args)
	})
}

func (cmd ResourceCmd) Update(args IUpdateOpt) {
	cmd.UpdateWithKeyword("update", args)
}

func (cmd ResourceCmd) UpdateWithKeyword(keyword string, args IUpdateOpt) {
	cmd.Run(keyword, args, func(s *mcclient.ClientSession, args IUpdateOpt) error {
		return cmd.request("PUT", args.GetId(), args)
	})
}

func (cmd ResourceCmd) Perform(action string, args IPerformOpt) {
	cmd.PerformWithKeyword(action, action, args)
}

func (cmd ResourceCmd) PerformWithKeyword(keyword, action string, args IPerformOpt) {
	cmd.Run(keyword, args, func(s *mcclient.ClientSession, args IPerformOpt) error {
		return cmd.request("POST", args.GetId()+"/"+action, args)
	})
}

func (cmd ResourceCmd) PerformClass(action string, args IOpt) {
	cmd.Run(action, args, func(s *mcclient.ClientSession, args IOpt) error {
		return cmd.request("POST", action, args)
	})
}

func (cmd ResourceCmd) Get(specific string, args IGetOpt) {
	cmd.Run(specific, args, func(s *mcclient.ClientSession, args IGetOpt) error {
		return cmd.request("GET", args.GetId()+"/"+specific, args)
	})
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package modulebase

import (
	"yunion.io/x/jsonutils"

	"yunion.io/x/onecloud/pkg/mcclient"
)

type IBaseManager interface {
	GetKeyword() string
	KeyString() string
}

type ResourceManager struct {
	Keyword       string
	KeywordPlural string
}

func NewComputeManager(keyword, keywordPlural string) ResourceManager {
	return ResourceManager{Keyword: keyword, KeywordPlural: keywordPlural}
}

func (man *ResourceManager) GetKeyword() string { return man.Keyword }
func (man *ResourceManager) KeyString() string  { return man.KeywordPlural }

func (man *ResourceManager) List(s *mcclient.ClientSession, params jsonutils.JSONObject) (jsonutils.JSONObject, error) {
	return jsonutils.NewDict(), nil
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package cloudprovider is a reduced stand-in for cloudmux's provider API: the
// factory registry, the provider/factory interfaces and their base structs.
// Every method kept here has the same name and signature as upstream.
package cloudprovider

import (
	"context"
	"fmt"
	"net/http"

	"yunion.io/x/jsonutils"
	"yunion.io/x/pkg/errors"
	"yunion.io/x/pkg/util/httputils"
)

// SCloudaccountCredential is what cloudpods decodes the create/update input into.
type SCloudaccountCredential struct {
	ProjectName string `json:"project_name"`
	DomainName  string `json:"domain_name"`

	Username string `json:"username"`
	Password string `json:"password"`
	AuthUrl  string `json:"auto_url"`

	AccessKeyId     string `json:"access_key_id"`
	AccessKeySecret string `json:"access_key_secret"`
	Environment     string `json:"environment"`

	Host     string `json:"host"`
	Port     int    `json:"port"`
	Endpoint string `json:"endpoint"`

	RegionId string
}

type SCloudaccount struct {
	Account string `json:"account"`

	Secret string

	AccessUrl string `json:"access_url"`
}

type ProviderConfig struct {
	Id   string
	Name string

	Vendor  string
	URL     string
	Account string
	Secret  string

	ReadOnly bool

	AccountId string

	Options *jsonutils.JSONDict

	RegionId  string
	ProxyFunc httputils.TransportProxyFunc
	Debug     bool

	AdminProjectId string
}

func (cp *ProviderConfig) AdaptiveTimeoutHttpClient() *http.Client {
	client := httputils.GetAdaptiveTimeoutClient()
	httputils.SetClientProxyFunc(client, cp.ProxyFunc)
	return client
}

type SProviderInfo struct {
	Name    string
	Url     string
	Account string
	Secret  string
	Region  string
	Options *jsonutils.JSONDict
}

type ICloudProviderFactory interface {
	GetProvider(cfg ProviderConfig) (ICloudProvider, error)

	GetClientRC(SProviderInfo) (map[string]string, error)

	GetId() string
	GetName() string

	ValidateChangeBandwidth(instanceId string, bandwidth int64) error
	ValidateCreateCloudaccountData(ctx context.Context, input SCloudaccountCredential) (SCloudaccount, error)
	IsReadOnly() bool
	ValidateUpdateCloudaccountCredential(ctx context.Context, input SCloudaccountCredential, cloudaccount string) (SCloudaccount, error)
	GetSupportedBrands() []string

	IsPublicCloud() bool
	IsOnPremise() bool
	IsMultiTenant() bool
	IsSupportPrepaidResources() bool
	NeedSyncSkuFromCloud() bool

	IsCloudeventRegional() bool
	GetMaxCloudEventSyncDays() int
	GetMaxCloudEventKeepDays() int

	IsNeedForceAutoCreateProject() bool
	IsSupportSAMLAuth() bool

	GetAccountIdEqualizer() func(origin, now string) bool
}

type ICloudProvider interface {
	GetFactory() ICloudProviderFactory

	GetSysInfo() (jsonutils.JSONObject, error)
	GetVersion() string
	GetIamLoginUrl() string

	GetIRegions() ([]ICloudRegion, error)
	GetIProjects() ([]ICloudProject, error)
	CreateIProject(name string) (ICloudProject, error)
	GetIRegionById(id string) (ICloudRegion, error)

	GetOnPremiseIRegion() (ICloudRegion, error)

	GetBalance() (float64, string, error)

	GetSubAccounts() ([]SSubAccount, error)
	GetAccountId() string

	GetCloudRegionExternalIdPrefix() string

	GetStorageClasses(regionId string) []string
	GetBucketCannedAcls(regionId string) []string
	GetObjectCannedAcls(regionId string) []string

	GetCapabilities() []string
}

var providerTable map[string]ICloudProviderFactory

func init()                                         { providerTable = make(map[string]ICloudProviderFactory) }
func RegisterFactory(factory ICloudProviderFactory) { providerTable[factory.GetId()] = factory }
func RegisterFactoryAlias(alias string, factory ICloudProviderFactory) {
	providerTable[alias] = factory
}

func GetProviderFactory(provider string) (ICloudProviderFactory, error) {
	factory, ok := providerTable[provider]
	if ok {
		return factory, nil
	}
	return nil, fmt.Errorf("no such provider %s", provider)
}

func GetRegistedProviderIds() []string {
	providers := []string{}
	for id := range providerTable {
		providers = append(providers, id)
	}
	return providers
}

func GetProvider(cfg ProviderConfig) (ICloudProvider, error) {
	driver, err := GetProviderFactory(cfg.Vendor)
	if err != nil {
		return nil, errors.Wrap(err, "GetProviderFactory")
	}
	return driver.GetProvider(cfg)
}

func GetClientRC(provider string, info SProviderInfo) (map[string]string, error) {
	driver, err := GetProviderFactory(provider)
	if err != nil {
		return nil, errors.Wrap(err, "GetProviderFactory")
	}
	return driver.GetClientRC(info)
}

func IsSupported(provider string) bool {
	_, ok := providerTable[provider]
	return ok
}

func GetProviderCloudEnv(provider string) string {
	p, err := GetProviderFactory(provider)
	if err != nil {
		return ""
	}
	if p.IsPublicCloud() {
		return CLOUD_ENV_PUBLIC_CLOUD
	}
	if p.IsOnPremise() {
		return CLOUD_ENV_ON_PREMISE
	}
	return CLOUD_ENV_PRIVATE_CLOUD
}

type SBaseProvider struct {
	factory ICloudProviderFactory
}

func NewBaseProvider(factory ICloudProviderFactory) SBaseProvider {
	return SBaseProvider{factory: factory}
}

func (base *SBaseProvider) GetFactory() ICloudProviderFactory          { return base.factory }
func (base *SBaseProvider) GetOnPremiseIRegion() (ICloudRegion, error) { return nil, ErrNotImplemented }
func (base *SBaseProvider) GetIamLoginUrl() string                     { return "" }
func (base *SBaseProvider) CreateIProject(name string) (ICloudProject, error) {
	return nil, ErrNotImplemented
}

func (base *SBaseProvider) GetCloudRegionExternalIdPrefix() string { return base.factory.GetId() }

type baseProviderFactory struct {
}

func (factory *baseProviderFactory) ValidateChangeBandwidth(instanceId string, bandwidth int64) error {
	return nil
}

func (factory *baseProviderFactory) GetSupportedBrands() []string { return []string{} }
func (factory *baseProviderFactory) IsSupportSAMLAuth() bool      { return false }

// GetProvider has a different signature from ICloudProviderFactory.GetProvider,
// exactly like upstream: every concrete factory must define GetProvider(cfg).
func (factory *baseProviderFactory) GetProvider(providerId, providerName, url, username, password string) (ICloudProvider, error) {
	return nil, errors.Wrapf(ErrNotImplemented, "GetProvider")
}

func (factory *baseProviderFactory) IsOnPremise() bool                  { return false }
func (factory *baseProviderFactory) IsMultiTenant() bool                { return false }
func (factory *baseProviderFactory) IsReadOnly() bool                   { return false }
func (factory *baseProviderFactory) IsCloudeventRegional() bool         { return false }
func (factory *baseProviderFactory) GetMaxCloudEventSyncDays() int      { return 7 }
func (factory *baseProviderFactory) GetMaxCloudEventKeepDays() int      { return 7 }
func (factory *baseProviderFactory) IsNeedForceAutoCreateProject() bool { return false }

func (factory *baseProviderFactory) GetAccountIdEqualizer() func(origin, now string) bool {
	return func(origin, now string) bool {
		return len(now) == 0 || now == origin
	}
}

type SPremiseBaseProviderFactory struct {
	baseProviderFactory
}

func (factory *SPremiseBaseProviderFactory) IsPublicCloud() bool             { return false }
func (factory *SPremiseBaseProviderFactory) IsSupportPrepaidResources() bool { return false }
func (factory *SPremiseBaseProviderFactory) IsOnPremise() bool               { return true }
func (factory *SPremiseBaseProviderFactory) NeedSyncSkuFromCloud() bool      { return false }

type SPublicCloudBaseProviderFactory struct {
	baseProviderFactory
}

func (factory *SPublicCloudBaseProviderFactory) IsMultiTenant() bool             { return true }
func (factory *SPublicCloudBaseProviderFactory) IsPublicCloud() bool             { return true }
func (factory *SPublicCloudBaseProviderFactory) IsSupportPrepaidResources() bool { return true }
func (factory *SPublicCloudBaseProviderFactory) NeedSyncSkuFromCloud() bool      { return false }

type SPrivateCloudBaseProviderFactory struct {
	baseProviderFactory
}

func (factory *SPrivateCloudBaseProviderFactory) IsPublicCloud() bool             { return false }
func (factory *SPrivateCloudBaseProviderFactory) IsSupportPrepaidResources() bool { return false }
func (factory *SPrivateCloudBaseProviderFactory) NeedSyncSkuFromCloud() bool      { return true }

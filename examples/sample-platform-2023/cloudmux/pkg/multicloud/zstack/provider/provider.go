// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package provider

import (
	"context"

	"yunion.io/x/jsonutils"
	"yunion.io/x/pkg/errors"

	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
	"yunion.io/x/cloudmux/pkg/multicloud/zstack"
)

type SZStackProviderFactory struct {
	cloudprovider.SPrivateCloudBaseProviderFactory
}

func (self *SZStackProviderFactory) GetId() string {
	return api.CLOUD_PROVIDER_ZSTACK
}

func (self *SZStackProviderFactory) GetName() string {
	return api.CLOUD_PROVIDER_ZSTACK
}

func (self *SZStackProviderFactory) ValidateCreateCloudaccountData(ctx context.Context, input cloudprovider.SCloudaccountCredential) (cloudprovider.SCloudaccount, error) {
	output := cloudprovider.SCloudaccount{}
	if len(input.Username) == 0 || len(input.Password) == 0 {
		return output, errors.Wrap(cloudprovider.ErrMissingParameter, "username or password")
	}
	if len(input.AuthUrl) == 0 {
		return output, errors.Wrap(cloudprovider.ErrMissingParameter, "auth_url")
	}
	output.AccessUrl = input.AuthUrl
	output.Account = input.Username
	output.Secret = input.Password
	return output, nil
}

func (self *SZStackProviderFactory) ValidateUpdateCloudaccountCredential(ctx context.Context, input cloudprovider.SCloudaccountCredential, cloudaccount string) (cloudprovider.SCloudaccount, error) {
	output := cloudprovider.SCloudaccount{}
	if len(input.Username) == 0 || len(input.Password) == 0 {
		return output, errors.Wrap(cloudprovider.ErrMissingParameter, "username or password")
	}
	output.Account = input.Username
	output.Secret = input.Password
	return output, nil
}

func (self *SZStackProviderFactory) GetProvider(cfg cloudprovider.ProviderConfig) (cloudprovider.ICloudProvider, error) {
	client, err := zstack.NewZStackClient(
		zstack.NewZstackClientConfig(
			cfg.URL, cfg.Account, cfg.Secret,
		).CloudproviderConfig(cfg),
	)
	if err != nil {
		return nil, err
	}
	return &SZStackProvider{
		SBaseProvider: cloudprovider.NewBaseProvider(self),
		client:        client,
	}, nil
}

func (self *SZStackProviderFactory) GetClientRC(info cloudprovider.SProviderInfo) (map[string]string, error) {
	return map[string]string{
		"ZSTACK_AUTH_URL":  info.Url,
		"ZSTACK_USERNAME":  info.Account,
		"ZSTACK_PASSWORD":  info.Secret,
		"ZSTACK_REGION_ID": zstack.ZSTACK_DEFAULT_REGION,
	}, nil
}

func init() {
	factory := SZStackProviderFactory{}
	cloudprovider.RegisterFactory(&factory)
}

type SZStackProvider struct {
	cloudprovider.SBaseProvider
	client *zstack.SZStackClient
}

func (self *SZStackProvider) GetSysInfo() (jsonutils.JSONObject, error) {
	return jsonutils.NewDict(), nil
}

func (self *SZStackProvider) GetVersion() string { return "" }

func (self *SZStackProvider) GetIRegions() ([]cloudprovider.ICloudRegion, error) {
	regions := self.client.GetRegions()
	ret := []cloudprovider.ICloudRegion{}
	for i := range regions {
		ret = append(ret, &regions[i])
	}
	return ret, nil
}

func (self *SZStackProvider) GetIRegionById(extId string) (cloudprovider.ICloudRegion, error) {
	regions, _ := self.GetIRegions()
	for i := range regions {
		if regions[i].GetGlobalId() == extId {
			return regions[i], nil
		}
	}
	return nil, cloudprovider.ErrNotFound
}

func (self *SZStackProvider) GetIProjects() ([]cloudprovider.ICloudProject, error) {
	return []cloudprovider.ICloudProject{}, nil
}

func (self *SZStackProvider) GetBalance() (float64, string, error) {
	return 0.0, api.CLOUD_PROVIDER_HEALTH_NORMAL, nil
}

func (self *SZStackProvider) GetSubAccounts() ([]cloudprovider.SSubAccount, error) {
	return self.client.GetSubAccounts()
}

func (self *SZStackProvider) GetAccountId() string                         { return self.client.GetAccountId() }
func (self *SZStackProvider) GetStorageClasses(regionId string) []string   { return []string{} }
func (self *SZStackProvider) GetBucketCannedAcls(regionId string) []string { return []string{} }
func (self *SZStackProvider) GetObjectCannedAcls(regionId string) []string { return []string{} }
func (self *SZStackProvider) GetCapabilities() []string                    { return self.client.GetCapabilities() }

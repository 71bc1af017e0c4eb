// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package provider

import (
	"context"

	"yunion.io/x/jsonutils"
	"yunion.io/x/pkg/errors"

	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
	"yunion.io/x/cloudmux/pkg/multicloud/qingcloud"
)

type SQingCloudProviderFactory struct {
	cloudprovider.SPublicCloudBaseProviderFactory
}

func (self *SQingCloudProviderFactory) GetId() string {
	return api.CLOUD_PROVIDER_QINGCLOUD
}

func (self *SQingCloudProviderFactory) GetName() string {
	return api.CLOUD_PROVIDER_QINGCLOUD
}

func (self *SQingCloudProviderFactory) ValidateCreateCloudaccountData(ctx context.Context, input cloudprovider.SCloudaccountCredential) (cloudprovider.SCloudaccount, error) {
	output := cloudprovider.SCloudaccount{}
	if len(input.AccessKeyId) == 0 || len(input.AccessKeySecret) == 0 {
		return output, errors.Wrap(cloudprovider.ErrMissingParameter, "access_key_id or access_key_secret")
	}
	output.Account = input.AccessKeyId
	output.Secret = input.AccessKeySecret
	return output, nil
}

func (self *SQingCloudProviderFactory) ValidateUpdateCloudaccountCredential(ctx context.Context, input cloudprovider.SCloudaccountCredential, cloudaccount string) (cloudprovider.SCloudaccount, error) {
	output := cloudprovider.SCloudaccount{}
	if len(input.AccessKeyId) == 0 || len(input.AccessKeySecret) == 0 {
		return output, errors.Wrap(cloudprovider.ErrMissingParameter, "access_key_id or access_key_secret")
	}
	output.Account = input.AccessKeyId
	output.Secret = input.AccessKeySecret
	return output, nil
}

func (self *SQingCloudProviderFactory) GetProvider(cfg cloudprovider.ProviderConfig) (cloudprovider.ICloudProvider, error) {
	client, err := qingcloud.NewQingCloudClient(
		qingcloud.NewQingCloudClientConfig(
			cfg.Account,
			cfg.Secret,
		).CloudproviderConfig(cfg),
	)
	if err != nil {
		return nil, err
	}
	return &SQingCloudProvider{
		SBaseProvider: cloudprovider.NewBaseProvider(self),
		client:        client,
	}, nil
}

func (self *SQingCloudProviderFactory) GetClientRC(info cloudprovider.SProviderInfo) (map[string]string, error) {
	return map[string]string{
		"QINGCLOUD_ACCESS_KEY_ID":     info.Account,
		"QINGCLOUD_ACCESS_KEY_SECRET": info.Secret,
		"QINGCLOUD_REGION_ID":         qingcloud.QINGCLOUD_DEFAULT_REGION,
	}, nil
}

func init() {
	factory := SQingCloudProviderFactory{}
	cloudprovider.RegisterFactory(&factory)
}

type SQingCloudProvider struct {
	cloudprovider.SBaseProvider
	client *qingcloud.SQingCloudClient
}

func (self *SQingCloudProvider) GetSysInfo() (jsonutils.JSONObject, error) {
	return jsonutils.NewDict(), nil
}

func (self *SQingCloudProvider) GetVersion() string { return "" }

func (self *SQingCloudProvider) GetIRegions() ([]cloudprovider.ICloudRegion, error) {
	regions := self.client.GetRegions()
	ret := []cloudprovider.ICloudRegion{}
	for i := range regions {
		ret = append(ret, &regions[i])
	}
	return ret, nil
}

func (self *SQingCloudProvider) GetIRegionById(extId string) (cloudprovider.ICloudRegion, error) {
	regions, _ := self.GetIRegions()
	for i := range regions {
		if regions[i].GetGlobalId() == extId {
			return regions[i], nil
		}
	}
	return nil, cloudprovider.ErrNotFound
}

func (self *SQingCloudProvider) GetIProjects() ([]cloudprovider.ICloudProject, error) {
	return []cloudprovider.ICloudProject{}, nil
}

func (self *SQingCloudProvider) GetBalance() (float64, string, error) {
	return 0.0, api.CLOUD_PROVIDER_HEALTH_NORMAL, nil
}

func (self *SQingCloudProvider) GetSubAccounts() ([]cloudprovider.SSubAccount, error) {
	return self.client.GetSubAccounts()
}

func (self *SQingCloudProvider) GetAccountId() string                         { return self.client.GetAccountId() }
func (self *SQingCloudProvider) GetStorageClasses(regionId string) []string   { return []string{} }
func (self *SQingCloudProvider) GetBucketCannedAcls(regionId string) []string { return []string{} }
func (self *SQingCloudProvider) GetObjectCannedAcls(regionId string) []string { return []string{} }
func (self *SQingCloudProvider) GetCapabilities() []string                    { return self.client.GetCapabilities() }

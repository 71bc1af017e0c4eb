// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package provider

import (
	"context"
	"fmt"
	"strings"

	"yunion.io/x/jsonutils"
	"yunion.io/x/pkg/errors"

	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
	"yunion.io/x/cloudmux/pkg/multicloud/openstack"
)

type SOpenStackProviderFactory struct {
	cloudprovider.SPrivateCloudBaseProviderFactory
}

func (self *SOpenStackProviderFactory) GetId() string {
	return api.CLOUD_PROVIDER_OPENSTACK
}

func (self *SOpenStackProviderFactory) GetName() string {
	return api.CLOUD_PROVIDER_OPENSTACK
}

func (self *SOpenStackProviderFactory) ValidateCreateCloudaccountData(ctx context.Context, input cloudprovider.SCloudaccountCredential) (cloudprovider.SCloudaccount, error) {
	output := cloudprovider.SCloudaccount{}
	if len(input.Username) == 0 || len(input.Password) == 0 {
		return output, errors.Wrap(cloudprovider.ErrMissingParameter, "username or password")
	}
	if len(input.AuthUrl) == 0 {
		return output, errors.Wrap(cloudprovider.ErrMissingParameter, "auth_url")
	}
	output.AccessUrl = input.AuthUrl
	output.Account = fmt.Sprintf("%s/%s", input.ProjectName, input.Username)
	output.Secret = input.Password
	return output, nil
}

func (self *SOpenStackProviderFactory) ValidateUpdateCloudaccountCredential(ctx context.Context, input cloudprovider.SCloudaccountCredential, cloudaccount string) (cloudprovider.SCloudaccount, error) {
	output := cloudprovider.SCloudaccount{}
	if len(input.Username) == 0 || len(input.Password) == 0 {
		return output, errors.Wrap(cloudprovider.ErrMissingParameter, "username or password")
	}
	output.Account = fmt.Sprintf("%s/%s", input.ProjectName, input.Username)
	output.Secret = input.Password
	return output, nil
}

func (self *SOpenStackProviderFactory) GetProvider(cfg cloudprovider.ProviderConfig) (cloudprovider.ICloudProvider, error) {
	project, account, projectDomain := "", cfg.Account, ""
	if parts := strings.Split(cfg.Account, "/"); len(parts) == 2 {
		project, account = parts[0], parts[1]
	}
	client, err := openstack.NewOpenStackClient(
		openstack.NewOpenstackClientConfig(
			cfg.URL,
			account,
			cfg.Secret,
			project,
			projectDomain,
		).CloudproviderConfig(cfg),
	)
	if err != nil {
		return nil, err
	}
	return &SOpenStackProvider{
		SBaseProvider: cloudprovider.NewBaseProvider(self),
		client:        client,
	}, nil
}

func (self *SOpenStackProviderFactory) GetClientRC(info cloudprovider.SProviderInfo) (map[string]string, error) {
	return map[string]string{
		"OS_AUTH_URL":    info.Url,
		"OS_USERNAME":    info.Account,
		"OS_PASSWORD":    info.Secret,
		"OS_REGION_NAME": openstack.OPENSTACK_DEFAULT_REGION,
	}, nil
}

func init() {
	factory := SOpenStackProviderFactory{}
	cloudprovider.RegisterFactory(&factory)
}

type SOpenStackProvider struct {
	cloudprovider.SBaseProvider
	client *openstack.SOpenStackClient
}

func (self *SOpenStackProvider) GetSysInfo() (jsonutils.JSONObject, error) {
	return jsonutils.NewDict(), nil
}

func (self *SOpenStackProvider) GetVersion() string { return "" }

func (self *SOpenStackProvider) GetIRegions() ([]cloudprovider.ICloudRegion, error) {
	regions := self.client.GetRegions()
	ret := []cloudprovider.ICloudRegion{}
	for i := range regions {
		ret = append(ret, &regions[i])
	}
	return ret, nil
}

func (self *SOpenStackProvider) GetIRegionById(extId string) (cloudprovider.ICloudRegion, error) {
	regions, _ := self.GetIRegions()
	for i := range regions {
		if regions[i].GetGlobalId() == extId {
			return regions[i], nil
		}
	}
	return nil, cloudprovider.ErrNotFound
}

func (self *SOpenStackProvider) GetIProjects() ([]cloudprovider.ICloudProject, error) {
	return []cloudprovider.ICloudProject{}, nil
}

func (self *SOpenStackProvider) GetBalance() (float64, string, error) {
	return 0.0, api.CLOUD_PROVIDER_HEALTH_NORMAL, nil
}

func (self *SOpenStackProvider) GetSubAccounts() ([]cloudprovider.SSubAccount, error) {
	return self.client.GetSubAccounts()
}

func (self *SOpenStackProvider) GetAccountId() string                         { return self.client.GetAccountId() }
func (self *SOpenStackProvider) GetStorageClasses(regionId string) []string   { return []string{} }
func (self *SOpenStackProvider) GetBucketCannedAcls(regionId string) []string { return []string{} }
func (self *SOpenStackProvider) GetObjectCannedAcls(regionId string) []string { return []string{} }
func (self *SOpenStackProvider) GetCapabilities() []string                    { return self.client.GetCapabilities() }

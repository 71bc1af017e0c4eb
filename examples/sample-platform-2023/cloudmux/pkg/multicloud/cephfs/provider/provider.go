// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package provider

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"yunion.io/x/jsonutils"
	"yunion.io/x/pkg/errors"

	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
	"yunion.io/x/cloudmux/pkg/multicloud/cephfs"
)

type SCephFSProviderFactory struct {
	cloudprovider.SPremiseBaseProviderFactory
}

func (self *SCephFSProviderFactory) GetId() string {
	return cephfs.CLOUD_PROVIDER_CEPHFS
}

func (self *SCephFSProviderFactory) GetName() string {
	return cephfs.CLOUD_PROVIDER_CEPHFS
}

func (self *SCephFSProviderFactory) ValidateChangeBandwidth(instanceId string, bandwidth int64) error {
	return fmt.Errorf("%s does not support changing bandwidth", cephfs.CLOUD_PROVIDER_CEPHFS)
}

func (self *SCephFSProviderFactory) ValidateCreateCloudaccountData(ctx context.Context, input cloudprovider.SCloudaccountCredential) (cloudprovider.SCloudaccount, error) {
	output := cloudprovider.SCloudaccount{}
	if len(input.Username) == 0 || len(input.Password) == 0 {
		return output, errors.Wrap(cloudprovider.ErrMissingParameter, "username or password")
	}
	if len(input.Host) == 0 {
		return output, errors.Wrap(cloudprovider.ErrMissingParameter, "host")
	}
	output.AccessUrl = fmt.Sprintf("https://%s:%d/api", input.Host, input.Port)
	output.Account = input.Username
	output.Secret = input.Password
	return output, nil
}

func (self *SCephFSProviderFactory) ValidateUpdateCloudaccountCredential(ctx context.Context, input cloudprovider.SCloudaccountCredential, cloudaccount string) (cloudprovider.SCloudaccount, error) {
	output := cloudprovider.SCloudaccount{}
	if len(input.Username) == 0 || len(input.Password) == 0 {
		return output, errors.Wrap(cloudprovider.ErrMissingParameter, "username or password")
	}
	output.Account = input.Username
	output.Secret = input.Password
	return output, nil
}

func parseHostPort(host string, defPort int) (string, int, error) {
	if h, p, ok := strings.Cut(host, ":"); ok {
		port, err := strconv.Atoi(p)
		if err != nil {
			return "", 0, errors.Wrapf(err, "invalid port in %s", host)
		}
		return h, port, nil
	}
	return host, defPort, nil
}

func (self *SCephFSProviderFactory) GetProvider(cfg cloudprovider.ProviderConfig) (cloudprovider.ICloudProvider, error) {
	parts, err := url.Parse(cfg.URL)
	if err != nil {
		return nil, err
	}
	host, port, err := parseHostPort(parts.Host, 8443)
	if err != nil {
		return nil, err
	}
	client, err := cephfs.NewCephFSClient(
		cephfs.NewCephFSClientConfig(
			host, port, cfg.Account, cfg.Secret, "",
		).CloudproviderConfig(cfg),
	)
	if err != nil {
		return nil, err
	}
	return &SCephFSProvider{
		SBaseProvider: cloudprovider.NewBaseProvider(self),
		client:        client,
	}, nil
}

func (self *SCephFSProviderFactory) GetClientRC(info cloudprovider.SProviderInfo) (map[string]string, error) {
	parts, err := url.Parse(info.Url)
	if err != nil {
		return nil, err
	}
	host, port, err := parseHostPort(parts.Host, 443)
	if err != nil {
		return nil, err
	}
	return map[string]string{
		"CEPHFS_HOST":     host,
		"CEPHFS_PORT":     fmt.Sprintf("%d", port),
		"CEPHFS_USERNAME": info.Account,
		"CEPHFS_PASSWORD": info.Secret,
	}, nil
}

func init() {
	factory := SCephFSProviderFactory{}
	cloudprovider.RegisterFactory(&factory)
}

type SCephFSProvider struct {
	cloudprovider.SBaseProvider
	client *cephfs.SCephFSClient
}

func (self *SCephFSProvider) GetSysInfo() (jsonutils.JSONObject, error) {
	return jsonutils.NewDict(), nil
}

func (self *SCephFSProvider) GetVersion() string { return "" }

func (self *SCephFSProvider) GetSubAccounts() ([]cloudprovider.SSubAccount, error) {
	return self.client.GetSubAccounts()
}

func (self *SCephFSProvider) GetAccountId() string { return self.client.GetAccountId() }

func (self *SCephFSProvider) GetIRegions() ([]cloudprovider.ICloudRegion, error) {
	return nil, cloudprovider.ErrNotSupported
}

func (self *SCephFSProvider) GetIRegionById(id string) (cloudprovider.ICloudRegion, error) {
	return nil, cloudprovider.ErrNotSupported
}

func (self *SCephFSProvider) GetBalance() (float64, string, error) {
	return 0.0, api.CLOUD_PROVIDER_HEALTH_NORMAL, cloudprovider.ErrNotSupported
}

func (self *SCephFSProvider) GetOnPremiseIRegion() (cloudprovider.ICloudRegion, error) {
	return self.client, nil
}

func (self *SCephFSProvider) GetIProjects() ([]cloudprovider.ICloudProject, error) {
	return []cloudprovider.ICloudProject{}, nil
}

func (self *SCephFSProvider) GetStorageClasses(regionId string) []string   { return []string{} }
func (self *SCephFSProvider) GetBucketCannedAcls(regionId string) []string { return []string{} }
func (self *SCephFSProvider) GetObjectCannedAcls(regionId string) []string { return []string{} }
func (self *SCephFSProvider) GetCapabilities() []string                    { return self.client.GetCapabilities() }

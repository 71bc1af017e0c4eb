// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package aws is a tiny stand-in for cloudmux's Aws driver: it
// keeps the client/config/region shapes and performs no API calls.
package aws

import (
	"yunion.io/x/pkg/errors"

	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
)

const (
	AWS_INTERNATIONAL_DEFAULT_REGION = "us-west-1"
	AWS_CHINA_DEFAULT_REGION         = "cn-north-1"
)

type AwsClientConfig struct {
	cpcfg        cloudprovider.ProviderConfig
	accessUrl    string
	accessKey    string
	accessSecret string
	accountId    string
}

func NewAwsClientConfig(accessUrl, accessKey, accessSecret, accountId string) *AwsClientConfig {
	return &AwsClientConfig{accessUrl: accessUrl, accessKey: accessKey, accessSecret: accessSecret, accountId: accountId}
}

func (cfg *AwsClientConfig) CloudproviderConfig(cpcfg cloudprovider.ProviderConfig) *AwsClientConfig {
	cfg.cpcfg = cpcfg
	return cfg
}

type SAwsClient struct {
	*AwsClientConfig
}

func NewAwsClient(cfg *AwsClientConfig) (*SAwsClient, error) {
	if len(cfg.accessKey) == 0 || len(cfg.accessSecret) == 0 {
		return nil, errors.Wrap(cloudprovider.ErrInvalidAccessKey, "empty credential")
	}
	return &SAwsClient{AwsClientConfig: cfg}, nil
}

func (self *SAwsClient) GetRegions() []SRegion {
	return []SRegion{
		{client: self, RegionId: "us-west-1", LocalName: "N. California"},
		{client: self, RegionId: "cn-north-1", LocalName: "Beijing"},
	}
}

func (self *SAwsClient) GetAccountId() string { return self.accessKey }

func (self *SAwsClient) GetSubAccounts() ([]cloudprovider.SSubAccount, error) {
	subAccount := cloudprovider.SSubAccount{
		Name:         self.cpcfg.Name,
		Account:      self.accessKey,
		HealthStatus: api.CLOUD_PROVIDER_HEALTH_NORMAL,
	}
	return []cloudprovider.SSubAccount{subAccount}, nil
}

func (self *SAwsClient) GetCapabilities() []string {
	return []string{
		cloudprovider.CLOUD_CAPABILITY_COMPUTE + cloudprovider.READ_ONLY_SUFFIX,
	}
}

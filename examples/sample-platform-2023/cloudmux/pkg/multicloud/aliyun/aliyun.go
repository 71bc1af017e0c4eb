// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package aliyun is a tiny stand-in for cloudmux's Aliyun driver: it
// keeps the client/config/region shapes and performs no API calls.
package aliyun

import (
	"yunion.io/x/pkg/errors"

	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
)

const (
	ALIYUN_DEFAULT_REGION = "cn-hangzhou"
)

type AliyunClientConfig struct {
	cpcfg        cloudprovider.ProviderConfig
	cloudEnv     string
	accessKey    string
	accessSecret string
}

func NewAliyunClientConfig(cloudEnv, accessKey, accessSecret string) *AliyunClientConfig {
	return &AliyunClientConfig{cloudEnv: cloudEnv, accessKey: accessKey, accessSecret: accessSecret}
}

func (cfg *AliyunClientConfig) CloudproviderConfig(cpcfg cloudprovider.ProviderConfig) *AliyunClientConfig {
	cfg.cpcfg = cpcfg
	return cfg
}

type SAliyunClient struct {
	*AliyunClientConfig
}

func NewAliyunClient(cfg *AliyunClientConfig) (*SAliyunClient, error) {
	if len(cfg.accessKey) == 0 || len(cfg.accessSecret) == 0 {
		return nil, errors.Wrap(cloudprovider.ErrInvalidAccessKey, "empty credential")
	}
	return &SAliyunClient{AliyunClientConfig: cfg}, nil
}

func (self *SAliyunClient) GetRegions() []SRegion {
	return []SRegion{
		{client: self, RegionId: "cn-hangzhou", LocalName: "Hangzhou"},
		{client: self, RegionId: "cn-beijing", LocalName: "Beijing"},
	}
}

func (self *SAliyunClient) GetAccountId() string { return self.accessKey }

func (self *SAliyunClient) GetSubAccounts() ([]cloudprovider.SSubAccount, error) {
	subAccount := cloudprovider.SSubAccount{
		Name:         self.cpcfg.Name,
		Account:      self.accessKey,
		HealthStatus: api.CLOUD_PROVIDER_HEALTH_NORMAL,
	}
	return []cloudprovider.SSubAccount{subAccount}, nil
}

func (self *SAliyunClient) GetCapabilities() []string {
	return []string{
		cloudprovider.CLOUD_CAPABILITY_COMPUTE + cloudprovider.READ_ONLY_SUFFIX,
	}
}

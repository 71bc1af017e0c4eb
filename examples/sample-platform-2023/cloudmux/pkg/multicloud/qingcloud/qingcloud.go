// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package qingcloud is a tiny stand-in for cloudmux's QingCloud driver: it
// keeps the client/config/region shapes and performs no API calls.
package qingcloud

import (
	"yunion.io/x/pkg/errors"

	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
)

const (
	QINGCLOUD_DEFAULT_REGION = "pek3"
)

type QingCloudClientConfig struct {
	cpcfg           cloudprovider.ProviderConfig
	accessKeyId     string
	accessKeySecret string
	debug           bool
}

func NewQingCloudClientConfig(accessKeyId, accessKeySecret string) *QingCloudClientConfig {
	return &QingCloudClientConfig{accessKeyId: accessKeyId, accessKeySecret: accessKeySecret}
}

func (cfg *QingCloudClientConfig) CloudproviderConfig(cpcfg cloudprovider.ProviderConfig) *QingCloudClientConfig {
	cfg.cpcfg = cpcfg
	return cfg
}

func (cfg *QingCloudClientConfig) Debug(debug bool) *QingCloudClientConfig {
	cfg.debug = debug
	return cfg
}

type SQingCloudClient struct {
	*QingCloudClientConfig
}

func NewQingCloudClient(cfg *QingCloudClientConfig) (*SQingCloudClient, error) {
	if len(cfg.accessKeyId) == 0 || len(cfg.accessKeySecret) == 0 {
		return nil, errors.Wrap(cloudprovider.ErrInvalidAccessKey, "empty credential")
	}
	return &SQingCloudClient{QingCloudClientConfig: cfg}, nil
}

func (self *SQingCloudClient) GetRegions() []SRegion {
	return []SRegion{
		{client: self, RegionId: "pek3", LocalName: "Beijing 3"},
		{client: self, RegionId: "sh1", LocalName: "Shanghai 1"},
	}
}

func (self *SQingCloudClient) GetRegion(id string) (*SRegion, error) {
	regions := self.GetRegions()
	for i := range regions {
		if regions[i].RegionId == id {
			return &regions[i], nil
		}
	}
	return nil, cloudprovider.ErrNotFound
}

func (self *SQingCloudClient) GetAccountId() string { return self.accessKeyId }

func (self *SQingCloudClient) GetSubAccounts() ([]cloudprovider.SSubAccount, error) {
	subAccount := cloudprovider.SSubAccount{
		Name:         self.cpcfg.Name,
		Account:      self.accessKeyId,
		HealthStatus: api.CLOUD_PROVIDER_HEALTH_NORMAL,
	}
	return []cloudprovider.SSubAccount{subAccount}, nil
}

func (self *SQingCloudClient) GetCapabilities() []string {
	return []string{
		cloudprovider.CLOUD_CAPABILITY_COMPUTE + cloudprovider.READ_ONLY_SUFFIX,
	}
}

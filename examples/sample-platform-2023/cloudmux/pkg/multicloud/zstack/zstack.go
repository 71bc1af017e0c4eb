// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package zstack is a tiny stand-in for cloudmux's ZStack driver: it
// keeps the client/config/region shapes and performs no API calls.
package zstack

import (
	"yunion.io/x/pkg/errors"

	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
)

const (
	ZSTACK_DEFAULT_REGION = "ZStack"
)

type ZstackClientConfig struct {
	cpcfg    cloudprovider.ProviderConfig
	authURL  string
	username string
	password string
}

func NewZstackClientConfig(authURL, username, password string) *ZstackClientConfig {
	return &ZstackClientConfig{authURL: authURL, username: username, password: password}
}

func (cfg *ZstackClientConfig) CloudproviderConfig(cpcfg cloudprovider.ProviderConfig) *ZstackClientConfig {
	cfg.cpcfg = cpcfg
	return cfg
}

type SZStackClient struct {
	*ZstackClientConfig
}

func NewZStackClient(cfg *ZstackClientConfig) (*SZStackClient, error) {
	if len(cfg.username) == 0 || len(cfg.password) == 0 {
		return nil, errors.Wrap(cloudprovider.ErrInvalidAccessKey, "empty credential")
	}
	return &SZStackClient{ZstackClientConfig: cfg}, nil
}

func (self *SZStackClient) GetRegions() []SRegion {
	return []SRegion{
		{client: self, RegionId: "ZStack", LocalName: "ZStack"},
	}
}

func (self *SZStackClient) GetAccountId() string { return self.username }

func (self *SZStackClient) GetSubAccounts() ([]cloudprovider.SSubAccount, error) {
	subAccount := cloudprovider.SSubAccount{
		Name:         self.cpcfg.Name,
		Account:      self.username,
		HealthStatus: api.CLOUD_PROVIDER_HEALTH_NORMAL,
	}
	return []cloudprovider.SSubAccount{subAccount}, nil
}

func (self *SZStackClient) GetCapabilities() []string {
	return []string{
		cloudprovider.CLOUD_CAPABILITY_COMPUTE + cloudprovider.READ_ONLY_SUFFIX,
	}
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package openstack is a tiny stand-in for cloudmux's OpenStack driver: it
// keeps the client/config/region shapes and performs no API calls.
package openstack

import (
	"yunion.io/x/pkg/errors"

	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
)

const (
	OPENSTACK_DEFAULT_REGION = "RegionOne"
)

type OpenstackClientConfig struct {
	cpcfg         cloudprovider.ProviderConfig
	authURL       string
	username      string
	password      string
	project       string
	projectDomain string
}

func NewOpenstackClientConfig(authURL, username, password, project, projectDomain string) *OpenstackClientConfig {
	return &OpenstackClientConfig{authURL: authURL, username: username, password: password, project: project, projectDomain: projectDomain}
}

func (cfg *OpenstackClientConfig) CloudproviderConfig(cpcfg cloudprovider.ProviderConfig) *OpenstackClientConfig {
	cfg.cpcfg = cpcfg
	return cfg
}

type SOpenStackClient struct {
	*OpenstackClientConfig
}

func NewOpenStackClient(cfg *OpenstackClientConfig) (*SOpenStackClient, error) {
	if len(cfg.username) == 0 || len(cfg.password) == 0 {
		return nil, errors.Wrap(cloudprovider.ErrInvalidAccessKey, "empty credential")
	}
	return &SOpenStackClient{OpenstackClientConfig: cfg}, nil
}

func (self *SOpenStackClient) GetRegions() []SRegion {
	return []SRegion{
		{client: self, RegionId: "RegionOne", LocalName: "RegionOne"},
	}
}

func (self *SOpenStackClient) GetAccountId() string { return self.username }

func (self *SOpenStackClient) GetSubAccounts() ([]cloudprovider.SSubAccount, error) {
	subAccount := cloudprovider.SSubAccount{
		Name:         self.cpcfg.Name,
		Account:      self.username,
		HealthStatus: api.CLOUD_PROVIDER_HEALTH_NORMAL,
	}
	return []cloudprovider.SSubAccount{subAccount}, nil
}

func (self *SOpenStackClient) GetCapabilities() []string {
	return []string{
		cloudprovider.CLOUD_CAPABILITY_COMPUTE + cloudprovider.READ_ONLY_SUFFIX,
	}
}

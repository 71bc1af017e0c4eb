// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package cephfs is a tiny stand-in for cloudmux's CephFS driver, an
// on-premise file-storage provider without VMs: its client is its only region.
package cephfs

import (
	"fmt"

	"yunion.io/x/pkg/errors"

	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
	"yunion.io/x/cloudmux/pkg/multicloud"
)

const (
	CLOUD_PROVIDER_CEPHFS = api.CLOUD_PROVIDER_CEPHFS
)

type CephFSClientConfig struct {
	cpcfg    cloudprovider.ProviderConfig
	host     string
	port     int
	username string
	password string
	fsId     string
}

func NewCephFSClientConfig(host string, port int, username, password, fsId string) *CephFSClientConfig {
	return &CephFSClientConfig{host: host, port: port, username: username, password: password, fsId: fsId}
}

func (cfg *CephFSClientConfig) CloudproviderConfig(cpcfg cloudprovider.ProviderConfig) *CephFSClientConfig {
	cfg.cpcfg = cpcfg
	return cfg
}

type SCephFSClient struct {
	*CephFSClientConfig

	multicloud.SRegion
	multicloud.SNoObjectStorageRegion
	multicloud.SNoLbRegion
	multicloud.SNoEipRegion
	multicloud.SNoSecurityGroupRegion
	multicloud.SNoVpcRegion
	multicloud.SRegionZoneBase
}

func NewCephFSClient(cfg *CephFSClientConfig) (*SCephFSClient, error) {
	if len(cfg.username) == 0 || len(cfg.password) == 0 {
		return nil, errors.Wrap(cloudprovider.ErrInvalidAccessKey, "empty username or password")
	}
	return &SCephFSClient{CephFSClientConfig: cfg}, nil
}

func (cli *SCephFSClient) GetId() string       { return fmt.Sprintf("%s:%d", cli.host, cli.port) }
func (cli *SCephFSClient) GetName() string     { return cli.cpcfg.Name }
func (cli *SCephFSClient) GetGlobalId() string { return cli.GetId() }
func (cli *SCephFSClient) GetStatus() string   { return api.CLOUD_REGION_STATUS_INSERVER }

func (cli *SCephFSClient) GetI18n() cloudprovider.SModelI18nTable {
	return cloudprovider.SModelI18nTable{}
}

func (cli *SCephFSClient) GetGeographicInfo() cloudprovider.SGeographicInfo {
	return cloudprovider.SGeographicInfo{}
}

func (cli *SCephFSClient) GetProvider() string  { return CLOUD_PROVIDER_CEPHFS }
func (cli *SCephFSClient) GetCloudEnv() string  { return "" }
func (cli *SCephFSClient) GetAccountId() string { return cli.GetId() }

func (cli *SCephFSClient) GetSubAccounts() ([]cloudprovider.SSubAccount, error) {
	subAccount := cloudprovider.SSubAccount{
		Id:           cli.GetAccountId(),
		Account:      cli.username,
		Name:         cli.cpcfg.Name,
		HealthStatus: api.CLOUD_PROVIDER_HEALTH_NORMAL,
	}
	return []cloudprovider.SSubAccount{subAccount}, nil
}

func (cli *SCephFSClient) GetCapabilities() []string {
	return []string{
		cloudprovider.CLOUD_CAPABILITY_NAS,
	}
}

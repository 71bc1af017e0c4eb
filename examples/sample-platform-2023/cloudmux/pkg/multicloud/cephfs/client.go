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

func (region *CephFSClientConfig) GetIEips() ([]cloudprovider.ICloudEIP, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *CephFSClientConfig) GetIEipById(eipId string) (cloudprovider.ICloudEIP, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *CephFSClientConfig) CreateEIP(opts *cloudprovider.SEip) (cloudprovider.ICloudEIP, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *CephFSClientConfig) CreateISecurityGroup(conf *cloudprovider.SecurityGroupCreateInput) (cloudprovider.ICloudSecurityGroup, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *CephFSClientConfig) GetISecurityGroupById(secgroupId string) (cloudprovider.ICloudSecurityGroup, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *CephFSClientConfig) CreateIVpc(opts *cloudprovider.VpcCreateOptions) (cloudprovider.ICloudVpc, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *CephFSClientConfig) GetIVpcs() ([]cloudprovider.ICloudVpc, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *CephFSClientConfig) GetIVpcById(id string) (cloudprovider.ICloudVpc, error) {
	return nil, cloudprovider.ErrNotImplemented
}

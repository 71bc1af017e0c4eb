// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package objectstore is a tiny stand-in for cloudmux's generic S3 driver, an
// on-premise object-storage provider without VMs: its client is its only
// region. Ceph and Xsky are packages nested in it that reuse its factory.
package objectstore

import (
	"yunion.io/x/pkg/errors"

	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
	"yunion.io/x/cloudmux/pkg/multicloud"
)

type ObjectStoreClientConfig struct {
	cpcfg        cloudprovider.ProviderConfig
	endpoint     string
	accessKey    string
	accessSecret string
}

func NewObjectStoreClientConfig(endpoint, accessKey, accessSecret string) *ObjectStoreClientConfig {
	return &ObjectStoreClientConfig{endpoint: endpoint, accessKey: accessKey, accessSecret: accessSecret}
}

func (cfg *ObjectStoreClientConfig) CloudproviderConfig(cpcfg cloudprovider.ProviderConfig) *ObjectStoreClientConfig {
	cfg.cpcfg = cpcfg
	return cfg
}

type SObjectStoreClient struct {
	*ObjectStoreClientConfig

	multicloud.SRegion
	multicloud.SNoLbRegion
	multicloud.SRegionZoneBase
}

func NewObjectStoreClient(cfg *ObjectStoreClientConfig) (*SObjectStoreClient, error) {
	if len(cfg.accessKey) == 0 || len(cfg.accessSecret) == 0 {
		return nil, errors.Wrap(cloudprovider.ErrInvalidAccessKey, "empty access key")
	}
	return &SObjectStoreClient{ObjectStoreClientConfig: cfg}, nil
}

func (cli *SObjectStoreClient) GetId() string       { return cli.endpoint }
func (cli *SObjectStoreClient) GetName() string     { return cli.cpcfg.Name }
func (cli *SObjectStoreClient) GetGlobalId() string { return cli.GetId() }
func (cli *SObjectStoreClient) GetStatus() string   { return api.CLOUD_REGION_STATUS_INSERVER }

func (cli *SObjectStoreClient) GetI18n() cloudprovider.SModelI18nTable {
	return cloudprovider.SModelI18nTable{}
}

func (cli *SObjectStoreClient) GetGeographicInfo() cloudprovider.SGeographicInfo {
	return cloudprovider.SGeographicInfo{}
}

func (cli *SObjectStoreClient) GetProvider() string  { return api.CLOUD_PROVIDER_GENERICS3 }
func (cli *SObjectStoreClient) GetCloudEnv() string  { return "" }
func (cli *SObjectStoreClient) GetAccountId() string { return cli.GetId() }

func (cli *SObjectStoreClient) GetSubAccounts() ([]cloudprovider.SSubAccount, error) {
	subAccount := cloudprovider.SSubAccount{
		Account:      cli.accessKey,
		Name:         cli.cpcfg.Name,
		HealthStatus: api.CLOUD_PROVIDER_HEALTH_NORMAL,
	}
	return []cloudprovider.SSubAccount{subAccount}, nil
}

func (cli *SObjectStoreClient) GetCapabilities() []string {
	return []string{
		cloudprovider.CLOUD_CAPABILITY_OBJECTSTORE,
	}
}

// The sample keeps no buckets; the real driver lists them over the S3 API.

func (cli *SObjectStoreClient) GetIBuckets() ([]cloudprovider.ICloudBucket, error) {
	return []cloudprovider.ICloudBucket{}, nil
}

func (cli *SObjectStoreClient) CreateIBucket(name string, storageClassStr string, aclStr string) error {
	return cloudprovider.ErrNotImplemented
}

func (cli *SObjectStoreClient) DeleteIBucket(name string) error {
	return cloudprovider.ErrNotImplemented
}

func (cli *SObjectStoreClient) IBucketExist(name string) (bool, error) {
	return false, nil
}

func (cli *SObjectStoreClient) GetIBucketById(name string) (cloudprovider.ICloudBucket, error) {
	return nil, cloudprovider.ErrNotFound
}

func (cli *SObjectStoreClient) GetIBucketByName(name string) (cloudprovider.ICloudBucket, error) {
	return nil, cloudprovider.ErrNotFound
}

func (region *ObjectStoreClientConfig) GetIEips() ([]cloudprovider.ICloudEIP, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *ObjectStoreClientConfig) GetIEipById(eipId string) (cloudprovider.ICloudEIP, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *ObjectStoreClientConfig) CreateEIP(opts *cloudprovider.SEip) (cloudprovider.ICloudEIP, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *ObjectStoreClientConfig) CreateISecurityGroup(conf *cloudprovider.SecurityGroupCreateInput) (cloudprovider.ICloudSecurityGroup, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *ObjectStoreClientConfig) GetISecurityGroupById(secgroupId string) (cloudprovider.ICloudSecurityGroup, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *ObjectStoreClientConfig) CreateIVpc(opts *cloudprovider.VpcCreateOptions) (cloudprovider.ICloudVpc, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *ObjectStoreClientConfig) GetIVpcs() ([]cloudprovider.ICloudVpc, error) {
	return nil, cloudprovider.ErrNotImplemented
}

func (region *ObjectStoreClientConfig) GetIVpcById(id string) (cloudprovider.ICloudVpc, error) {
	return nil, cloudprovider.ErrNotImplemented
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package cloudprovider

import "time"

type ICloudResource interface {
	GetId() string
	GetName() string
	GetGlobalId() string
	GetCreatedAt() time.Time
	GetDescription() string

	GetStatus() string

	Refresh() error

	IsEmulated() bool

	GetSysTags() map[string]string
	GetTags() (map[string]string, error)
	SetTags(tags map[string]string, replace bool) error
}

type ICloudI18nResource interface {
	GetI18n() SModelI18nTable
}

type ICloudRegion interface {
	ICloudResource
	ICloudI18nResource

	GetGeographicInfo() SGeographicInfo

	GetIZones() ([]ICloudZone, error)
	GetIVpcs() ([]ICloudVpc, error)
	GetIEips() ([]ICloudEIP, error)
	GetIVpcById(id string) (ICloudVpc, error)
	GetIZoneById(id string) (ICloudZone, error)
	GetIEipById(id string) (ICloudEIP, error)
	GetIVMs() ([]ICloudVM, error)
	GetIVMById(id string) (ICloudVM, error)
	GetIDiskById(id string) (ICloudDisk, error)

	GetISecurityGroups() ([]ICloudSecurityGroup, error)
	GetISecurityGroupById(secgroupId string) (ICloudSecurityGroup, error)
	CreateISecurityGroup(opts *SecurityGroupCreateInput) (ICloudSecurityGroup, error)

	CreateIVpc(opts *VpcCreateOptions) (ICloudVpc, error)
	CreateEIP(eip *SEip) (ICloudEIP, error)

	GetIHosts() ([]ICloudHost, error)
	GetIHostById(id string) (ICloudHost, error)

	GetIStorages() ([]ICloudStorage, error)
	GetIStorageById(id string) (ICloudStorage, error)

	GetILoadBalancers() ([]ICloudLoadbalancer, error)
	GetILoadBalancerById(loadbalancerId string) (ICloudLoadbalancer, error)

	GetIBuckets() ([]ICloudBucket, error)
	CreateIBucket(name string, storageClassStr string, acl string) error
	DeleteIBucket(name string) error
	IBucketExist(name string) (bool, error)
	GetIBucketById(name string) (ICloudBucket, error)
	GetIBucketByName(name string) (ICloudBucket, error)

	GetIDBInstances() ([]ICloudDBInstance, error)
	GetIDBInstanceById(instanceId string) (ICloudDBInstance, error)

	GetCloudEnv() string
	GetProvider() string

	GetCapabilities() []string
}

type ICloudZone interface {
	ICloudResource
	ICloudI18nResource

	GetIRegion() ICloudRegion

	GetIHosts() ([]ICloudHost, error)
	GetIHostById(id string) (ICloudHost, error)
}

// The resource interfaces below are cut down to ICloudResource; upstream
// declares many more methods on each.
type ICloudProject interface{ ICloudResource }
type ICloudVpc interface{ ICloudResource }
type ICloudEIP interface{ ICloudResource }
type ICloudSecurityGroup interface{ ICloudResource }
type ICloudVM interface{ ICloudResource }
type ICloudDisk interface{ ICloudResource }
type ICloudHost interface{ ICloudResource }
type ICloudStorage interface{ ICloudResource }
type ICloudBucket interface{ ICloudResource }
type ICloudLoadbalancer interface{ ICloudResource }
type ICloudDBInstance interface{ ICloudResource }

type SEip struct {
	Name          string
	BandwidthMbps int
	ChargeType    string
	Ip            string
}

type VpcCreateOptions struct {
	NAME string
	CIDR string
	Desc string
}

type SecurityGroupCreateInput struct {
	Name      string
	Desc      string
	VpcId     string
	ProjectId string

	Tags map[string]string
}

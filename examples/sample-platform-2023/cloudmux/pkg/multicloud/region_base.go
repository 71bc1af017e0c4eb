// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package multicloud

import (
	"yunion.io/x/pkg/errors"

	"yunion.io/x/cloudmux/pkg/cloudprovider"
)

type SRegion struct {
	SResourceBase
	STagBase
}

func (r *SRegion) GetIDiskById(id string) (cloudprovider.ICloudDisk, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetIDiskById")
}

func (r *SRegion) GetIHostById(id string) (cloudprovider.ICloudHost, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetIHostById")
}

func (r *SRegion) GetIHosts() ([]cloudprovider.ICloudHost, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetIHosts")
}

func (r *SRegion) GetISecurityGroups() ([]cloudprovider.ICloudSecurityGroup, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetISecurityGroups")
}

func (r *SRegion) GetIStorageById(id string) (cloudprovider.ICloudStorage, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetIStorageById")
}

func (r *SRegion) GetIStorages() ([]cloudprovider.ICloudStorage, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetIStorages")
}

func (r *SRegion) GetIVMs() ([]cloudprovider.ICloudVM, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetIVMs")
}

func (r *SRegion) GetIVMById(id string) (cloudprovider.ICloudVM, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetIVMById")
}

func (self *SRegion) GetIDBInstances() ([]cloudprovider.ICloudDBInstance, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetIDBInstances")
}

func (self *SRegion) GetIDBInstanceById(instanceId string) (cloudprovider.ICloudDBInstance, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetIDBInstanceById")
}

type SRegionZoneBase struct {
}

func (self *SRegionZoneBase) GetIZones() ([]cloudprovider.ICloudZone, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetIZones")
}

func (self *SRegionZoneBase) GetIZoneById(id string) (cloudprovider.ICloudZone, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetIZoneById")
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package multicloud

import "yunion.io/x/cloudmux/pkg/cloudprovider"

type SNoObjectStorageRegion struct{}

func (cli *SNoObjectStorageRegion) GetIBuckets() ([]cloudprovider.ICloudBucket, error) {
	return nil, cloudprovider.ErrNotSupported
}

func (cli *SNoObjectStorageRegion) CreateIBucket(name string, storageClassStr string, aclStr string) error {
	return cloudprovider.ErrNotSupported
}

func (cli *SNoObjectStorageRegion) DeleteIBucket(name string) error {
	return cloudprovider.ErrNotSupported
}

func (cli *SNoObjectStorageRegion) IBucketExist(name string) (bool, error) {
	return false, cloudprovider.ErrNotSupported
}

func (cli *SNoObjectStorageRegion) GetIBucketById(name string) (cloudprovider.ICloudBucket, error) {
	return nil, cloudprovider.ErrNotSupported
}

func (cli *SNoObjectStorageRegion) GetIBucketByName(name string) (cloudprovider.ICloudBucket, error) {
	return nil, cloudprovider.ErrNotSupported
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package provider

import (
	api "yunion.io/x/cloudmux/pkg/apis/compute"
	"yunion.io/x/cloudmux/pkg/cloudprovider"
	"yunion.io/x/cloudmux/pkg/multicloud/objectstore"
	"yunion.io/x/cloudmux/pkg/multicloud/objectstore/ceph"
	s3provider "yunion.io/x/cloudmux/pkg/multicloud/objectstore/provider"
)

type SCephRadosProviderFactory struct {
	s3provider.SObjectStoreProviderFactory
}

func (self *SCephRadosProviderFactory) GetId() string {
	return api.CLOUD_PROVIDER_CEPH
}

func (self *SCephRadosProviderFactory) GetName() string {
	return api.CLOUD_PROVIDER_CEPH
}

func (self *SCephRadosProviderFactory) GetProvider(cfg cloudprovider.ProviderConfig) (cloudprovider.ICloudProvider, error) {
	client, err := ceph.NewCephRados(objectstore.NewObjectStoreClientConfig(cfg.URL, cfg.Account, cfg.Secret).CloudproviderConfig(cfg))
	if err != nil {
		return nil, err
	}
	return s3provider.NewObjectStoreProvider(self, client.SObjectStoreClient), nil
}

func init() {
	factory := SCephRadosProviderFactory{}
	cloudprovider.RegisterFactory(&factory)
}

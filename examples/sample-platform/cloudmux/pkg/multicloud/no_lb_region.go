// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package multicloud

import "yunion.io/x/cloudmux/pkg/cloudprovider"

type SNoLbRegion struct{}

func (self *SNoLbRegion) GetILoadBalancers() ([]cloudprovider.ICloudLoadbalancer, error) {
	return nil, cloudprovider.ErrNotSupported
}

func (self *SNoLbRegion) GetILoadBalancerById(loadbalancerId string) (cloudprovider.ICloudLoadbalancer, error) {
	return nil, cloudprovider.ErrNotSupported
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package loader

import (
	"yunion.io/x/log" // on-premise hypervisors

	_ "yunion.io/x/cloudmux/pkg/multicloud/aliyun/provider"
	_ "yunion.io/x/cloudmux/pkg/multicloud/aws/provider" // public cloud
	_ "yunion.io/x/cloudmux/pkg/multicloud/cephfs/provider" // file storage
	_ "yunion.io/x/cloudmux/pkg/multicloud/objectstore/ceph/provider"
	_ "yunion.io/x/cloudmux/pkg/multicloud/objectstore/provider" // object storage
	_ "yunion.io/x/cloudmux/pkg/multicloud/openstack/provider" // private cloud
	_ "yunion.io/x/cloudmux/pkg/multicloud/qingcloud/provider"
	_ "yunion.io/x/cloudmux/pkg/multicloud/zstack/provider" // private cloud
)

func init() {
	log.Infof("loading cloud provider factories")
}

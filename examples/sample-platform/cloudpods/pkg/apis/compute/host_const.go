// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

import (
	"yunion.io/x/cloudmux/pkg/apis/compute"
)

const (
	HOST_TYPE_BAREMETAL  = "baremetal"
	HOST_TYPE_HYPERVISOR = "hypervisor" // the KVM host agent
	HOST_TYPE_CONTAINER  = "container"
	HOST_TYPE_KVM        = "kvm"

	HOST_TYPE_ALIYUN    = compute.HOST_TYPE_ALIYUN
	HOST_TYPE_AWS       = compute.HOST_TYPE_AWS
	HOST_TYPE_DEDICATED = compute.HOST_TYPE_DEDICATED
	HOST_TYPE_OPENSTACK = compute.HOST_TYPE_OPENSTACK
	HOST_TYPE_ZSTACK    = compute.HOST_TYPE_ZSTACK
	HOST_TYPE_QINGCLOUD = compute.HOST_TYPE_QINGCLOUD
	HOST_TYPE_CNWARE    = compute.HOST_TYPE_CNWARE

	HOST_TYPE_DEFAULT = HOST_TYPE_HYPERVISOR

	// host status
	HOST_ONLINE   = compute.HOST_ONLINE
	HOST_ENABLED  = "online"
	HOST_OFFLINE  = compute.HOST_OFFLINE
	HOST_DISABLED = "offline"
)

var HOST_TYPES = []string{
	HOST_TYPE_BAREMETAL,
	HOST_TYPE_HYPERVISOR,
	HOST_TYPE_CONTAINER,
	HOST_TYPE_ALIYUN,
	HOST_TYPE_AWS,
	HOST_TYPE_DEDICATED,
	HOST_TYPE_OPENSTACK,
	HOST_TYPE_ZSTACK,
	HOST_TYPE_QINGCLOUD,
	HOST_TYPE_CNWARE,
}

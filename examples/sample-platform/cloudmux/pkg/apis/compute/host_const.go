// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

type TNicType string

const (
	HOST_TYPE_ALIYUN    = "aliyun"
	HOST_TYPE_AWS       = "aws"
	HOST_TYPE_DEDICATED = "dedicated"
	HOST_TYPE_OPENSTACK = "openstack"
	HOST_TYPE_ZSTACK    = "zstack"
	HOST_TYPE_QINGCLOUD = "qingcloud"
	HOST_TYPE_CNWARE    = "cnware"

	// host status
	HOST_ONLINE  = "online"
	HOST_OFFLINE = "offline"

	NIC_TYPE_IPMI   = TNicType("ipmi")
	NIC_TYPE_ADMIN  = TNicType("admin")
	NIC_TYPE_NORMAL = TNicType("")
)

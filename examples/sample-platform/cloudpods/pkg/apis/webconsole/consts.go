// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package webconsole

const (
	SERVICE_TYPE    = "webconsole"
	SERVICE_VERSION = ""
)

// Console protocols; a provider with a console of its own uses its hypervisor name.
const (
	VNC       = "vnc"
	RDP       = "rdp"
	ALIYUN    = "aliyun"
	OPENSTACK = "openstack"
	Z_STACK   = "zstack" // spelled apart from CLOUD_PROVIDER_ZSTACK, as upstream spells Volcengine's VOLC_ENGINE
	CNWARE    = "cnware"
)

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

const (
	VM_INIT     = "init"
	VM_UNKNOWN  = "unknown"
	VM_READY    = "ready"
	VM_RUNNING  = "running"
	VM_DELETING = "deleting"

	VM_POWER_STATES_OFF = "off"
	VM_POWER_STATES_ON  = "on"

	HYPERVISOR_ALIYUN    = "aliyun"
	HYPERVISOR_AWS       = "aws"
	HYPERVISOR_OPENSTACK = "openstack"
	HYPERVISOR_ZSTACK    = "zstack"
	HYPERVISOR_QINGCLOUD = "qingcloud"
	HYPERVISOR_CNWARE    = "cnware"
)

const (
	VM_DEFAULT_WINDOWS_LOGIN_USER     = "Administrator"
	VM_DEFAULT_LINUX_LOGIN_USER       = "root"
	VM_AWS_DEFAULT_LOGIN_USER         = "ec2user"
	VM_AWS_DEFAULT_WINDOWS_LOGIN_USER = "Administrator"
	VM_ZSTACK_DEFAULT_LOGIN_USER      = "root"
)

package compute

const (
	HOST_TYPE_ESXI   = "esxi"   // VMware vSphere ESXi
	HOST_TYPE_HYPERV = "hyperv" // Microsoft Hyper-V
	HOST_TYPE_XEN    = "xen"
	HOST_TYPE_ACME   = "acme"
)

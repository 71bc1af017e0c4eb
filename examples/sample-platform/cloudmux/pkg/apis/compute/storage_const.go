// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

const (
	STORAGE_LOCAL = "local"
	STORAGE_RBD   = "rbd"
	STORAGE_NAS   = "nas"
	STORAGE_NFS   = "nfs"

	STORAGE_PUBLIC_CLOUD     = "cloud"
	STORAGE_CLOUD_EFFICIENCY = "cloud_efficiency"
	STORAGE_CLOUD_SSD        = "cloud_ssd"
	STORAGE_CLOUD_ESSD       = "cloud_essd" // aliyun enhanced SSD

	// aws volume types
	STORAGE_GP2_SSD      = "gp2"      // general purpose SSD
	STORAGE_GP3_SSD      = "gp3"      // general purpose SSD, 3rd gen
	STORAGE_STANDARD_HDD = "standard" // magnetic volumes

	// openstack volume types
	STORAGE_OPENSTACK_ISCSI = "iscsi"
	STORAGE_OPENSTACK_NOVA  = "nova"

	// zstack primary storage types
	STORAGE_ZSTACK_LOCAL_STORAGE = "localstorage"
	STORAGE_ZSTACK_CEPH          = "ceph"
	STORAGE_ZSTACK_SHARED_BLOCK  = "sharedblock"

	// cnware storage types
	STORAGE_CNWARE_FC_SAN = "fc-san"
	STORAGE_CNWARE_IP_SAN = "ip-scan"
	STORAGE_CNWARE_NAS    = "nas"
	STORAGE_CNWARE_CEPH   = "ceph"
	STORAGE_CNWARE_LOCAL  = "local"
	STORAGE_CNWARE_NVME   = "nvme"
)

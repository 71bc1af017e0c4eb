package compute

const (
	STORAGE_LOCAL = "local"
	STORAGE_RBD   = "rbd"

	// ZettaKit
	STORAGE_ZETTAKIT_NORMAL = "normal" // normal disks

	// acme storage type
	STORAGE_ACME_NAS       = "nas"
	STORAGE_ACME_LOCAL_SSD = "local-ssd"
)

const (
	DISK_INIT = "init"
)

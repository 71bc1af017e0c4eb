package compute

const (
	STORAGE_LOCAL = "local"
	STORAGE_RBD   = "rbd"

	// ZettaKit
	STORAGE_ZETTAKIT_NORMAL = "normal" // normal disks
)

const (
	DISK_INIT = "init"
)

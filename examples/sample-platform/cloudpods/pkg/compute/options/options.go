// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package options stands in for the compute service options; the values are
// the defaults the real service would parse from its config.
package options

type ComputeOptions struct {
	DefaultDiskSizeMB int `default:"10240" help:"Default disk size in MB if not specified" json:"default_disk_size"`

	LocalSysDiskMinSizeGB int `default:"30" help:"Minimal size of a local system disk in GB"`
	LocalSysDiskMaxSizeGB int `default:"2048" help:"Maximal size of a local system disk in GB"`
}

var Options = ComputeOptions{
	DefaultDiskSizeMB:     10240,
	LocalSysDiskMinSizeGB: 30,
	LocalSysDiskMaxSizeGB: 2048,
}

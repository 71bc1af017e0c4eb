// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

const (
	CLOUD_REGION_STATUS_INSERVER     = "inservice"
	CLOUD_REGION_STATUS_OUTOFSERVICE = "outofservice"
)

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package models

import (
	"yunion.io/x/onecloud/pkg/cloudcommon/db/quotas"
)

type SComputeResourceKeys struct {
	quotas.SZonalCloudResourceKeys

	Hypervisor string
}

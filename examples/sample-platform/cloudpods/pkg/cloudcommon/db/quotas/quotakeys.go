// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package quotas

import (
	"yunion.io/x/pkg/util/rbacscope"

	"yunion.io/x/onecloud/pkg/mcclient"
)

type SBaseDomainQuotaKeys struct {
	DomainId string
}

type SBaseProjectQuotaKeys struct {
	SBaseDomainQuotaKeys

	ProjectId string
}

type SCloudResourceKeys struct {
	SBaseProjectQuotaKeys

	CloudEnv  string
	Provider  string
	Brand     string
	AccountId string
	ManagerId string
}

type SRegionalCloudResourceKeys struct {
	SCloudResourceKeys

	RegionId string
}

type SZonalCloudResourceKeys struct {
	SRegionalCloudResourceKeys

	ZoneId string
}

func OwnerIdProjectQuotaKeys(scope rbacscope.TRbacScope, ownerId mcclient.IIdentityProvider) SBaseProjectQuotaKeys {
	keys := SBaseProjectQuotaKeys{SBaseDomainQuotaKeys: SBaseDomainQuotaKeys{DomainId: ownerId.GetProjectDomainId()}}
	if scope != rbacscope.ScopeDomain {
		keys.ProjectId = ownerId.GetProjectId()
	}
	return keys
}

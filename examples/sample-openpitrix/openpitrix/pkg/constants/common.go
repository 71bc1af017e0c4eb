// Stand-in written for integrate's tests, not OpenPitrix code.

package constants

import (
	"time"
)

const (
	prefix             = "openpitrix-"
	RuntimeManagerHost = prefix + "runtime-manager"
	ClusterManagerHost = prefix + "cluster-manager"
)

const (
	StatusActive = "active"
	StatusDraft  = "draft"
)

const (
	WaitFrontgateServiceTimeout  = 10 * time.Minute
	WaitFrontgateServiceInterval = 10 * time.Second
)

const (
	ProviderQingCloud  = "qingcloud"
	ProviderKubernetes = "kubernetes"
	ProviderAWS        = "aws"
	ProviderAliyun     = "aliyun"
	TargetPilot        = "pilot"
)

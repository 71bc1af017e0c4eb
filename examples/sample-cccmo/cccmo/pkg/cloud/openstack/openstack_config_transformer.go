package openstack

import (
	"strings"

	configv1 "github.com/openshift/api/config/v1"
	"github.com/openshift/library-go/pkg/operator/configobserver/featuregates"
)

// CloudConfigTransformer appends the cluster's infrastructure name to the OpenStack config.
func CloudConfigTransformer(source string, infra *configv1.Infrastructure, network *configv1.Network, features featuregates.FeatureGate) (string, error) {
	var b strings.Builder
	b.WriteString(source)
	b.WriteString("\n[Global]\ncluster-name = " + infra.Status.InfrastructureName + "\n")
	return b.String(), nil
}

package aws

import (
	configv1 "github.com/openshift/api/config/v1"
	"github.com/openshift/library-go/pkg/operator/configobserver/featuregates"
)

const defaultConfig = "[Global]\n"

// CloudConfigTransformer gives the AWS CCM at least an empty [Global] section.
func CloudConfigTransformer(source string, infra *configv1.Infrastructure, network *configv1.Network, features featuregates.FeatureGate) (string, error) {
	if source == "" {
		return defaultConfig, nil
	}
	return source, nil
}

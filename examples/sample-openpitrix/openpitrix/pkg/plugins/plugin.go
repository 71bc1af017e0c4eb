// Stand-in written for integrate's tests, not OpenPitrix code.

package plugins

import (
	"context"
	"fmt"

	"openpitrix.io/openpitrix/pkg/constants"
	"openpitrix.io/openpitrix/pkg/logger"
	"openpitrix.io/openpitrix/pkg/models"
	"openpitrix.io/openpitrix/pkg/pb"
	"openpitrix.io/openpitrix/pkg/plugins/aliyun"
	"openpitrix.io/openpitrix/pkg/plugins/aws"
	"openpitrix.io/openpitrix/pkg/plugins/helm"
	"openpitrix.io/openpitrix/pkg/plugins/qingcloud"
)

// SupportedProviders maps a provider name to its plugin.
var SupportedProviders = make(map[string]interface{})

func init() {
	RegisterProvider(constants.ProviderKubernetes, helm.NewProvider())
	RegisterProvider(constants.ProviderQingCloud, qingcloud.NewProvider())
	RegisterProvider(constants.ProviderAWS, aws.NewProvider())
	RegisterProvider(constants.ProviderAliyun, aliyun.NewProvider())
}

// ProviderInterface is what every provider plugin implements.
type ProviderInterface interface {
	ParseClusterConf(ctx context.Context, versionId, runtimeId, conf string, clusterWrapper *models.ClusterWrapper) error
	SplitJobIntoTasks(ctx context.Context, job *models.Job) (*models.TaskLayer, error)
	HandleSubtask(ctx context.Context, task *models.Task) error
	WaitSubtask(ctx context.Context, task *models.Task) error
	DescribeSubnets(ctx context.Context, req *pb.DescribeSubnetsRequest) (*pb.DescribeSubnetsResponse, error)
	CheckResource(ctx context.Context, clusterWrapper *models.ClusterWrapper) error
	DescribeVpc(ctx context.Context, runtimeId, vpcId string) (*models.Vpc, error)
	DescribeClusterDetails(ctx context.Context, cluster *models.ClusterWrapper) (*models.ClusterWrapper, error)
	ValidateRuntime(ctx context.Context, runtimeId, zone string, runtimeCredential *models.RuntimeCredential, needCreate bool) error
	DescribeRuntimeProviderZones(ctx context.Context, runtimeCredential *models.RuntimeCredential) ([]string, error)
}

// RegisterProvider makes a plugin known by its provider name.
func RegisterProvider(provider string, providerInterface ProviderInterface) {
	SupportedProviders[provider] = providerInterface
}

// GetProviderPlugin returns the plugin of a provider.
func GetProviderPlugin(ctx context.Context, provider string) (ProviderInterface, error) {
	if p, ok := SupportedProviders[provider].(ProviderInterface); ok {
		return p, nil
	}
	logger.Error(ctx, "No such provider [%s].", provider)
	return nil, fmt.Errorf("no such provider [%s]", provider)
}

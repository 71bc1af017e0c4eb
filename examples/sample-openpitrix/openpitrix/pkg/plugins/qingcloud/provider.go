// Stand-in written for integrate's tests, not OpenPitrix code.

// Package qingcloud is a stand-in for the qingcloud plugin.
package qingcloud

import (
	"context"
	"fmt"

	"openpitrix.io/openpitrix/pkg/models"
	"openpitrix.io/openpitrix/pkg/pb"
)

// Provider is the stand-in plugin.
type Provider struct{}

// NewProvider returns the plugin.
func NewProvider() *Provider { return new(Provider) }

var errStandIn = fmt.Errorf("qingcloud: stand-in plugin")

// ParseClusterConf is part of ProviderInterface.
func (p *Provider) ParseClusterConf(ctx context.Context, versionId, runtimeId, conf string, clusterWrapper *models.ClusterWrapper) error {
	return errStandIn
}

// SplitJobIntoTasks is part of ProviderInterface.
func (p *Provider) SplitJobIntoTasks(ctx context.Context, job *models.Job) (*models.TaskLayer, error) {
	return nil, errStandIn
}

// HandleSubtask is part of ProviderInterface.
func (p *Provider) HandleSubtask(ctx context.Context, task *models.Task) error { return errStandIn }

// WaitSubtask is part of ProviderInterface.
func (p *Provider) WaitSubtask(ctx context.Context, task *models.Task) error { return errStandIn }

// DescribeSubnets is part of ProviderInterface.
func (p *Provider) DescribeSubnets(ctx context.Context, req *pb.DescribeSubnetsRequest) (*pb.DescribeSubnetsResponse, error) {
	return nil, errStandIn
}

// CheckResource is part of ProviderInterface.
func (p *Provider) CheckResource(ctx context.Context, clusterWrapper *models.ClusterWrapper) error {
	return errStandIn
}

// DescribeVpc is part of ProviderInterface.
func (p *Provider) DescribeVpc(ctx context.Context, runtimeId, vpcId string) (*models.Vpc, error) {
	return nil, errStandIn
}

// DescribeClusterDetails is part of ProviderInterface.
func (p *Provider) DescribeClusterDetails(ctx context.Context, cluster *models.ClusterWrapper) (*models.ClusterWrapper, error) {
	return nil, errStandIn
}

// ValidateRuntime is part of ProviderInterface.
func (p *Provider) ValidateRuntime(ctx context.Context, runtimeId, zone string, runtimeCredential *models.RuntimeCredential, needCreate bool) error {
	return errStandIn
}

// DescribeRuntimeProviderZones is part of ProviderInterface.
func (p *Provider) DescribeRuntimeProviderZones(ctx context.Context, runtimeCredential *models.RuntimeCredential) ([]string, error) {
	return nil, errStandIn
}

// Stand-in written for integrate's tests.

// Package provider implements the machine-controller-manager driver for one cloud.
package provider

import (
	"context"

	"github.com/gardener/machine-controller-manager/pkg/util/provider/driver"
	"github.com/gardener/machine-controller-manager/pkg/util/provider/machinecodes/codes"
	"github.com/gardener/machine-controller-manager/pkg/util/provider/machinecodes/status"
	"k8s.io/klog"
)

// Start with CreateMachine and DeleteMachine; every other method may answer Unimplemented
// until they work.

// CreateMachine creates the VM of a machine (required).
func (p *Provider) CreateMachine(ctx context.Context, req *driver.CreateMachineRequest) (*driver.CreateMachineResponse, error) {
	klog.V(2).Infof("create machine %q: started", req.Machine.Name)
	defer klog.V(2).Infof("create machine %q: done", req.Machine.Name)

	return &driver.CreateMachineResponse{}, status.Error(codes.Unimplemented, "")
}

// DeleteMachine deletes the VM of a machine (required).
func (p *Provider) DeleteMachine(ctx context.Context, req *driver.DeleteMachineRequest) (*driver.DeleteMachineResponse, error) {
	klog.V(2).Infof("delete machine %q: started", req.Machine.Name)
	defer klog.V(2).Infof("delete machine %q: done", req.Machine.Name)

	return &driver.DeleteMachineResponse{}, status.Error(codes.Unimplemented, "")
}

// GetMachineStatus reports the VM behind a machine (optional).
func (p *Provider) GetMachineStatus(ctx context.Context, req *driver.GetMachineStatusRequest) (*driver.GetMachineStatusResponse, error) {
	klog.V(2).Infof("machine status %q: started", req.Machine.Name)
	defer klog.V(2).Infof("machine status %q: done", req.Machine.Name)

	return &driver.GetMachineStatusResponse{}, status.Error(codes.Unimplemented, "")
}

// ListMachines lists the VMs a machine class may have created (optional).
func (p *Provider) ListMachines(ctx context.Context, req *driver.ListMachinesRequest) (*driver.ListMachinesResponse, error) {
	klog.V(2).Infof("list machines of class %q: started", req.MachineClass.Name)
	defer klog.V(2).Infof("list machines of class %q: done", req.MachineClass.Name)

	return &driver.ListMachinesResponse{}, status.Error(codes.Unimplemented, "")
}

// GetVolumeIDs maps persistent volume specs to volume IDs (optional).
func (p *Provider) GetVolumeIDs(ctx context.Context, req *driver.GetVolumeIDsRequest) (*driver.GetVolumeIDsResponse, error) {
	klog.V(2).Infof("volume IDs of %d specs: started", len(req.PVSpecs))
	defer klog.V(2).Infof("volume IDs of %d specs: done", len(req.PVSpecs))

	return &driver.GetVolumeIDsResponse{}, status.Error(codes.Unimplemented, "")
}

// GenerateMachineClassForMigration fills a generic class from a provider-specific one
// (optional).
func (p *Provider) GenerateMachineClassForMigration(ctx context.Context, req *driver.GenerateMachineClassForMigrationRequest) (*driver.GenerateMachineClassForMigrationResponse, error) {
	klog.V(2).Infof("migrate machine class %v: started", req.ClassSpec)
	defer klog.V(2).Infof("migrate machine class %v: done", req.ClassSpec)

	return &driver.GenerateMachineClassForMigrationResponse{}, status.Error(codes.Unimplemented, "")
}

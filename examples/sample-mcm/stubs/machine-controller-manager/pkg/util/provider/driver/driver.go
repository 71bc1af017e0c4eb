// Package driver declares what a provider implements: the Driver interface and its requests.
package driver

import (
	"context"

	"github.com/gardener/machine-controller-manager/pkg/apis/machine/v1alpha1"
	corev1 "k8s.io/api/core/v1"
)

// Driver is implemented once per cloud provider.
type Driver interface {
	CreateMachine(context.Context, *CreateMachineRequest) (*CreateMachineResponse, error)
	DeleteMachine(context.Context, *DeleteMachineRequest) (*DeleteMachineResponse, error)
	GetMachineStatus(context.Context, *GetMachineStatusRequest) (*GetMachineStatusResponse, error)
	ListMachines(context.Context, *ListMachinesRequest) (*ListMachinesResponse, error)
	GetVolumeIDs(context.Context, *GetVolumeIDsRequest) (*GetVolumeIDsResponse, error)
	GenerateMachineClassForMigration(context.Context, *GenerateMachineClassForMigrationRequest) (*GenerateMachineClassForMigrationResponse, error)
}

// CreateMachineRequest asks for a VM.
type CreateMachineRequest struct {
	Machine      *v1alpha1.Machine
	MachineClass *v1alpha1.MachineClass
	Secret       *corev1.Secret
}

// CreateMachineResponse names the VM that was created.
type CreateMachineResponse struct {
	ProviderID     string
	NodeName       string
	LastKnownState string
}

// DeleteMachineRequest asks for a VM to go.
type DeleteMachineRequest struct {
	Machine      *v1alpha1.Machine
	MachineClass *v1alpha1.MachineClass
	Secret       *corev1.Secret
}

// DeleteMachineResponse reports on a deletion.
type DeleteMachineResponse struct {
	LastKnownState string
}

// GetMachineStatusRequest asks about the VM behind a machine.
type GetMachineStatusRequest struct {
	Machine      *v1alpha1.Machine
	MachineClass *v1alpha1.MachineClass
	Secret       *corev1.Secret
}

// GetMachineStatusResponse names the VM behind a machine.
type GetMachineStatusResponse struct {
	ProviderID string
	NodeName   string
}

// ListMachinesRequest asks for the VMs a class may have created.
type ListMachinesRequest struct {
	MachineClass *v1alpha1.MachineClass
	Secret       *corev1.Secret
}

// ListMachinesResponse maps provider IDs to machine names.
type ListMachinesResponse struct {
	MachineList map[string]string
}

// GetVolumeIDsRequest asks for the volume IDs behind persistent volume specs.
type GetVolumeIDsRequest struct {
	PVSpecs []*corev1.PersistentVolumeSpec
}

// GetVolumeIDsResponse lists volume IDs.
type GetVolumeIDsResponse struct {
	VolumeIDs []string
}

// GenerateMachineClassForMigrationRequest asks to fill a generic class from a provider-specific one.
type GenerateMachineClassForMigrationRequest struct {
	ProviderSpecificMachineClass interface{}
	MachineClass                 *v1alpha1.MachineClass
	ClassSpec                    *v1alpha1.ClassSpec
}

// GenerateMachineClassForMigrationResponse is empty.
type GenerateMachineClassForMigrationResponse struct{}

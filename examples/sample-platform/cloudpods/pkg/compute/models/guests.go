// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package models

// SGuest, SDisk and SStorage stand in for the database models; only the fields
// the sample reads are kept.

type SGuest struct {
	Id         string
	Name       string
	Hypervisor string
}

func (guest *SGuest) GetHypervisor() string {
	return guest.Hypervisor
}

type SDisk struct {
	Id     string
	DiskGB int
}

type SStorage struct {
	Id          string
	StorageType string
}

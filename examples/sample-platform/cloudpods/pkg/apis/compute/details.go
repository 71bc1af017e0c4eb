// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

// Cut-down list-detail types, enough for the cloudmon driver signatures.

type CloudproviderDetails struct {
	Id       string
	Name     string
	Provider string
	Brand    string
}

type ServerDetails struct {
	Id         string
	Name       string
	ExternalId string
	Hypervisor string
}

type HostDetails struct {
	Id         string
	Name       string
	ExternalId string
	HostType   string
}

type SnapshotCreateInput struct {
	Name   string
	DiskId string
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package cloudprovider

type SGeographicInfo struct {
	Latitude    float32
	Longitude   float32
	City        string
	CountryCode string
}

type SModelI18nEntry struct {
	Value   string
	valueCN string
	valueEN string
}

func NewSModelI18nEntry(value string) *SModelI18nEntry {
	return &SModelI18nEntry{Value: value}
}

func (entry *SModelI18nEntry) CN(v string) *SModelI18nEntry {
	entry.valueCN = v
	return entry
}

func (entry *SModelI18nEntry) EN(v string) *SModelI18nEntry {
	entry.valueEN = v
	return entry
}

type SModelI18nTable map[string]*SModelI18nEntry

type SOsDefaultAccount struct {
	DefaultAccount   string
	Changeable       bool
	DisabledAccounts []string
}

type SDefaultAccount struct {
	Linux   SOsDefaultAccount
	Windows SOsDefaultAccount
}

type StorageInfo struct {
	StorageType string
	MaxSizeGb   int
	MinSizeGb   int
	Resizable   bool
	StepSizeGb  int
}

type Storage struct {
	SysDisk  []StorageInfo
	DataDisk []StorageInfo
}

type SInstanceCapability struct {
	Provider   string
	Hypervisor string
	Storages   Storage

	DefaultAccount SDefaultAccount
}

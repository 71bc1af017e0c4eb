// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package multicloud holds the base structs that provider packages embed so
// that they only have to implement what is specific to them.
package multicloud

import (
	"time"

	"yunion.io/x/pkg/errors"

	"yunion.io/x/cloudmux/pkg/cloudprovider"
)

type SResourceBase struct {
}

func (resource *SResourceBase) IsEmulated() bool        { return false }
func (resource *SResourceBase) Refresh() error          { return nil }
func (resource *SResourceBase) GetCreatedAt() time.Time { return time.Time{} }
func (resource *SResourceBase) GetDescription() string  { return "" }

type STagBase struct {
}

func (self STagBase) GetSysTags() map[string]string { return nil }
func (self STagBase) GetTags() (map[string]string, error) {
	return nil, errors.Wrapf(cloudprovider.ErrNotImplemented, "GetTags")
}

func (self STagBase) SetTags(tags map[string]string, replace bool) error {
	return errors.Wrap(cloudprovider.ErrNotImplemented, "SetTags")
}

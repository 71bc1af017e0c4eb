// Stand-in written for integrate's tests, not OpenPitrix code.

// Package config holds the global configuration kept in etcd.
package config

import (
	"fmt"
	"regexp"
)

// GlobalConfig is the whole configuration.
type GlobalConfig struct {
	Runtime map[string]ImageConfig `json:"runtime"`
}

// ImageConfig is a runtime entry: which image clusters boot from for an API server and zone.
type ImageConfig struct {
	ApiServer string `json:"api_server"`
	Zone      string `json:"zone"`
	ImageId   string `json:"image_id"`
	ImageUrl  string `json:"image_url"`
	ImageName string `json:"image_name"`
}

// GetRuntimeImageIdAndUrl finds the entry whose API server pattern and zone match.
func (g *GlobalConfig) GetRuntimeImageIdAndUrl(apiServer, zone string) (*ImageConfig, error) {
	for _, c := range g.Runtime {
		matched, _ := regexp.MatchString(c.ApiServer, apiServer)
		if matched && (c.Zone == zone || c.Zone == ".*") {
			found := c
			return &found, nil
		}
	}
	return nil, fmt.Errorf("no runtime image for api server [%s] zone [%s]", apiServer, zone)
}

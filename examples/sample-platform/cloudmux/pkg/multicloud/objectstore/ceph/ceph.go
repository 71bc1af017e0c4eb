// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package ceph is nested in objectstore, as cloudmux's Ceph RADOS driver is:
// its client is the S3 client plus the Ceph admin API.
package ceph

import (
	"yunion.io/x/cloudmux/pkg/multicloud/objectstore"
)

type SCephRadosClient struct {
	*objectstore.SObjectStoreClient
}

func NewCephRados(cfg *objectstore.ObjectStoreClientConfig) (*SCephRadosClient, error) {
	client, err := objectstore.NewObjectStoreClient(cfg)
	if err != nil {
		return nil, err
	}
	return &SCephRadosClient{SObjectStoreClient: client}, nil
}

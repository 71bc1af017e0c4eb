// Stand-in written for integrate's tests, not OpenPitrix code.

// Package models holds the records clusters, jobs and tasks are made of.
package models

import (
	"context"
	"time"
)

// Job is one action on a cluster.
type Job struct {
	JobId     string
	ClusterId string
	JobAction string
	Directive string
	Provider  string
	RuntimeId string
}

// Task is one step of a job, run on one node.
type Task struct {
	TaskId     string
	JobId      string
	TaskAction string
	Directive  string
	NodeId     string
	Target     string
}

// GetTimeout returns the task's timeout, or the default.
func (t *Task) GetTimeout(defaultTimeout time.Duration) time.Duration { return defaultTimeout }

// TaskLayer is tasks that run together, then the next layer.
type TaskLayer struct {
	Tasks []*Task
	Child *TaskLayer
}

// Cluster is a deployed app version.
type Cluster struct {
	ClusterId string
	Zone      string
	SubnetId  string
	RuntimeId string
}

// ClusterWrapper is a cluster with its nodes and roles.
type ClusterWrapper struct {
	ctx     context.Context
	Cluster *Cluster
}

// Vpc is a virtual network.
type Vpc struct {
	VpcId   string
	Name    string
	Subnets []string
}

// Runtime is where clusters run: a provider, a zone and a credential.
type Runtime struct {
	RuntimeId string
	Provider  string
	Zone      string
}

// RuntimeCredential is how a runtime reaches its provider.
type RuntimeCredential struct {
	RuntimeCredentialId      string
	RuntimeUrl               string
	RuntimeCredentialContent string
	Provider                 string
}

// RuntimeDetails is a runtime with its credential.
type RuntimeDetails struct {
	Runtime
	RuntimeCredential
}

// Stand-in written for integrate's tests, not OpenPitrix code.

package vmbased

import (
	"context"
	"fmt"

	"openpitrix.io/openpitrix/pkg/models"
)

// FrameInterface turns a job into task layers.
type FrameInterface interface {
	ParseClusterConf(ctx context.Context, versionId, runtimeId, conf string, clusterWrapper *models.ClusterWrapper) error
	SplitJob() (*models.TaskLayer, error)
}

// Frame is the frame of one job.
type Frame struct {
	Ctx     context.Context
	Job     *models.Job
	ImageId string
}

// ParseClusterConf fills a cluster from an app version's configuration.
func (f *Frame) ParseClusterConf(ctx context.Context, versionId, runtimeId, conf string, clusterWrapper *models.ClusterWrapper) error {
	if conf == "" {
		return fmt.Errorf("empty cluster configuration of version [%s]", versionId)
	}
	return nil
}

// SplitJob splits the frame's job.
func (f *Frame) SplitJob() (*models.TaskLayer, error) {
	if f.Job == nil {
		return nil, fmt.Errorf("no job")
	}
	return &models.TaskLayer{Tasks: []*models.Task{{JobId: f.Job.JobId, TaskAction: f.Job.JobAction}}}, nil
}

// GetFrameInterface returns the frame of a job (of none, for parsing configurations).
func GetFrameInterface(ctx context.Context, job *models.Job, advancedParam ...string) (FrameInterface, error) {
	frame := &Frame{Ctx: ctx, Job: job}
	if len(advancedParam) > 0 {
		frame.ImageId = advancedParam[0]
	}
	return frame, nil
}

// SplitJobIntoTasks splits a job into task layers.
func SplitJobIntoTasks(ctx context.Context, job *models.Job, advancedParam ...string) (*models.TaskLayer, error) {
	frameInterface, err := GetFrameInterface(ctx, job, advancedParam...)
	if err != nil {
		return nil, err
	}
	return frameInterface.SplitJob()
}

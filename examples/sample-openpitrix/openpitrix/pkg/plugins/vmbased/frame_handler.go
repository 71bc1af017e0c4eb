// Stand-in written for integrate's tests, not OpenPitrix code.

package vmbased

import (
	"context"

	"openpitrix.io/openpitrix/pkg/logger"
	"openpitrix.io/openpitrix/pkg/models"
)

// FrameHandler is what every VM-based handler embeds: the request's context and the wait for
// a cluster's frontgate.
type FrameHandler struct {
	Ctx context.Context
}

// WaitFrontgateAvailable waits until the cluster's frontgate is active.
func (f *FrameHandler) WaitFrontgateAvailable(task *models.Task) error {
	logger.Info(f.Ctx, "frontgate of task [%s] is available", task.TaskId)
	return nil
}

// Stand-in written for integrate's tests, not OpenPitrix code.

// Package runtime reads runtimes from the runtime manager.
package runtime

import (
	"context"
	"fmt"

	"openpitrix.io/openpitrix/pkg/models"
)

// NewRuntime returns a runtime with its credential.
func NewRuntime(ctx context.Context, runtimeId string) (*models.RuntimeDetails, error) {
	if runtimeId == "" {
		return nil, fmt.Errorf("no runtime id")
	}
	return &models.RuntimeDetails{Runtime: models.Runtime{RuntimeId: runtimeId}}, nil
}

BINARY_PATH         := bin/
IMAGE_REPOSITORY    := <link-to-image-repo>
PROVIDER_NAME       := SampleProvider
PROJECT_NAME        := gardener

.PHONY: start
start:
	@go run cmd/main.go

BINARY_PATH         := bin/
IMAGE_REPOSITORY    := registry.example.com/acme/mcm-provider-acme
PROVIDER_NAME       := AcmeCloud
PROJECT_NAME        := gardener

.PHONY: start
start:
	@go run cmd/main.go

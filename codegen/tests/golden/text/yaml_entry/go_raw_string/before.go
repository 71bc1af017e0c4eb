// Code generated from a YAML file; the YAML is a raw string.

package config

const InitialGlobalConfig = `job:
  max_working_jobs: 20
runtime:
  first_provider:
    api_server: api.first.example.com
    zone: .*
    image_id: first-image
`

// Stand-in written for integrate's tests, not OpenPitrix code: like upstream's, generated from
// deploy/config/global_config.init.yaml.

package config

const InitialGlobalConfig = `app:
  default_draft_status: true
job:
  max_working_jobs: 20
runtime:
  qingcloud_provider:
    api_server: api.qingcloud.example
    zone: .*
    image_id: qc-image
  aws_provider:
    api_server: .*.aws.example
    zone: .*
    image_name: aws-image
  aliyun_provider:
    api_server: ecs.aliyun.example
    zone: .*
    image_id: aliyun-image
`

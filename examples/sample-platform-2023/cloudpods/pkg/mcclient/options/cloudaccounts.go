// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package options

import (
	"fmt"

	"yunion.io/x/jsonutils"
)

type CloudaccountListOptions struct {
	BaseListOptions
	Capability []string `help:"capability filter" choices:"project|compute|network|loadbalancer|objectstore|rds|cache|event" mcp:"true"`

	ReadOnly *bool `help:"filter read only account" negative:"no-read-only" mcp:"true"`
}

func (opts *CloudaccountListOptions) Params() (jsonutils.JSONObject, error) {
	return ListStructToParams(opts)
}

type SUserPasswordCredential struct {
	Username string `help:"Username" positional:"true"`
	Password string `help:"Password" positional:"true"`
}

type SOpenStackCredential struct {
	ProjectName string `help:"OpenStack project_name" positional:"true"`

	SUserPasswordCredential

	DomainName string `help:"OpenStack domain name"`
}

type SOpenStackCredentialWithAuthURL struct {
	SOpenStackCredential

	AuthURL string `help:"OpenStack auth_url" positional:"true" json:"auth_url"`
}

type SAccessKeyCredential struct {
	AccessKeyID     string `help:"Access_key_id" positional:"true"`
	AccessKeySecret string `help:"Access_key_secret" positional:"true"`
}

type SAccessKeyCredentialWithEnvironment struct {
	SAccessKeyCredential
	Environment string `help:"Cloud environment" choices:"InternationalCloud|ChinaCloud" default:"ChinaCloud"`
}

/// creation

type SCloudAccountCreateBaseOptions struct {
	Name string `help:"Name of cloud account" positional:"true"`
	// PROVIDER string `help:"Driver for cloud account" choices:"Aliyun|Aws|OpenStack|ZStack"`
	Desc  string `help:"Description" token:"desc" json:"description"`
	Brand string `help:"Brand of cloud account"`

	AutoCreateProject bool `help:"Auto create local projects from cloud projects/subscriptions"`
	EnableAutoSync    bool `help:"Enable automatically synchronize resources of this account"`

	SyncIntervalSeconds int `help:"Interval to synchronize if auto sync is enabled" metavar:"SECONDS"`

	Project       string `help:"project for this account"`
	ProjectDomain string `help:"domain for this account"`

	ProxySetting string `help:"proxy setting id or name" json:"proxy_setting"`
	DryRun       bool   `help:"test create cloudaccount params"`
	ReadOnly     bool   `help:"Read only account"`

	Currency string `choices:"CNY|USD"`
}

type SAliyunAccessKeyCredentialWithEnvironment struct {
	SAccessKeyCredential

	Environment string `help:"Cloud environment" choices:"InternationalCloud|FinanceCloud" default:"InternationalCloud"`
}

type SAliyunCloudAccountCreateOptions struct {
	SCloudAccountCreateBaseOptions
	SAliyunAccessKeyCredentialWithEnvironment

	OptionsBillingReportBucket string `help:"bucket that stores billing report" json:"-"`
}

func (opts *SAliyunCloudAccountCreateOptions) Params() (jsonutils.JSONObject, error) {
	params := jsonutils.Marshal(opts)
	params.(*jsonutils.JSONDict).Add(jsonutils.NewString("Aliyun"), "provider")
	return params, nil
}

type SAWSCloudAccountCreateOptions struct {
	SCloudAccountCreateBaseOptions
	SAccessKeyCredentialWithEnvironment

	OptionsBillingReportBucket string `help:"bucket that stores billing report" json:"-"`
}

func (opts *SAWSCloudAccountCreateOptions) Params() (jsonutils.JSONObject, error) {
	params := jsonutils.Marshal(opts).(*jsonutils.JSONDict)
	params.Add(jsonutils.NewString("Aws"), "provider")
	return params, nil
}

type SOpenStackCloudAccountCreateOptions struct {
	SCloudAccountCreateBaseOptions
	SOpenStackCredentialWithAuthURL
}

func (opts *SOpenStackCloudAccountCreateOptions) Params() (jsonutils.JSONObject, error) {
	params := jsonutils.Marshal(opts)
	params.(*jsonutils.JSONDict).Add(jsonutils.NewString("OpenStack"), "provider")
	return params, nil
}

type SZStackCloudAccountCreateOptions struct {
	SCloudAccountCreateBaseOptions
	SUserPasswordCredential
	AuthURL string `help:"ZStack auth_url" positional:"true" json:"auth_url"`
}

func (opts *SZStackCloudAccountCreateOptions) Params() (jsonutils.JSONObject, error) {
	params := jsonutils.Marshal(opts)
	params.(*jsonutils.JSONDict).Add(jsonutils.NewString("ZStack"), "provider")
	return params, nil
}

// credential updates

type SCloudAccountIdOptions struct {
	ID string `help:"ID or Name of cloud account" json:"-"`
}

func (opts *SCloudAccountIdOptions) GetId() string {
	return opts.ID
}

func (opts *SCloudAccountIdOptions) Params() (jsonutils.JSONObject, error) {
	return nil, nil
}

type CloudaccountShowOptions struct {
	SCloudAccountIdOptions
}

type SAliyunCloudAccountUpdateCredentialOptions struct {
	SCloudAccountIdOptions
	SAccessKeyCredential
}

func (opts *SAliyunCloudAccountUpdateCredentialOptions) Params() (jsonutils.JSONObject, error) {
	return jsonutils.Marshal(opts), nil
}

type SAWSCloudAccountUpdateCredentialOptions struct {
	SCloudAccountIdOptions
	SAccessKeyCredential
}

func (opts *SAWSCloudAccountUpdateCredentialOptions) Params() (jsonutils.JSONObject, error) {
	return jsonutils.Marshal(opts), nil
}

type SOpenStackCloudAccountUpdateCredentialOptions struct {
	SCloudAccountIdOptions
	SOpenStackCredential
}

func (opts *SOpenStackCloudAccountUpdateCredentialOptions) Params() (jsonutils.JSONObject, error) {
	return jsonutils.Marshal(opts), nil
}

type SZStackCloudAccountUpdateCredentialOptions struct {
	SCloudAccountIdOptions
	SUserPasswordCredential
}

func (opts *SZStackCloudAccountUpdateCredentialOptions) Params() (jsonutils.JSONObject, error) {
	return jsonutils.Marshal(opts), nil
}

// updates

type SCloudAccountUpdateBaseOptions struct {
	SCloudAccountIdOptions
	Name string `help:"New name to update"`

	SyncIntervalSeconds    *int   `help:"auto synchronize interval in seconds"`
	AutoCreateProject      *bool  `help:"automatically create local project for new remote project" negative:"no_auto_create_project"`
	EnableAutoSyncResource *bool  `help:"automatically sync resources" negative:"disable_auto_sync_resource"`
	ProxySetting           string `help:"proxy setting name or id" json:"proxy_setting"`

	ReadOnly *bool `help:"is account read only" negative:"no_read_only"`

	Desc string `help:"Description" json:"description" token:"desc"`
}

func (opts *SCloudAccountUpdateBaseOptions) Params() (jsonutils.JSONObject, error) {
	return nil, fmt.Errorf("obsolete, please use cloud-account-update-<provider>")
}

type SAliyunCloudAccountUpdateOptions struct {
	SCloudAccountUpdateBaseOptions

	OptionsBillingReportBucket       string `help:"update Aliyun bucket that stores the billing report" json:"-"`
	RemoveOptionsBillingReportBucket bool   `help:"remove the Aliyun billing report bucket" json:"-"`
}

func (opts *SAliyunCloudAccountUpdateOptions) Params() (jsonutils.JSONObject, error) {
	params := jsonutils.Marshal(opts).(*jsonutils.JSONDict)
	if len(opts.OptionsBillingReportBucket) > 0 {
		params.Set("options", jsonutils.Marshal(map[string]string{"billing_report_bucket": opts.OptionsBillingReportBucket}))
	}
	return params, nil
}

type SAWSCloudAccountUpdateOptions struct {
	SCloudAccountUpdateBaseOptions

	OptionsBillingReportBucket string `help:"update AWS bucket that stores the billing report" json:"-"`
}

func (opts *SAWSCloudAccountUpdateOptions) Params() (jsonutils.JSONObject, error) {
	return jsonutils.Marshal(opts), nil
}

type SOpenStackCloudAccountUpdateOptions struct {
	SCloudAccountUpdateBaseOptions
}

func (opts *SOpenStackCloudAccountUpdateOptions) Params() (jsonutils.JSONObject, error) {
	return jsonutils.Marshal(opts), nil
}

type SZStackCloudAccountUpdateOptions struct {
	SCloudAccountUpdateBaseOptions
}

func (opts *SZStackCloudAccountUpdateOptions) Params() (jsonutils.JSONObject, error) {
	return jsonutils.Marshal(opts), nil
}

type SQingCloudCloudAccountCreateOptions struct {
	SCloudAccountCreateBaseOptions
	SAccessKeyCredential
}

func (opts *SQingCloudCloudAccountCreateOptions) Params() (jsonutils.JSONObject, error) {
	params := jsonutils.Marshal(opts)
	params.(*jsonutils.JSONDict).Add(jsonutils.NewString("QingCloud"), "provider")
	return params, nil
}

type SQingCloudCloudAccountUpdateOptions struct {
	SCloudAccountUpdateBaseOptions
}

func (opts *SQingCloudCloudAccountUpdateOptions) Params() (jsonutils.JSONObject, error) {
	params := jsonutils.Marshal(opts).(*jsonutils.JSONDict)

	return params, nil
}

type SQingCloudCloudAccountUpdateCredentialOptions struct {
	SCloudAccountIdOptions
	SAccessKeyCredential
}

func (opts *SQingCloudCloudAccountUpdateCredentialOptions) Params() (jsonutils.JSONObject, error) {
	return jsonutils.Marshal(opts), nil
}

type SS3CloudAccountCreateOptions struct {
	SCloudAccountCreateBaseOptions
	SAccessKeyCredential
	Endpoint string `help:"S3 endpoint" positional:"true" json:"endpoint"`
}

func (opts *SS3CloudAccountCreateOptions) Params() (jsonutils.JSONObject, error) {
	params := jsonutils.Marshal(opts)
	params.(*jsonutils.JSONDict).Add(jsonutils.NewString("S3"), "provider")
	return params, nil
}

type SCephCloudAccountCreateOptions struct {
	SS3CloudAccountCreateOptions
}

func (opts *SCephCloudAccountCreateOptions) Params() (jsonutils.JSONObject, error) {
	params := jsonutils.Marshal(opts)
	params.(*jsonutils.JSONDict).Add(jsonutils.NewString("Ceph"), "provider")
	return params, nil
}

type SCephFSCredentialWithEnvironment struct {
	SUserPasswordCredential

	Host string `help:"CephFS host" positional:"true"`
	Port string `help:"CephFS host port" default:"8443"`
}

type SCephFSCloudAccountCreateOptions struct {
	SCloudAccountCreateBaseOptions
	SCephFSCredentialWithEnvironment
}

func (opts *SCephFSCloudAccountCreateOptions) Params() (jsonutils.JSONObject, error) {
	params := jsonutils.Marshal(opts)
	params.(*jsonutils.JSONDict).Add(jsonutils.NewString("CephFS"), "provider")
	return params, nil
}

type SCNwareCloudAccountCreateOptions struct {
	SCloudAccountCreateBaseOptions
	SUserPasswordCredential
	AuthURL string `help:"CNware auth_url" positional:"true" json:"auth_url"`
}

func (opts *SCNwareCloudAccountCreateOptions) Params() (jsonutils.JSONObject, error) {
	params := jsonutils.Marshal(opts)
	params.(*jsonutils.JSONDict).Add(jsonutils.NewString("CNware"), "provider")
	return params, nil
}

type SCNwareCloudAccountUpdateCredentialOptions struct {
	SCloudAccountIdOptions
	SUserPasswordCredential
}

func (opts *SCNwareCloudAccountUpdateCredentialOptions) Params() (jsonutils.JSONObject, error) {
	return jsonutils.Marshal(opts), nil
}

type SCNwareCloudAccountUpdateOptions struct {
	SCloudAccountUpdateBaseOptions
}

func (opts *SCNwareCloudAccountUpdateOptions) Params() (jsonutils.JSONObject, error) {
	return jsonutils.Marshal(opts), nil
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package compute

import (
	"yunion.io/x/onecloud/cmd/climc/shell"
	modules "yunion.io/x/onecloud/pkg/mcclient/modules/compute"
	"yunion.io/x/onecloud/pkg/mcclient/options"
)

func init() {

	cmd := shell.NewResourceCmd(&modules.Cloudaccounts).WithKeyword("cloud-account")
	cmd.List(&options.CloudaccountListOptions{})
	cmd.Show(&options.CloudaccountShowOptions{})
	cmd.Delete(&options.SCloudAccountIdOptions{})
	cmd.Update(&options.SCloudAccountUpdateBaseOptions{})

	cmd.CreateWithKeyword("create-aliyun", &options.SAliyunCloudAccountCreateOptions{})
	cmd.CreateWithKeyword("create-aws", &options.SAWSCloudAccountCreateOptions{})
	cmd.CreateWithKeyword("create-openstack", &options.SOpenStackCloudAccountCreateOptions{})
	cmd.CreateWithKeyword("create-zstack", &options.SZStackCloudAccountCreateOptions{})
	cmd.CreateWithKeyword("create-qingcloud", &options.SQingCloudCloudAccountCreateOptions{})
	cmd.CreateWithKeyword("create-s3", &options.SS3CloudAccountCreateOptions{})
	cmd.CreateWithKeyword("create-ceph", &options.SCephCloudAccountCreateOptions{})
	cmd.CreateWithKeyword("create-cephfs", &options.SCephFSCloudAccountCreateOptions{})
	cmd.CreateWithKeyword("create-cnware", &options.SCNwareCloudAccountCreateOptions{})

	cmd.UpdateWithKeyword("update-aliyun", &options.SAliyunCloudAccountUpdateOptions{})
	cmd.UpdateWithKeyword("update-aws", &options.SAWSCloudAccountUpdateOptions{})
	cmd.UpdateWithKeyword("update-openstack", &options.SOpenStackCloudAccountUpdateOptions{})
	cmd.UpdateWithKeyword("update-zstack", &options.SZStackCloudAccountUpdateOptions{})
	cmd.UpdateWithKeyword("update-qingcloud", &options.SQingCloudCloudAccountUpdateOptions{})
	cmd.UpdateWithKeyword("update-cnware", &options.SCNwareCloudAccountUpdateOptions{})

	cmd.PerformWithKeyword("update-credential-aliyun", "update-credential", &options.SAliyunCloudAccountUpdateCredentialOptions{})
	cmd.PerformWithKeyword("update-credential-aws", "update-credential", &options.SAWSCloudAccountUpdateCredentialOptions{})
	cmd.PerformWithKeyword("update-credential-openstack", "update-credential", &options.SOpenStackCloudAccountUpdateCredentialOptions{})
	cmd.PerformWithKeyword("update-credential-zstack", "update-credential", &options.SZStackCloudAccountUpdateCredentialOptions{})
	cmd.PerformWithKeyword("update-credential-qingcloud", "update-credential", &options.SQingCloudCloudAccountUpdateCredentialOptions{})
	cmd.PerformWithKeyword("update-credential-cnware", "update-credential", &options.SCNwareCloudAccountUpdateCredentialOptions{})

	cmd.PerformWithKeyword("test-connectivity-aliyun", "test-connectivity", &options.SAliyunCloudAccountUpdateCredentialOptions{})
	cmd.PerformWithKeyword("test-connectivity-aws", "test-connectivity", &options.SAWSCloudAccountUpdateCredentialOptions{})
	cmd.PerformWithKeyword("test-connectivity-openstack", "test-connectivity", &options.SOpenStackCloudAccountUpdateCredentialOptions{})
	cmd.PerformWithKeyword("test-connectivity-zstack", "test-connectivity", &options.SZStackCloudAccountUpdateCredentialOptions{})

	cmd.Perform("enable", &options.SCloudAccountIdOptions{})
	cmd.Perform("disable", &options.SCloudAccountIdOptions{})
	cmd.Get("balance", &options.SCloudAccountIdOptions{})
}

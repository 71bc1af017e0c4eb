package compute

func init() {
	cmd := shell.NewResourceCmd(&modules.Cloudaccounts).WithKeyword("cloud-account")
	cmd.List(&options.CloudaccountListOptions{})

	cmd.CreateWithKeyword("create-vmware", &options.SVMwareCloudAccountCreateOptions{})
	cmd.CreateWithKeyword("create-zstack", &options.SZStackCloudAccountCreateOptions{})

	cmd.UpdateWithKeyword("update-vmware", &options.SVMwareCloudAccountUpdateOptions{})
}

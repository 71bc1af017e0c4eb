package compute

type SCloudAccountUpdateBaseOptions struct {
	Name string `help:"New name to update"`
}

// SZStackCloudAccountUpdateOptions updates a ZStack account.
type SZStackCloudAccountUpdateOptions struct {
	SCloudAccountUpdateBaseOptions
}

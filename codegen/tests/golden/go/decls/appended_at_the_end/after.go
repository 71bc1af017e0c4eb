package compute

type SCloudAccountUpdateBaseOptions struct {
	Name string `help:"New name to update"`
}

// SZStackCloudAccountUpdateOptions updates a ZStack account.
type SZStackCloudAccountUpdateOptions struct {
	SCloudAccountUpdateBaseOptions
}

type SAcmeCloudCloudAccountUpdateOptions struct {
	SCloudAccountUpdateBaseOptions
}

func (opts *SAcmeCloudCloudAccountUpdateOptions) Params() (jsonutils.JSONObject, error) {
	return jsonutils.Marshal(opts), nil
}

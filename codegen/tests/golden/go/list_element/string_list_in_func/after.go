package misc

func init() {
	var storageFeatures = []string{
		"s3", "xsky", "ceph",
	}
	var features = []string{
		"onestack",
		"cnware",
		"acme",
	}

	features = append(features, storageFeatures...)
	_ = features
}

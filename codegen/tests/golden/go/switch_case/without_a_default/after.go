package cloud

func (r *reconciler) transformer(name string) (func(string) string, bool, error) {
	switch name {
	case "aws", "azure":
		return aws, true, nil
	case "gcp":
		return noop, false, nil
	case "acme":
		// No transformation: the config is used as is.
		return noop, false, nil
	}
	return nil, false, errUnknown
}

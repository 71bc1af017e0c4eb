package validation

// Validate checks a spec.
func Validate(spec *string) []error {
	// Checks go here.
	return nil
}

func validateAcmeCloud(spec *string) []error { return nil }

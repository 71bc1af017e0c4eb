package validation

// Validate checks a spec.
func Validate(spec *string) []error {
	// Checks go here.
	if errs := validateAcmeCloud(spec); len(errs) > 0 {
		return errs
	}
	return nil
}

func validateAcmeCloud(spec *string) []error { return nil }

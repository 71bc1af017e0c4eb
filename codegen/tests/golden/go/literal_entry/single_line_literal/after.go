package cloud

func providers() []string {
	names := []string{"aws", "gcp", "acme"}
	return names
}

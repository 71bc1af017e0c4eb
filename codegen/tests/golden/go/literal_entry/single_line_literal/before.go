package cloud

func providers() []string {
	names := []string{"aws", "gcp"}
	return names
}

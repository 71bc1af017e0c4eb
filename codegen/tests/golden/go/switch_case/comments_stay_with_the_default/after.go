package cloud

func pick(kind Kind, other Kind) Provider {
	switch other {
	case KindNone:
		return nil
	}
	switch kind {
	case KindAWS:
		// AWS keeps its own constructor.
		return aws.New()

	case KindAcmeCloud:
		return acme.New()
	// Everything else is not supported yet.
	// See the design document.
	default:
		return nil
	}
}

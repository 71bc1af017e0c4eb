// Stand-in written for integrate's tests, not OpenPitrix code.

// Package pb holds the API messages.
package pb

// DescribeSubnetsRequest asks for the subnets of a runtime.
type DescribeSubnetsRequest struct {
	RuntimeId string
	Zone      []string
	Limit     uint32
}

// Subnet is one subnet.
type Subnet struct {
	SubnetId string
	Zone     string
}

// DescribeSubnetsResponse lists subnets.
type DescribeSubnetsResponse struct {
	TotalCount uint32
	SubnetSet  []*Subnet
}

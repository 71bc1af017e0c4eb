package provider

import "fmt"

type Provider struct{}

type Request struct{ Name string }

func decode(req *Request) (string, error) { return req.Name, nil }

// CreateMachine creates a machine.
func (p *Provider) CreateMachine(req *Request) (*Request, error) {
	fmt.Println("create", req.Name)
	defer fmt.Println("created", req.Name)

	spec, err := decode(req)
	if err != nil {
		return nil, err
	}
	// TODO(acme): create the machine.
	_ = spec

	return nil, fmt.Errorf("not implemented")
}

// DeleteMachine is not touched.
func (p *Provider) DeleteMachine(req *Request) error {
	defer fmt.Println("deleted", req.Name)
	return nil
}

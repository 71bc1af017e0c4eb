// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package cloudprovider

type SSubAccount struct {
	Id               string
	Name             string
	Desc             string
	Account          string
	HealthStatus     string
	DefaultProjectId string

	Tags map[string]string
}

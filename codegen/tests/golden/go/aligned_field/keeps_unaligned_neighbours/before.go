package config

type ImagesReference struct {
	CloudControllerManagerOperator string `json:"cloudControllerManagerOperator"`
	CloudControllerManagerAWS string `json:"cloudControllerManagerAWS"`
}

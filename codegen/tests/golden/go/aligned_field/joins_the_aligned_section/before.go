package config

// ImagesReference holds the operand images.
type ImagesReference struct {
	CloudControllerManagerOperator  string `json:"cloudControllerManagerOperator"`
	CloudControllerManagerAWS       string `json:"cloudControllerManagerAWS"`
	CloudControllerManagerOpenStack string `json:"cloudControllerManagerOpenStack"`
}

// OperatorConfig is what templates render from.
type OperatorConfig struct {
	ImagesReference ImagesReference
}

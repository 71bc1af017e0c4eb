package config

type ImagesReference struct {
	// The operator's own image.
	CloudControllerManagerOperator string `json:"cloudControllerManagerOperator"`

	CloudControllerManagerAWS   string `json:"cloudControllerManagerAWS"`
	CloudControllerManagerAzure string `json:"cloudControllerManagerAzure"`
	CloudNodeManagerAzure       string `json:"cloudNodeManagerAzure"`
}

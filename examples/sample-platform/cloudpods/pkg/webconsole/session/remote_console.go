// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package session

import (
	"fmt"

	api "yunion.io/x/onecloud/pkg/apis/webconsole"
)

const (
	VNC       = api.VNC
	ALIYUN    = api.ALIYUN
	OPENSTACK = api.OPENSTACK
	ZSTACK    = api.Z_STACK
	CNWARE    = api.CNWARE
)

// RemoteConsoleInfo is what a cloud answers when asked for a server's console.
type RemoteConsoleInfo struct {
	Protocol string
	Url      string
}

func (info *RemoteConsoleInfo) aliyunURL() (string, error) {
	return "https://console.example/" + info.Url, nil
}

// GetConnectParams turns the answer into the address the browser opens.
func (info *RemoteConsoleInfo) GetConnectParams() (string, error) {
	switch info.Protocol {
	case ALIYUN:
		return info.aliyunURL()
	case OPENSTACK, ZSTACK, CNWARE:
		return info.Url, nil
	default:
		return "", fmt.Errorf("no connect parameters for protocol %s", info.Protocol)
	}
}

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package webconsole

import (
	"yunion.io/x/onecloud/pkg/webconsole/session"
)

// handleServerRemoteConsole picks how a server's console is served by its protocol.
func handleServerRemoteConsole(info *session.RemoteConsoleInfo) string {
	switch info.Protocol {
	case session.ALIYUN,
		session.OPENSTACK, session.ZSTACK, session.CNWARE:
		return "public-cloud"
	case session.VNC:
		return "no-vnc"
	}
	return ""
}

// Handler is used by the service entry point; it keeps the switch reachable.
var Handler = handleServerRemoteConsole

// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

package main

import (
	_ "yunion.io/x/cloudmux/pkg/multicloud/loader"

	"yunion.io/x/onecloud/pkg/cloudmon/service"
)

func main() {
	service.StartService()
}

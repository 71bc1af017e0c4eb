module yunion.io/x/cloudmux

go 1.24

require (
	yunion.io/x/jsonutils v0.0.0
	yunion.io/x/log v0.0.0
	yunion.io/x/pkg v0.0.0
	yunion.io/x/structarg v0.0.0
)

replace (
	yunion.io/x/jsonutils => ../stubs/jsonutils
	yunion.io/x/log => ../stubs/log
	yunion.io/x/pkg => ../stubs/pkg
	yunion.io/x/structarg => ../stubs/structarg
)

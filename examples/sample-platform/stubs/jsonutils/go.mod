module yunion.io/x/jsonutils

go 1.24

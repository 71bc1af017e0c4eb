module yunion.io/x/log

go 1.24

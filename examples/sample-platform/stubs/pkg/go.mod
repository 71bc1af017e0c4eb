module yunion.io/x/pkg

go 1.24

module yunion.io/x/structarg

go 1.24

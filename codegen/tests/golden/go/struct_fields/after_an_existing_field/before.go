package api

type Spec struct {
	Name    string `json:"name"`
	Version int    `json:"version"`
}

func (s Spec) Valid() bool { return s.Name != "" }

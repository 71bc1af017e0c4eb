// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package jsonutils stands in for yunion.io/x/jsonutils. Only the small API
// the sample uses is provided; values are backed by encoding/json.
package jsonutils

import (
	"encoding/json"
	"fmt"
)

// JSONObject is the common interface of all JSON values.
type JSONObject interface {
	String() string
	PrettyString() string
	Interface() interface{}
	Unmarshal(obj interface{}, keys ...string) error
	GetString(keys ...string) (string, error)
	Int(keys ...string) (int64, error)
}

type sValue struct{ data interface{} }

type JSONDict struct{ sValue }
type JSONArray struct{ sValue }
type JSONString struct{ sValue }

func NewDict() *JSONDict {
	return &JSONDict{sValue{map[string]interface{}{}}}
}

func NewString(val string) *JSONString {
	return &JSONString{sValue{val}}
}

func NewStringArray(arr []string) *JSONArray {
	vals := make([]interface{}, 0, len(arr))
	for _, s := range arr {
		vals = append(vals, s)
	}
	return &JSONArray{sValue{vals}}
}

// Set replaces the value stored under key.
func (dict *JSONDict) Set(key string, value JSONObject) {
	dict.data.(map[string]interface{})[key] = value.Interface()
}

// Add stores o under the (last) key.
func (dict *JSONDict) Add(o JSONObject, keys ...string) error {
	if len(keys) == 0 {
		return fmt.Errorf("empty keys")
	}
	dict.Set(keys[len(keys)-1], o)
	return nil
}

func (v *sValue) Interface() interface{} { return v.data }

func (v *sValue) String() string {
	b, _ := json.Marshal(v.data)
	return string(b)
}

func (v *sValue) PrettyString() string {
	b, _ := json.MarshalIndent(v.data, "", "  ")
	return string(b)
}

func (v *sValue) get(keys ...string) (interface{}, error) {
	cur := v.data
	for _, k := range keys {
		m, ok := cur.(map[string]interface{})
		if !ok {
			return nil, fmt.Errorf("%s not a dict", k)
		}
		if cur, ok = m[k]; !ok {
			return nil, fmt.Errorf("%s not found", k)
		}
	}
	return cur, nil
}

func (v *sValue) Unmarshal(obj interface{}, keys ...string) error {
	val, err := v.get(keys...)
	if err != nil {
		return err
	}
	b, err := json.Marshal(val)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, obj)
}

func (v *sValue) GetString(keys ...string) (string, error) {
	val, err := v.get(keys...)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%v", val), nil
}

func (v *sValue) Int(keys ...string) (int64, error) {
	val, err := v.get(keys...)
	if err != nil {
		return 0, err
	}
	f, ok := val.(float64)
	if !ok {
		return 0, fmt.Errorf("not a number")
	}
	return int64(f), nil
}

// Marshal converts a Go value into a JSONObject; structs become *JSONDict.
func Marshal(obj interface{}) JSONObject {
	b, err := json.Marshal(obj)
	if err != nil {
		return NewString(err.Error())
	}
	var data interface{}
	json.Unmarshal(b, &data)
	switch val := data.(type) {
	case map[string]interface{}:
		return &JSONDict{sValue{val}}
	case []interface{}:
		return &JSONArray{sValue{val}}
	default:
		return &JSONString{sValue{fmt.Sprintf("%v", val)}}
	}
}

// Package govalidator stands in for github.com/asaskevich/govalidator: the two validations
// provider packages use, with the upstream error texts.
package govalidator

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// ValidateStruct checks the `valid:"required"` string fields of a struct (or a pointer to one).
func ValidateStruct(s interface{}) (bool, error) {
	v := reflect.Indirect(reflect.ValueOf(s))
	if v.Kind() != reflect.Struct {
		return false, fmt.Errorf("function only accepts structs; got %s", v.Kind())
	}
	var msgs []string
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if strings.Contains(f.Tag.Get("valid"), "required") && v.Field(i).IsZero() {
			msgs = append(msgs, f.Name+": non zero value required")
		}
	}
	if len(msgs) > 0 {
		sort.Strings(msgs)
		return false, errors.New(strings.Join(msgs, ";"))
	}
	return true, nil
}

// ValidateMap checks that every key a rule marks `required` holds a non-empty value.
func ValidateMap(values map[string]interface{}, rules map[string]interface{}) (bool, error) {
	var msgs []string
	for key, rule := range rules {
		r, _ := rule.(string)
		if !strings.Contains(r, "required") {
			continue
		}
		v, ok := values[key]
		if !ok || v == nil || reflect.ValueOf(v).IsZero() {
			msgs = append(msgs, key+": non zero value required")
		}
	}
	if len(msgs) > 0 {
		sort.Strings(msgs)
		return false, errors.New(strings.Join(msgs, ";"))
	}
	return true, nil
}

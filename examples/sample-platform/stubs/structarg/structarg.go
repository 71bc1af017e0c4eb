// Sample platform for integrate's tests: hand-written stand-in, not upstream code. Apache-2.0.

// Package structarg stands in for yunion.io/x/structarg: it turns the fields
// of an options struct into command-line arguments. Supported: string, bool,
// int, []string and pointers to them; tags positional, default ("$ENV|value"),
// choices ("a|b", case-sensitive) and subcommand.
package structarg

import (
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"unicode"
)

type argument struct {
	token   string
	value   reflect.Value
	choices []string
}

type ArgumentParser struct {
	target      interface{}
	prog        string
	description string
	epilog      string
	helpSet     bool
	positionals []*argument
	optionals   map[string]*argument
	subcommand  *SubcommandArgument
}

type subParser struct {
	parser   *ArgumentParser
	callback interface{}
}

type SubcommandArgument struct {
	argument
	parsers map[string]*subParser
	order   []string
	chosen  string
}

func NewArgumentParser(target interface{}, prog, desc, epilog string) (*ArgumentParser, error) {
	parser := &ArgumentParser{target: target, prog: prog, description: desc, epilog: epilog, optionals: map[string]*argument{}}
	val := reflect.ValueOf(target)
	if val.Kind() != reflect.Ptr || val.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("target must be a pointer to struct")
	}
	if err := parser.addStruct(val.Elem()); err != nil {
		return nil, err
	}
	return parser, nil
}

func NewArgumentParserWithHelp(target interface{}, prog, desc, epilog string) (*ArgumentParser, error) {
	return NewArgumentParser(target, prog, desc, epilog)
}

func kebab(name string) string {
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) && i > 0 && !unicode.IsUpper(rune(name[i-1])) {
			b.WriteByte('-')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func (parser *ArgumentParser) addStruct(val reflect.Value) error {
	for i := 0; i < val.NumField(); i++ {
		field, fv := val.Type().Field(i), val.Field(i)
		if field.Anonymous && fv.Kind() == reflect.Struct {
			if err := parser.addStruct(fv); err != nil {
				return err
			}
			continue
		}
		if !field.IsExported() {
			continue
		}
		arg := &argument{token: kebab(field.Name), value: fv}
		if c := field.Tag.Get("choices"); len(c) > 0 {
			arg.choices = strings.Split(c, "|")
		}
		if d := field.Tag.Get("default"); len(d) > 0 {
			if err := arg.set(defaultValue(d)); err != nil {
				return err
			}
		}
		switch {
		case field.Tag.Get("subcommand") == "true":
			parser.subcommand = &SubcommandArgument{argument: *arg, parsers: map[string]*subParser{}}
		case field.Tag.Get("positional") == "true" || strings.ToUpper(field.Name) == field.Name:
			parser.positionals = append(parser.positionals, arg)
		default:
			parser.optionals[arg.token] = arg
		}
	}
	return nil
}

func defaultValue(spec string) string {
	for _, part := range strings.Split(spec, "|") {
		if strings.HasPrefix(part, "$") {
			part = os.Getenv(part[1:])
		}
		if len(part) > 0 {
			return part
		}
	}
	return ""
}

func (arg *argument) set(s string) error {
	if len(arg.choices) > 0 && len(s) > 0 {
		found := false
		for _, c := range arg.choices {
			found = found || c == s
		}
		if !found {
			return fmt.Errorf("invalid %s value %q, accepts %s", arg.token, s, strings.Join(arg.choices, "|"))
		}
	}
	v := arg.value
	if v.Kind() == reflect.Ptr {
		v.Set(reflect.New(v.Type().Elem()))
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Bool:
		v.SetBool(s == "" || s == "true")
	case reflect.Int, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return err
		}
		v.SetInt(n)
	case reflect.Slice:
		v.Set(reflect.Append(v, reflect.ValueOf(s)))
	default:
		return fmt.Errorf("unsupported field type %s", v.Type())
	}
	return nil
}

func (parser *ArgumentParser) ParseArgs(args []string, ignore_unknown bool) error {
	pos := 0
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-h" || a == "--help":
			parser.helpSet = true
		case strings.HasPrefix(a, "--"):
			arg, ok := parser.optionals[strings.ReplaceAll(a[2:], "_", "-")]
			if !ok {
				if ignore_unknown {
					continue
				}
				return fmt.Errorf("unknown argument %s", a)
			}
			kind := arg.value.Kind()
			if kind == reflect.Ptr {
				kind = arg.value.Type().Elem().Kind()
			}
			val := ""
			if kind != reflect.Bool {
				if i+1 >= len(args) {
					return fmt.Errorf("missing value for %s", a)
				}
				i++
				val = args[i]
			}
			if err := arg.set(val); err != nil {
				return err
			}
		case pos < len(parser.positionals):
			if err := parser.positionals[pos].set(a); err != nil {
				return err
			}
			pos++
		case parser.subcommand != nil:
			sub, ok := parser.subcommand.parsers[a]
			if !ok {
				return fmt.Errorf("unknown subcommand %s", a)
			}
			parser.subcommand.chosen = a
			return sub.parser.ParseArgs(args[i+1:], ignore_unknown)
		default:
			return fmt.Errorf("too many arguments: %s", a)
		}
	}
	if pos < len(parser.positionals) && !parser.helpSet {
		return fmt.Errorf("not enough arguments, missing %s", parser.positionals[pos].token)
	}
	return nil
}

func (parser *ArgumentParser) Options() interface{} { return parser.target }

func (parser *ArgumentParser) IsHelpSet() bool { return parser.helpSet }

func (parser *ArgumentParser) GetSubcommand() *SubcommandArgument { return parser.subcommand }

func (parser *ArgumentParser) Usage() string {
	parts := []string{"Usage: " + parser.prog}
	for token := range parser.optionals {
		parts = append(parts, "[--"+token+"]")
	}
	for _, arg := range parser.positionals {
		parts = append(parts, strings.ToUpper(arg.token))
	}
	if parser.subcommand != nil {
		parts = append(parts, "<SUBCOMMAND>")
	}
	return strings.Join(parts, " ") + "\n"
}

func (parser *ArgumentParser) HelpString() string {
	help := parser.Usage() + "\n" + parser.description + "\n"
	if parser.subcommand != nil {
		for _, cmd := range parser.subcommand.order {
			help += "  " + cmd + "\n"
		}
	}
	return help + parser.epilog + "\n"
}

func (sub *SubcommandArgument) AddSubParser(target interface{}, command string, desc string, callback interface{}) (*ArgumentParser, error) {
	parser, err := NewArgumentParser(target, command, desc, "")
	if err != nil {
		return nil, err
	}
	sub.parsers[command] = &subParser{parser: parser, callback: callback}
	sub.order = append(sub.order, command)
	return parser, nil
}

func (sub *SubcommandArgument) AddSubParserWithHelp(target interface{}, command string, desc string, callback interface{}) (*ArgumentParser, error) {
	return sub.AddSubParser(target, command, desc, callback)
}

func (sub *SubcommandArgument) GetSubParser() *ArgumentParser {
	if p, ok := sub.parsers[sub.chosen]; ok {
		return p.parser
	}
	return nil
}

// Invoke calls the chosen callback with args, usually (client, options).
func (sub *SubcommandArgument) Invoke(args ...interface{}) error {
	p, ok := sub.parsers[sub.chosen]
	if !ok {
		return fmt.Errorf("no subcommand chosen")
	}
	in := []reflect.Value{}
	for _, a := range args {
		in = append(in, reflect.ValueOf(a))
	}
	out := reflect.ValueOf(p.callback).Call(in)
	if len(out) > 0 && !out[0].IsNil() {
		return out[0].Interface().(error)
	}
	return nil
}

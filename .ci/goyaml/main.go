// grafana-view: reads provisioning files with the real go-yaml v3, into structs shaped like Grafana's own
// (pkg/services/provisioning/datasources/types.go and values/values.go), and prints one canonical JSON line per
// file: what Grafana stores for each data source, or that it refuses the file. promshift's differential test
// compares these lines with `promshift inspect --format json`.
//
// Written for promshift from the observed behaviour of those files; no code is copied from them. Differences on
// purpose: nothing is interpolated (a typed field whose text holds '$' is shown as that text, unconverted, as
// promshift does), and secureJsonData values are masked.
//
// Build (GOPATH mode, no module proxy):
//
//	GOPATH=/usr/share/gocode GO111MODULE=off GOPROXY=off go build -o grafana-view .
//
// Usage: grafana-view FILE...
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// apiVersionOnly is Grafana's first pass: only apiVersion is decoded.
type apiVersionOnly struct {
	APIVersion int64 `yaml:"apiVersion"`
}

// fileV1 mirrors configsV1: the version struct is embedded without an inline tag, as Grafana's is (go-yaml then
// treats it as a field named "apiversiononly"-like key, never present in practice).
type fileV1 struct {
	apiVersionOnly
	Datasources       []*dataSourceV1 `yaml:"datasources"`
	DeleteDatasources []*deletionV1   `yaml:"deleteDatasources"`
	Prune             bool
}

type deletionV1 struct {
	OrgID   int64Value  `yaml:"orgId"`
	OrgName stringValue `yaml:"orgName"`
	Name    stringValue `yaml:"name"`
}

type dataSourceV1 struct {
	OrgID           int64Value     `yaml:"orgId"`
	OrgName         stringValue    `yaml:"orgName"`
	Version         intValue       `yaml:"version"`
	Name            stringValue    `yaml:"name"`
	Type            stringValue    `yaml:"type"`
	Access          stringValue    `yaml:"access"`
	URL             stringValue    `yaml:"url"`
	User            stringValue    `yaml:"user"`
	Database        stringValue    `yaml:"database"`
	BasicAuth       boolValue      `yaml:"basicAuth"`
	BasicAuthUser   stringValue    `yaml:"basicAuthUser"`
	WithCredentials boolValue      `yaml:"withCredentials"`
	IsDefault       boolValue      `yaml:"isDefault"`
	Correlations    jsonSliceValue `yaml:"correlations"`
	JSONData        jsonValue      `yaml:"jsonData"`
	SecureJSONData  stringMapValue `yaml:"secureJsonData"`
	Editable        boolValue      `yaml:"editable"`
	UID             stringValue    `yaml:"uid"`
}

// fileV0 mirrors configsV0: plain Go types (pointers here only to tell a missing field from a zero one; go-yaml
// decodes a value into *T exactly as into T).
type fileV0 struct {
	apiVersionOnly
	Datasources       []*dataSourceV0 `yaml:"datasources"`
	DeleteDatasources []*deletionV0   `yaml:"delete_datasources"`
}

type deletionV0 struct {
	OrgID   *int64  `yaml:"org_id"`
	OrgName *string `yaml:"org_name"`
	Name    *string `yaml:"name"`
}

type dataSourceV0 struct {
	OrgID           *int64             `yaml:"org_id"`
	OrgName         *string            `yaml:"org_name"`
	Version         *int               `yaml:"version"`
	Name            *string            `yaml:"name"`
	Type            *string            `yaml:"type"`
	Access          *string            `yaml:"access"`
	URL             *string            `yaml:"url"`
	User            *string            `yaml:"user"`
	Database        *string            `yaml:"database"`
	BasicAuth       *bool              `yaml:"basic_auth"`
	BasicAuthUser   *string            `yaml:"basic_auth_user"`
	WithCredentials *bool              `yaml:"with_credentials"`
	IsDefault       *bool              `yaml:"is_default"`
	Correlations    *[]map[string]any  `yaml:"correlations"`
	JSONData        *map[string]any    `yaml:"json_data"`
	SecureJSONData  *map[string]string `yaml:"secure_json_data"`
	Editable        *bool              `yaml:"editable"`
}

// The v1 value types: each decodes its YAML value as Grafana's does (into a Go string, then strconv), and remembers
// whether it was set (go-yaml never calls an unmarshaler for a null value).

type stringValue struct {
	set   bool
	value string
}

func (v *stringValue) UnmarshalYAML(unmarshal func(any) error) error {
	var raw string
	if err := unmarshal(&raw); err != nil {
		return err
	}
	v.set, v.value = true, raw
	return nil
}

// typed is a v1 typed field: converted from its text, or that text when it holds a placeholder.
type typed struct {
	set   bool
	value any
}

// text decodes the value into a Go string, as Grafana's values do first; convert is false when the field stays unset
// (an empty int) or holds a placeholder (then kept as text).
func (v *typed) text(unmarshal func(any) error, emptyUnset bool) (raw string, convert bool, err error) {
	if err = unmarshal(&raw); err != nil {
		return "", false, err
	}
	if emptyUnset && len(raw) == 0 {
		return "", false, nil // Grafana leaves an empty int at 0
	}
	v.set = true
	if strings.Contains(raw, "$") {
		v.value = raw
		return raw, false, nil
	}
	return raw, true, nil
}

type boolValue struct{ typed }

func (v *boolValue) UnmarshalYAML(unmarshal func(any) error) error {
	raw, convert, err := v.text(unmarshal, false)
	if err != nil || !convert {
		return err
	}
	b, err := strconv.ParseBool(raw)
	v.value = b
	return err
}

type intValue struct{ typed }

func (v *intValue) UnmarshalYAML(unmarshal func(any) error) error {
	raw, convert, err := v.text(unmarshal, true)
	if err != nil || !convert {
		return err
	}
	n, err := strconv.Atoi(raw)
	v.value = int64(n)
	if err != nil {
		return fmt.Errorf("cannot convert value int: %w", err)
	}
	return nil
}

type int64Value struct{ typed }

func (v *int64Value) UnmarshalYAML(unmarshal func(any) error) error {
	raw, convert, err := v.text(unmarshal, true)
	if err != nil || !convert {
		return err
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	v.value = n
	return err
}

type jsonValue struct {
	set   bool
	value map[string]any
}

func (v *jsonValue) UnmarshalYAML(unmarshal func(any) error) error {
	m := make(map[string]any)
	if err := unmarshal(m); err != nil {
		return err
	}
	v.set, v.value = true, m
	return nil
}

type stringMapValue struct {
	set   bool
	value map[string]string
}

func (v *stringMapValue) UnmarshalYAML(unmarshal func(any) error) error {
	m := make(map[string]string)
	if err := unmarshal(m); err != nil {
		return err
	}
	v.set, v.value = true, m
	return nil
}

type jsonSliceValue struct {
	set   bool
	value []any
}

func (v *jsonSliceValue) UnmarshalYAML(unmarshal func(any) error) error {
	var items []any
	if err := unmarshal(&items); err != nil {
		return err
	}
	v.set, v.value = true, items
	return nil
}

// ---- canonical JSON ------------------------------------------------------------------------------------------

// object is a JSON object whose keys are written sorted, so that output is deterministic.
type object map[string]any

func write(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case object:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, k)
			b.WriteByte(':')
			write(b, x[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, item := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			write(b, item)
		}
		b.WriteByte(']')
	case string:
		writeString(b, x)
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int:
		b.WriteString(strconv.FormatInt(int64(x), 10))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case uint64:
		b.WriteString(strconv.FormatUint(x, 10))
	case float64:
		writeFloat(b, x)
	default:
		panic(fmt.Sprintf("no JSON form for %T", v))
	}
}

// writeFloat: a float always shows it is one (1.0, not 1); NaN and the infinities, which JSON lacks, as YAML writes them.
func writeFloat(b *strings.Builder, f float64) {
	switch {
	case math.IsNaN(f):
		writeString(b, ".nan")
	case math.IsInf(f, 1):
		writeString(b, ".inf")
	case math.IsInf(f, -1):
		writeString(b, "-.inf")
	default:
		s := strconv.FormatFloat(f, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		b.WriteString(s)
	}
}

func writeString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s { // an invalid UTF-8 byte reads as U+FFFD
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// ---- what Grafana stores -------------------------------------------------------------------------------------

// plain turns a value go-yaml decoded into interface{} into its canonical JSON form. A map with a key that is not a
// string (go-yaml's map[interface{}]interface{}) is keyed by the key's value as Go's fmt prints it.
func plain(v any) any {
	switch x := v.(type) {
	case map[string]any:
		o := object{}
		for k, item := range x {
			o[k] = plain(item)
		}
		return o
	case map[any]any:
		o := object{}
		for k, item := range x {
			o[keyText(k)] = plain(item)
		}
		return o
	case []any:
		out := make([]any, len(x))
		for i, item := range x {
			out[i] = plain(item)
		}
		return out
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case int:
		return int64(x)
	default:
		return x
	}
}

func keyText(k any) string {
	switch x := k.(type) {
	case nil:
		return "<nil>"
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case time.Time:
		return x.String()
	default:
		return fmt.Sprint(x)
	}
}

func masked(m map[string]string) object {
	o := object{}
	for k := range m {
		o[k] = "<masked>"
	}
	return o
}

func put(o object, key string, set bool, value any) {
	if set {
		o[key] = value
	}
}

func viewV1(ds *dataSourceV1) any {
	if ds == nil {
		return nil
	}
	o := object{}
	put(o, "orgId", ds.OrgID.set, ds.OrgID.value)
	put(o, "orgName", ds.OrgName.set, ds.OrgName.value)
	put(o, "version", ds.Version.set, ds.Version.value)
	put(o, "name", ds.Name.set, ds.Name.value)
	put(o, "type", ds.Type.set, ds.Type.value)
	put(o, "access", ds.Access.set, ds.Access.value)
	put(o, "url", ds.URL.set, ds.URL.value)
	put(o, "user", ds.User.set, ds.User.value)
	put(o, "database", ds.Database.set, ds.Database.value)
	put(o, "basicAuth", ds.BasicAuth.set, ds.BasicAuth.value)
	put(o, "basicAuthUser", ds.BasicAuthUser.set, ds.BasicAuthUser.value)
	put(o, "withCredentials", ds.WithCredentials.set, ds.WithCredentials.value)
	put(o, "isDefault", ds.IsDefault.set, ds.IsDefault.value)
	put(o, "editable", ds.Editable.set, ds.Editable.value)
	put(o, "uid", ds.UID.set, ds.UID.value)
	if ds.JSONData.set {
		o["jsonData"] = plain(ds.JSONData.value)
	}
	if ds.SecureJSONData.set {
		o["secureJsonData"] = masked(ds.SecureJSONData.value)
	}
	if ds.Correlations.set {
		o["correlations"] = plain(ds.Correlations.value)
	}
	return o
}

func viewV0(ds *dataSourceV0) any {
	if ds == nil {
		return nil
	}
	o := object{}
	putPtr := func(key string, p any) {
		switch x := p.(type) {
		case *int64:
			if x != nil {
				o[key] = *x
			}
		case *int:
			if x != nil {
				o[key] = int64(*x)
			}
		case *string:
			if x != nil {
				o[key] = *x
			}
		case *bool:
			if x != nil {
				o[key] = *x
			}
		}
	}
	putPtr("orgId", ds.OrgID)
	putPtr("orgName", ds.OrgName)
	putPtr("version", ds.Version)
	putPtr("name", ds.Name)
	putPtr("type", ds.Type)
	putPtr("access", ds.Access)
	putPtr("url", ds.URL)
	putPtr("user", ds.User)
	putPtr("database", ds.Database)
	putPtr("basicAuth", ds.BasicAuth)
	putPtr("basicAuthUser", ds.BasicAuthUser)
	putPtr("withCredentials", ds.WithCredentials)
	putPtr("isDefault", ds.IsDefault)
	putPtr("editable", ds.Editable)
	if ds.JSONData != nil {
		o["jsonData"] = plain(map[string]any(*ds.JSONData))
	}
	if ds.SecureJSONData != nil {
		o["secureJsonData"] = masked(*ds.SecureJSONData)
	}
	if ds.Correlations != nil {
		items := make([]any, len(*ds.Correlations))
		for i, item := range *ds.Correlations {
			items[i] = plain(map[string]any(item))
		}
		o["correlations"] = items
	}
	return o
}

var lineOf = regexp.MustCompile(`line (\d+)`)

func refused(name string, err error) object {
	o := object{"file": name, "grafana": "refuses", "message": err.Error()}
	if m := lineOf.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		o["line"] = int64(n)
	}
	return o
}

// view decodes one file as Grafana does; a panic in Grafana's own code after decoding (a null list item) is a
// refusal too: Grafana does not start.
func view(name string, data []byte) (result object) {
	var version *apiVersionOnly
	if err := yaml.Unmarshal(data, &version); err != nil {
		return refused(name, err)
	}
	if version == nil {
		version = &apiVersionOnly{}
	}
	o := object{"file": name, "grafana": "reads", "apiVersion": version.APIVersion}
	if version.APIVersion > 0 {
		var v1 fileV1
		if err := yaml.Unmarshal(data, &v1); err != nil {
			return refused(name, err)
		}
		sources := []any{}
		for _, ds := range v1.Datasources {
			if ds == nil {
				return refused(name, fmt.Errorf("a null data source makes Grafana panic"))
			}
			sources = append(sources, viewV1(ds))
		}
		deletions := []any{}
		for _, d := range v1.DeleteDatasources {
			if d == nil {
				return refused(name, fmt.Errorf("a null deletion makes Grafana panic"))
			}
			e := object{}
			put(e, "orgId", d.OrgID.set, d.OrgID.value)
			put(e, "orgName", d.OrgName.set, d.OrgName.value)
			put(e, "name", d.Name.set, d.Name.value)
			deletions = append(deletions, e)
		}
		o["dataSources"], o["deleteDataSources"] = sources, deletions
		if v1.Prune {
			o["prune"] = true
		}
		return o
	}
	var v0 *fileV0
	if err := yaml.Unmarshal(data, &v0); err != nil {
		return refused(name, err)
	}
	sources, deletions := []any{}, []any{}
	if v0 != nil {
		for _, ds := range v0.Datasources {
			if ds == nil {
				return refused(name, fmt.Errorf("a null data source makes Grafana panic"))
			}
			sources = append(sources, viewV0(ds))
		}
		for _, d := range v0.DeleteDatasources {
			if d == nil {
				return refused(name, fmt.Errorf("a null deletion makes Grafana panic"))
			}
			e := object{}
			if d.OrgID != nil {
				e["orgId"] = *d.OrgID
			}
			if d.OrgName != nil {
				e["orgName"] = *d.OrgName
			}
			if d.Name != nil {
				e["name"] = *d.Name
			}
			deletions = append(deletions, e)
		}
	}
	o["dataSources"], o["deleteDataSources"] = sources, deletions
	return o
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, name := range os.Args[1:] {
		data, err := os.ReadFile(name)
		var o object
		if err != nil {
			o = object{"file": name, "grafana": "unreadable", "message": err.Error()}
		} else {
			o = safeView(name, data)
		}
		var b strings.Builder
		write(&b, o)
		b.WriteByte('\n')
		if !utf8.ValidString(b.String()) {
			panic("invalid UTF-8 in output")
		}
		out.WriteString(b.String())
	}
}

// safeView: go-yaml itself may panic on some inputs (Debian's 3.0.1 has one panic that Grafana's fork fixed); that
// is reported, not fatal to the run.
func safeView(name string, data []byte) (o object) {
	defer func() {
		if r := recover(); r != nil {
			o = object{"file": name, "grafana": "panics", "message": fmt.Sprint(r)}
		}
	}()
	return view(name, data)
}

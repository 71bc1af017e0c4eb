package common

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strings"
	"text/template"

	"k8s.io/apimachinery/pkg/runtime/schema"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// TemplateValues are the values an asset template is executed with.
type TemplateValues map[string]interface{}

// TemplateSource names an embedded asset and the kind of object it renders to.
type TemplateSource struct {
	ReferenceObject client.Object
	EmbedFsPath     string
}

// ObjectTemplate is a parsed asset.
type ObjectTemplate struct {
	ReferenceObject client.Object
	Template        *template.Template
}

// ReadTemplates parses the embedded assets; a missing key is an error when rendering.
func ReadTemplates(f embed.FS, sources []TemplateSource) ([]ObjectTemplate, error) {
	out := make([]ObjectTemplate, 0, len(sources))
	for _, s := range sources {
		t, err := template.New(s.EmbedFsPath).Option("missingkey=error").ParseFS(f, s.EmbedFsPath)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", s.EmbedFsPath, err)
		}
		out = append(out, ObjectTemplate{ReferenceObject: s.ReferenceObject, Template: t.Lookup(lastElement(s.EmbedFsPath))})
	}
	return out, nil
}

func lastElement(path string) string {
	return path[strings.LastIndex(path, "/")+1:]
}

// RenderTemplates executes every template and returns a fresh object per template, with the
// kind and name the manifest declares. (The real operator decodes the whole manifest.)
func RenderTemplates(templates []ObjectTemplate, values TemplateValues) ([]client.Object, error) {
	out := make([]client.Object, 0, len(templates))
	for _, t := range templates {
		var buf bytes.Buffer
		if err := t.Template.Execute(&buf, values); err != nil {
			return nil, err
		}
		obj := t.ReferenceObject.DeepCopyObject().(client.Object)
		kind, name := kindAndName(buf.String())
		obj.GetObjectKind().SetGroupVersionKind(schema.GroupVersionKind{Kind: kind})
		obj.SetName(name)
		out = append(out, obj)
	}
	return out, nil
}

// kindAndName reads the top-level kind and metadata.name of a manifest.
func kindAndName(manifest string) (kind, name string) {
	inMetadata := false
	s := bufio.NewScanner(strings.NewReader(manifest))
	for s.Scan() {
		line := s.Text()
		switch {
		case strings.HasPrefix(line, "kind:"):
			kind = strings.TrimSpace(strings.TrimPrefix(line, "kind:"))
		case strings.HasPrefix(line, "metadata:"):
			inMetadata = true
		case inMetadata && strings.HasPrefix(line, "  name:"):
			name = strings.TrimSpace(strings.TrimPrefix(line, "  name:"))
			inMetadata = false
		case !strings.HasPrefix(line, " "):
			inMetadata = false
		}
	}
	return kind, name
}

package openapi

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// validationOptions are kin-openapi's checks errgen runs: examples are
// validated against their schemas (kin-openapi's default, made explicit
// here because it is the point).
func validationOptions() []openapi3.ValidationOption {
	return []openapi3.ValidationOption{openapi3.EnableExamplesValidation()}
}

func validationContext() context.Context { return context.Background() }

// validateMerged validates a merged team document. Teams split their
// documents, so references to local files are followed, relative to the
// document (docName is its path); nothing is fetched over the network.
func validateMerged(data []byte, docName string) error {
	loader := openapi3.NewLoader()
	loader.ReadFromURIFunc = func(l *openapi3.Loader, u *url.URL) ([]byte, error) {
		if u.Scheme != "" && u.Scheme != "file" || u.Host != "" {
			return nil, fmt.Errorf("%s: errgen only follows references to local files", u)
		}
		return openapi3.ReadFromFile(l, u)
	}
	doc, err := loader.LoadFromDataWithPath(data, &url.URL{Path: filepath.ToSlash(docName)})
	if err != nil {
		return err
	}
	return doc.Validate(validationContext(), validationOptions()...)
}

// yamlStyle is the layout of written YAML: indentation and whether
// sequence items sit at their key's indentation ("compact").
type yamlStyle struct {
	indent  int
	compact bool
}

// encodeYAML writes a document node. Lines are never wrapped, so long
// descriptions stay on the lines they were written on.
func encodeYAML(w io.Writer, n *yaml.Node, st yamlStyle) error {
	out, err := yaml.Dump(n, yaml.WithIndent(st.indent), yaml.WithCompactSeqIndent(st.compact), yaml.WithLineWidth(-1))
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// trimNewlines drops the trailing newlines of a YAML block scalar.
func trimNewlines(s string) string { return strings.TrimRight(s, "\n") }

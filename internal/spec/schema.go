package spec

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the spec format. Editors
// with YAML language support complete and check specs with it; the loader
// remains the authority (it also checks what a schema cannot, such as
// placeholders against params).
//
//go:embed schema.json
var Schema []byte

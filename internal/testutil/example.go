package testutil

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/model"
)

// GoExample is the Go literal of a param's example value, typed as the
// param is declared ("int64(30)", "[]string{\"a\"}"), for tests that
// write Go code calling a generated package.
func GoExample(p *model.Param) string {
	if p.Type.IsList() {
		var items []string
		for _, v := range p.Example.([]any) {
			items = append(items, scalarGoExample(p.Type.Elem(), v))
		}
		return string(p.Type) + "{" + strings.Join(items, ", ") + "}"
	}
	return scalarGoExample(p.Type, p.Example)
}

func scalarGoExample(t model.ParamType, v any) string {
	switch t {
	case model.TypeString:
		return strconv.Quote(v.(string))
	case model.TypeInt:
		return fmt.Sprintf("int(%d)", v.(int64))
	case model.TypeInt64:
		return fmt.Sprintf("int64(%d)", v.(int64))
	case model.TypeFloat64:
		return fmt.Sprintf("float64(%s)", strconv.FormatFloat(v.(float64), 'g', -1, 64))
	case model.TypeBool:
		return strconv.FormatBool(v.(bool))
	}
	panic("unknown param type " + string(t))
}

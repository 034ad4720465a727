package spec

import (
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Integers in a spec are written in plain decimal: an optional minus and
// digits, without leading zeros. YAML readers disagree on every other
// form: a YAML 1.1 reader takes 012 for octal 10 and 0o12 for a string,
// a YAML 1.2 reader 012 for 12 and 0o12 for 10. So errgen reads none of
// them (nor +5, 1_000 or 1e3) as a number, and says what to write.

// intForm is how an integer-valued scalar is written.
type intForm int

const (
	intDecimal intForm = iota // plain decimal, within int64
	intRange                  // plain decimal, beyond int64
	intOther                  // a number in another form: see decimalFix
	intNot                    // not an integer at all (a string, a fraction, a mapping)
)

// readInt reads an integer-valued scalar: a plain decimal integer (tagged
// !!int, or !!float when it is beyond what the YAML reader takes for an
// int), or says how it is written instead.
func readInt(n *yaml.Node) (int64, intForm) {
	if !numberNode(n) {
		return 0, intNot
	}
	if plainDecimal(n.Value) {
		v, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil {
			return 0, intRange
		}
		return v, intDecimal
	}
	if decimalFix(n) != "" {
		return 0, intOther
	}
	return 0, intNot
}

// numberNode reports whether n is a scalar YAML reads as a number (an
// int, or a float, which is also what it makes of an integer too large
// for an int), without an explicit tag other than !!int.
func numberNode(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") && (!explicitTag(n) || n.Tag == "!!int")
}

// plainDecimal reports whether s is an optional minus and decimal digits,
// without leading zeros.
func plainDecimal(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || strings.Trim(d, "0123456789") != "" {
		return false
	}
	return d == "0" || d[0] != '0'
}

// decimalFix says, for a number written in a form other than plain
// decimal that stands for an integer, what is wrong and what to write:
// " without leading zeros, such as 400", to follow "must be a decimal
// integer". It returns "" for anything else, a plain decimal included.
func decimalFix(n *yaml.Node) string {
	if !numberNode(n) || plainDecimal(n.Value) {
		return ""
	}
	s := n.Value
	sign, body := "", s
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, body = s[:1], s[1:]
	}
	digits := strings.ReplaceAll(body, "_", "")
	why := ""
	var v string // the decimal digits it stands for, without the sign
	lower := strings.ToLower(digits)
	switch {
	case strings.HasPrefix(lower, "0x"), strings.HasPrefix(lower, "0o"), strings.HasPrefix(lower, "0b"):
		base := map[byte]int{'x': 16, 'o': 8, 'b': 2}[lower[1]]
		u, err := strconv.ParseUint(digits[2:], base, 64)
		if err != nil {
			return ""
		}
		why = " (not " + map[int]string{16: "hexadecimal", 8: "octal", 2: "binary"}[base] + ")"
		v = strconv.FormatUint(u, 10)
	case digits != "" && strings.Trim(digits, "0123456789") == "":
		v = strings.TrimLeft(digits, "0")
		if v == "" {
			v = "0"
		}
		if len(v) < len(digits) {
			why = " without leading zeros"
		}
	default:
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || f != math.Trunc(f) || math.Abs(f) >= 1e18 {
			return ""
		}
		why = " without a decimal point or an exponent"
		v = strconv.FormatFloat(math.Abs(f), 'f', -1, 64)
	}
	switch {
	case sign == "+":
		why = " without a + sign"
	case strings.Contains(body, "_"):
		why = " without _ separators"
	}
	if sign == "-" && v != "0" {
		v = "-" + v
	}
	return why + ", such as " + v
}

// intHint explains, after "is not an int", a number written in a form
// errgen does not read: " (write a decimal integer without leading
// zeros, such as 400)", or "".
func intHint(n *yaml.Node) string {
	if fix := decimalFix(n); fix != "" {
		return " (write a decimal integer" + fix + ")"
	}
	return ""
}

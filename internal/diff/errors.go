package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/errgen/errgen/internal/model"
)

// errors matches the errors of both versions and compares each pair:
// first by code; then each base error whose code went away with the new
// error that keeps that code as an alias, else with a new error of the
// same status and messages (a rename). What is left was removed or added.
func (c *comparer) errors() {
	claimed := make(map[*model.Error]bool, len(c.head.Errors))
	var gone []*model.Error
	for _, b := range c.base.Errors {
		if h := c.headCode[b.Code]; h != nil {
			claimed[h] = true
			c.compare(b, h)
			continue
		}
		gone = append(gone, b)
	}
	// A rename is inferred only where it is certain: one error went and
	// one came with the same key. Among errors that share their status
	// and messages, any other pairing would be a guess.
	byKey := map[string]*model.Error{}
	came, went := map[string]int{}, map[string]int{}
	for _, h := range c.head.Errors {
		if !claimed[h] {
			k := renameKey(h)
			byKey[k] = h
			came[k]++
		}
	}
	for _, b := range gone {
		if c.headAlias[b.Code] == nil {
			went[renameKey(b)]++
		}
	}
	for _, b := range gone {
		c.gone(b, claimed, func(k string) *model.Error {
			if came[k] != 1 || went[k] != 1 {
				return nil
			}
			return byKey[k]
		})
	}
	for _, h := range c.head.Errors {
		if !claimed[h] {
			c.added(h)
		}
	}
}

// renameKey is what a renamed error keeps: its status and its messages.
func renameKey(e *model.Error) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d\x00%s", e.Status, e.Message.Template)
	for _, v := range e.Variants {
		b.WriteString("\x00" + v.Message.Template)
	}
	return b.String()
}

// gone reports a base error whose code no error of the new spec has.
// renamed returns the new error a key was certainly renamed to, or nil.
func (c *comparer) gone(b *model.Error, claimed map[*model.Error]bool, renamed func(key string) *model.Error) {
	if a := c.headAlias[b.Code]; a != nil {
		// Kept as an alias: generated clients still match the old code.
		isNew := !claimed[a] && c.baseCode[a.Code] == nil
		how := "merged into"
		if isNew {
			claimed[a] = true
			how = "renamed to"
		}
		c.add(ruleCodeRenamed, Warning, a.Code, a.Pos,
			fmt.Sprintf("%s was %s %s and is kept as its alias: generated clients still match %s, but responses now carry %s", b.Code, how, a.Code, b.Code, a.Code),
			fmt.Sprintf("tell clients that compare codes themselves to accept %s", a.Code),
			fmt.Sprintf("%s was %s %s (%s is still accepted as an alias).", mdCode(b.Code), how, mdCode(a.Code), mdCode(b.Code)))
		if isNew {
			c.compare(b, a)
		}
		return
	}
	if h := renamed(renameKey(b)); h != nil && !claimed[h] {
		claimed[h] = true
		c.add(ruleCodeRenamed, Breaking, h.Code, h.Pos,
			fmt.Sprintf("%s was renamed to %s (same status and messages): clients that branch on %s no longer match", b.Code, h.Code, b.Code),
			fmt.Sprintf("keep %s as an alias of %s (aliases: [%s])", b.Code, h.Code, b.Code),
			fmt.Sprintf("%s was renamed to %s.", mdCode(b.Code), mdCode(h.Code)))
		c.sunset(b, h.Pos, false)
		c.compare(b, h)
		return
	}
	if r := c.headRes[b.Code]; r != nil {
		if b.DeprecatedSet {
			c.add(ruleCodeReserved, Info, b.Code, r.Pos,
				"the deprecated error was removed and its code reserved", "",
				fmt.Sprintf("%s was removed (its code is reserved).", mdCode(b.Code)))
		} else {
			c.add(ruleCodeReserved, Warning, b.Code, r.Pos,
				"the error was removed and its code reserved without a deprecation first: clients had no notice",
				"deprecate an error (deprecated, sunset, replaced_by) in a release before the one that removes it",
				fmt.Sprintf("%s was removed (its code is reserved).", mdCode(b.Code)))
		}
		c.sunset(b, r.Pos, false)
		return
	}
	c.removed(ruleCodeRemoved, Breaking, b.Code, b.Pos,
		"the error was removed: clients that branch on its code no longer get it, and the code could be reused with another meaning",
		fmt.Sprintf("reserve it (reserved: [{code: %s}]), or keep it as an alias of the error that replaces it", b.Code),
		fmt.Sprintf("%s was removed.", mdCode(b.Code)))
	c.sunset(b, b.Pos, true)
}

// sunset reports the removal of a deprecated error before its sunset.
func (c *comparer) sunset(b *model.Error, pos model.Pos, atBase bool) {
	if !b.DeprecatedSet || b.Sunset == "" || c.date == "" || c.date > b.Sunset {
		return
	}
	add := c.add
	if atBase {
		add = c.removed
	}
	add(ruleRemovedBeforeSunset, Breaking, b.Code, pos,
		fmt.Sprintf("the deprecated error was removed on %s, before its sunset (%s): clients were promised it until then", c.date, b.Sunset),
		fmt.Sprintf("keep it until after %s", b.Sunset),
		fmt.Sprintf("%s was removed before its sunset date, %s.", mdCode(b.Code), b.Sunset))
}

func (c *comparer) added(h *model.Error) {
	note := fmt.Sprintf("%s (%d): “%s”", mdCode(h.Code), h.Status, mdText(h.Message.Display))
	if h.Since != "" {
		note += fmt.Sprintf(" (since %s)", mdText(h.Since))
	}
	c.add(ruleErrorAdded, Info, h.Code, h.Pos, fmt.Sprintf("error added (%d, %q)", h.Status, h.Message.Template), "", note)
}

// compare reports the changes between two versions of one error.
func (c *comparer) compare(b, h *model.Error) {
	code := h.Code
	if b.Status != h.Status {
		c.add(ruleStatusChanged, Breaking, code, h.PosOf("status"),
			fmt.Sprintf("status %d became %d: clients branch on the status", b.Status, h.Status),
			fmt.Sprintf("keep status %d; if %d fixes a mistake, accept it with -ignore status-changed:%s", b.Status, h.Status, code),
			fmt.Sprintf("%s: the status is %d, not %d.", mdCode(code), h.Status, b.Status))
	}
	sameFormat := formatName(b.Format) == formatName(h.Format)
	if !sameFormat && formatSig(b.Format) != formatSig(h.Format) {
		c.add(ruleErrorFormatChanged, Breaking, code, h.PosOf("group"),
			fmt.Sprintf("the error is written in %s (%s), no longer in %s (%s)", formatLabel(h.Format), h.Format.Format, formatLabel(b.Format), b.Format.Format),
			"keep it in a group of the same format",
			fmt.Sprintf("%s: responses are written in %s.", mdCode(code), formatLabel(h.Format)))
	}
	c.messages(b, h)
	c.params(b, h)
	if c.goRules() {
		c.goAPIOf(b, h)
	}
	c.aliases(b, h)
	c.retries(b, h)
	c.lifecycle(b, h)
	var bf, hf []*model.Header
	if sameFormat {
		bf, hf = b.Format.Headers, h.Format.Headers
	}
	c.headers("", code, b.Headers, h.Headers, bf, hf, h.Pos, b.Pos)
	c.attributes(b, h)
	c.docLink(b, h)
}

// formatSig says what a format puts on the wire, to tell whether an error
// that moved between formats is written differently.
func formatSig(f *model.Response) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s|", f.Format, f.MediaBase(), f.DetailsMember)
	if f.Marker != nil {
		fmt.Fprintf(&b, "%s=%s|", f.Marker.Member, literal(f.Marker.Value))
	}
	for _, l := range leaves(f.Body) {
		b.WriteString(l.path + "=" + l.id + "|")
	}
	for _, h := range f.Headers {
		b.WriteString(strings.ToLower(h.Name) + ":" + templateSource(h.Value) + "|")
	}
	return b.String()
}

// messageSeverity is how much a change of one of an error's messages
// matters to clients written against the base, and why.
func messageSeverity(b *model.Error, m *model.Message) (Severity, string, string) {
	if !carriesCode(b) {
		return Breaking, ": clients identify the error by its message, since its format carries no code",
			"keep the message, or send the code (add $code to the body) so that clients need not match messages"
	}
	if !m.IsConstant() && !paramsCarried(b, m) {
		return Warning, ": clients recover its params from the message, since the body does not carry them",
			"keep the text around the placeholders, or send the params in the body ($params)"
	}
	return Info, "", ""
}

func (c *comparer) messages(b, h *model.Error) {
	code := h.Code
	if b.Message.Template != h.Message.Template {
		sev, why, fix := messageSeverity(b, &b.Message)
		c.add(ruleMessageChanged, sev, code, h.PosOf("message"),
			fmt.Sprintf("message %q became %q%s", b.Message.Template, h.Message.Template, why), fix,
			fmt.Sprintf("%s: the message is now “%s”.", mdCode(code), mdText(h.Message.Display)))
	}
	// A title that is the status text changes with the status, which
	// status-changed reports.
	statusTitles := b.WireTitle == b.StatusText && h.WireTitle == h.StatusText
	carried := bodyHas(b.Format.Body, isKind(model.ValueTitle)) && bodyHas(h.Format.Body, isKind(model.ValueTitle))
	if b.WireTitle != h.WireTitle && !statusTitles && carried {
		c.add(ruleTitleChanged, Info, code, h.PosOf("title"),
			fmt.Sprintf("title %q became %q", b.WireTitle, h.WireTitle), "",
			fmt.Sprintf("%s: the title is now “%s”.", mdCode(code), mdText(h.WireTitle)))
	}
	bv := variantsByName(b)
	hv := variantsByName(h)
	// Variants of the new spec that the base does not have, by message:
	// where a removed variant may have been renamed to.
	fresh := map[string][]*model.Variant{}
	for _, v := range h.Variants {
		if bv[v.Name] == nil {
			fresh[v.Message.Template] = append(fresh[v.Message.Template], v)
		}
	}
	renamed := map[*model.Variant]bool{}
	for _, v := range b.Variants {
		n := hv[v.Name]
		if n != nil {
			if n.Message.Template != v.Message.Template {
				sev, why, fix := messageSeverity(b, &v.Message)
				c.add(ruleVariantMessageChanged, sev, code, n.Pos,
					fmt.Sprintf("variant %s: message %q became %q%s", v.Name, v.Message.Template, n.Message.Template, why), fix,
					fmt.Sprintf("%s: the %s variant's message is now “%s”.", mdCode(code), mdCode(v.Name), mdText(n.Message.Display)))
			}
			continue
		}
		if to := fresh[v.Message.Template]; len(to) > 0 {
			fresh[v.Message.Template] = to[1:]
			renamed[to[0]] = true
			if c.goRules() {
				c.add(ruleVariantRenamed, Breaking, code, to[0].Pos,
					fmt.Sprintf("variant %s was renamed to %s: New%s%s is now New%s%s", v.Name, to[0].Name, b.GoName, v.GoName, h.GoName, to[0].GoName),
					"keep the variant's name "+v.Name,
					fmt.Sprintf("Go: `New%s%s` is now `New%s%s`.", b.GoName, v.GoName, h.GoName, to[0].GoName))
			}
			continue
		}
		if c.goRules() {
			c.removed(ruleVariantRemoved, Breaking, code, v.Pos,
				fmt.Sprintf("variant %s was removed: New%s%s goes away", v.Name, b.GoName, v.GoName),
				"keep the variant", fmt.Sprintf("Go: `New%s%s` was removed.", b.GoName, v.GoName))
		}
		sev, why := Info, ""
		if !carriesCode(b) {
			sev, why = Breaking, ": clients identify the error by its messages, since its format carries no code"
		}
		c.removed(ruleMessageRemoved, sev, code, v.Pos,
			fmt.Sprintf("variant %s was removed, so the message %q is no longer sent%s", v.Name, v.Message.Template, why),
			fixIf(sev == Breaking, "keep the variant"),
			fmt.Sprintf("%s: the message “%s” (variant %s) is no longer sent.", mdCode(code), mdText(v.Message.Display), mdCode(v.Name)))
	}
	for _, v := range h.Variants {
		if bv[v.Name] == nil && !renamed[v] {
			c.add(ruleVariantAdded, Info, code, v.Pos,
				fmt.Sprintf("variant %s was added (%q)", v.Name, v.Message.Template), "",
				fmt.Sprintf("%s: a new message, “%s” (variant %s).", mdCode(code), mdText(v.Message.Display), mdCode(v.Name)))
		}
	}
}

func fixIf(ok bool, fix string) string {
	if ok {
		return fix
	}
	return ""
}

func variantsByName(e *model.Error) map[string]*model.Variant {
	m := make(map[string]*model.Variant, len(e.Variants))
	for _, v := range e.Variants {
		m[v.Name] = v
	}
	return m
}

func (c *comparer) params(b, h *model.Error) {
	code := h.Code
	renamedTo := map[*model.Param]bool{}
	for i, p := range b.Params {
		q := h.Param(p.Name)
		if q == nil {
			if i < len(h.Params) && b.Param(h.Params[i].Name) == nil && h.Params[i].Type == p.Type {
				q = h.Params[i]
				renamedTo[q] = true
				c.add(ruleParamRenamed, Breaking, code, q.Pos,
					fmt.Sprintf("param %s was renamed to %s: clients read params by name", p.Name, q.Name),
					"keep the name "+p.Name,
					fmt.Sprintf("%s: the param `%s` is now `%s`.", mdCode(code), p.Name, q.Name))
				continue
			}
			c.removed(ruleParamRemoved, Breaking, code, p.Pos,
				fmt.Sprintf("param %s (%s) was removed: clients read it", p.Name, p.Type),
				"keep the param", fmt.Sprintf("%s: the param `%s` was removed.", mdCode(code), p.Name))
			continue
		}
		if q.Type != p.Type {
			what := "type"
			if p.Type.IsList() != q.Type.IsList() {
				what = "type (list or not)"
			}
			c.add(ruleParamRetyped, Breaking, code, q.Pos,
				fmt.Sprintf("param %s changed %s from %s to %s: clients decode it as %s", p.Name, what, p.Type, q.Type, p.Type),
				fmt.Sprintf("keep type %s, and add a param of the new type", p.Type),
				fmt.Sprintf("%s: the param `%s` is a `%s`, not a `%s`.", mdCode(code), p.Name, q.Type, p.Type))
		}
		if !p.Optional && q.Optional {
			c.add(ruleParamOptional, Warning, code, q.Pos,
				fmt.Sprintf("param %s became optional: responses leave it out while unset", p.Name),
				"keep it required", fmt.Sprintf("%s: the param `%s` is optional.", mdCode(code), p.Name))
		}
	}
	for _, q := range h.Params {
		if b.Param(q.Name) == nil && !renamedTo[q] {
			kind := "required"
			if q.Optional {
				kind = "optional"
			}
			c.add(ruleParamAdded, Info, code, q.Pos,
				fmt.Sprintf("%s param %s (%s) was added", kind, q.Name, q.Type), "",
				fmt.Sprintf("%s: a new param, `%s`.", mdCode(code), q.Name))
		}
	}
}

// goAPIOf compares what the generated Go package declares for an error:
// its names and its constructors' signatures.
func (c *comparer) goAPIOf(b, h *model.Error) {
	code := h.Code
	if b.GoName != h.GoName {
		c.add(ruleGoNameChanged, Breaking, code, h.PosOf("go_name"),
			fmt.Sprintf("Go name %s became %s: Code%s, Err%s and New%s are renamed", b.GoName, h.GoName, b.GoName, b.GoName, b.GoName),
			"set go_name: "+b.GoName,
			fmt.Sprintf("Go: `Err%s`, `Code%s` and `New%s` are now `Err%s`, `Code%s` and `New%s`.", b.GoName, b.GoName, b.GoName, h.GoName, h.GoName, h.GoName))
	}
	c.constructor(b, h, &b.Message, &h.Message, "", h.PosOf("params"))
	hv := variantsByName(h)
	for _, v := range b.Variants {
		if n := hv[v.Name]; n != nil {
			c.constructor(b, h, &v.Message, &n.Message, n.GoName, n.Pos)
		}
	}
}

// constructor compares the arguments of a constructor (the error's, or a
// variant's when variant is its Go name).
func (c *comparer) constructor(b, h *model.Error, bm, hm *model.Message, variant string, pos model.Pos) {
	ba, ha := args(b, bm), args(h, hm)
	bt, ht := argTypes(ba), argTypes(ha)
	name := "New" + h.GoName + variant
	why := ""
	switch {
	case !slices.Equal(bt, ht):
		why = "calls written against the base no longer compile"
	case reordered(ba, ha):
		why = "calls still compile, but pass their values to the wrong params"
	default:
		return
	}
	c.add(ruleConstructorChange, Breaking, h.Code, pos,
		fmt.Sprintf("%s becomes %s: %s", signature("New"+b.GoName+variant, ba), signature(name, ha), why),
		"keep the arguments as they were: declare a new param optional: true (set with With<Name>), and keep the others' order and types",
		fmt.Sprintf("Go: `%s` is now `%s`.", signature("New"+b.GoName+variant, ba), signature(name, ha)))
}

func args(e *model.Error, m *model.Message) []*model.Param {
	var out []*model.Param
	for _, i := range e.Args(m) {
		out = append(out, e.Params[i])
	}
	return out
}

func argTypes(ps []*model.Param) []model.ParamType {
	out := make([]model.ParamType, len(ps))
	for i, p := range ps {
		out[i] = p.Type
	}
	return out
}

// reordered reports whether the same params are passed in another order.
func reordered(b, h []*model.Param) bool {
	names := func(ps []*model.Param) []string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = p.Name
		}
		return out
	}
	bn, hn := names(b), names(h)
	if slices.Equal(bn, hn) {
		return false
	}
	bs, hs := slices.Clone(bn), slices.Clone(hn)
	slices.Sort(bs)
	slices.Sort(hs)
	return slices.Equal(bs, hs)
}

func signature(name string, ps []*model.Param) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.ArgName + " " + goType(p.Type)
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

func (c *comparer) aliases(b, h *model.Error) {
	code := h.Code
	for _, a := range b.Aliases {
		if slices.Contains(h.Aliases, a) || a == h.Code {
			continue
		}
		why := "responses that carry it decode as an unknown error"
		if o := c.reuse(a); o != nil {
			why = "it now means " + o.Code
		}
		c.removed(ruleAliasRemoved, Breaking, code, b.PosOf("aliases"),
			fmt.Sprintf("alias %s is no longer accepted for this error: %s", a, why),
			"keep it in aliases", fmt.Sprintf("%s: the alias %s is no longer accepted.", mdCode(code), mdCode(a)))
	}
	for _, a := range h.Aliases {
		if !slices.Contains(b.Aliases, a) && a != b.Code {
			c.add(ruleAliasAdded, Info, code, h.PosOf("aliases"),
				fmt.Sprintf("alias %s was added", a), "", fmt.Sprintf("%s: %s is accepted as an alias.", mdCode(code), mdCode(a)))
		}
	}
}

func (c *comparer) retries(b, h *model.Error) {
	code := h.Code
	switch {
	case b.RetryAfter > 0 && h.RetryAfter == 0:
		c.removed(ruleRetryAfterRemoved, Warning, code, b.PosOf("retry_after"),
			fmt.Sprintf("retry_after %d was removed: responses no longer say when to retry", b.RetryAfter),
			fmt.Sprintf("keep retry_after: %d", b.RetryAfter), fmt.Sprintf("%s: responses no longer carry Retry-After.", mdCode(code)))
	case b.RetryAfter == 0 && h.RetryAfter > 0:
		c.add(ruleRetryAfterAdded, Info, code, h.PosOf("retry_after"),
			fmt.Sprintf("retry_after %d was added", h.RetryAfter), "", fmt.Sprintf("%s: responses carry Retry-After: %d.", mdCode(code), h.RetryAfter))
	case b.RetryAfter != h.RetryAfter:
		c.add(ruleRetryAfterChanged, Info, code, h.PosOf("retry_after"),
			fmt.Sprintf("retry_after %d became %d", b.RetryAfter, h.RetryAfter), "", fmt.Sprintf("%s: Retry-After is %d, not %d.", mdCode(code), h.RetryAfter, b.RetryAfter))
	}
	switch {
	case b.Details && !h.Details:
		pos, atBase := h.PosOf("details"), false
		if _, ok := h.KeyPos["details"]; !ok {
			pos, atBase = b.PosOf("details"), true
		}
		add := c.add
		if atBase {
			add = c.removed
		}
		add(ruleDetailsDropped, Breaking, code, pos,
			"details: true was dropped: responses no longer carry field details", "keep details: true",
			fmt.Sprintf("%s: responses no longer carry details.", mdCode(code)))
	case !b.Details && h.Details:
		c.add(ruleDetailsAdded, Info, code, h.PosOf("details"), "details: true was added", "",
			fmt.Sprintf("%s: responses may carry details.", mdCode(code)))
	}
}

func (c *comparer) lifecycle(b, h *model.Error) {
	code := h.Code
	switch {
	case !b.DeprecatedSet && h.DeprecatedSet:
		msg, note := "the error was deprecated", mdCode(code)+" is deprecated"
		if h.ReplacedBy != nil {
			msg += " in favour of " + h.ReplacedBy.Code
			note += ": use " + mdCode(h.ReplacedBy.Code)
		}
		if h.Sunset != "" {
			msg += "; it may be removed after " + h.Sunset
			note += "; it may be removed after " + h.Sunset
		}
		c.add(ruleErrorDeprecated, Info, code, h.PosOf("deprecated"), msg, "", note+".")
	case b.DeprecatedSet && !h.DeprecatedSet:
		c.add(ruleErrorUndeprecated, Info, code, h.Pos, "the error is no longer deprecated", "",
			fmt.Sprintf("%s is no longer deprecated.", mdCode(code)))
	case b.DeprecatedSet && b.Sunset != h.Sunset:
		pos := h.PosOf("sunset")
		switch {
		case h.Sunset == "":
			c.add(ruleSunsetChanged, Info, code, pos, fmt.Sprintf("the sunset date %s was removed", b.Sunset), "",
				fmt.Sprintf("%s no longer has a sunset date.", mdCode(code)))
		case b.Sunset == "":
			c.add(ruleSunsetChanged, Info, code, pos, "a sunset date was set: "+h.Sunset, "",
				fmt.Sprintf("%s may be removed after %s.", mdCode(code), h.Sunset))
		case h.Sunset < b.Sunset:
			c.add(ruleSunsetChanged, Warning, code, pos,
				fmt.Sprintf("the sunset date moved earlier, from %s to %s: clients were promised the error until %s", b.Sunset, h.Sunset, b.Sunset),
				"keep the sunset date "+b.Sunset, fmt.Sprintf("%s may be removed after %s, not %s.", mdCode(code), h.Sunset, b.Sunset))
		default:
			c.add(ruleSunsetChanged, Info, code, pos, fmt.Sprintf("the sunset date moved from %s to %s", b.Sunset, h.Sunset), "",
				fmt.Sprintf("%s may be removed after %s, not %s.", mdCode(code), h.Sunset, b.Sunset))
		}
	}
}

func (c *comparer) attributes(b, h *model.Error) {
	code := h.Code
	for _, kv := range b.Attributes {
		if !attrOnWire(b, kv.Key) {
			continue
		}
		hv, ok := h.Attr(kv.Key)
		switch {
		case !ok || !attrOnWire(h, kv.Key):
			c.removed(ruleAttributeRemoved, Breaking, code, b.PosOf("attributes"),
				fmt.Sprintf("attribute %s (%s) is no longer sent", kv.Key, literal(kv.Value)),
				"keep the attribute "+kv.Key, fmt.Sprintf("%s: the attribute `%s` is no longer sent.", mdCode(code), kv.Key))
		case literal(hv) != literal(kv.Value):
			c.add(ruleAttributeChanged, Breaking, code, h.PosOf("attributes"),
				fmt.Sprintf("attribute %s is %s, no longer %s", kv.Key, literal(hv), literal(kv.Value)),
				fmt.Sprintf("keep %s: %s", kv.Key, literal(kv.Value)),
				fmt.Sprintf("%s: the attribute `%s` is %s, not %s.", mdCode(code), kv.Key, mdCode(literal(hv)), mdCode(literal(kv.Value))))
		}
	}
	for _, kv := range h.Attributes {
		if _, ok := b.Attr(kv.Key); (!ok || !attrOnWire(b, kv.Key)) && attrOnWire(h, kv.Key) {
			c.add(ruleAttributeAdded, Info, code, h.PosOf("attributes"),
				fmt.Sprintf("attribute %s (%s) was added", kv.Key, literal(kv.Value)), "",
				fmt.Sprintf("%s: the attribute `%s` is sent.", mdCode(code), kv.Key))
		}
	}
}

// docLink reports an error's doc link that changed while the catalog's
// link settings did not (docLinks reports those once).
func (c *comparer) docLink(b, h *model.Error) {
	if c.linksMoved || b.DocURL == "" || b.DocURL == h.DocURL {
		return
	}
	code := h.Code
	pos := h.PosOf("doc_url")
	now, note := h.DocURL, "<"+h.DocURL+">"
	if now == "" {
		now, note = "none", "none"
	}
	c.add(ruleDocLinkChanged, Warning, code, pos,
		fmt.Sprintf("doc link %s became %s: published links to it break", b.DocURL, now),
		"redirect "+b.DocURL+" to the new page",
		fmt.Sprintf("%s: the doc link is now %s.", mdCode(code), note))
	if carriesDocLink(b.Format) {
		sev := Warning
		if !carriesCode(b) {
			sev = Breaking
		}
		c.add(ruleTypeURIChanged, sev, code, pos,
			fmt.Sprintf("bodies carry the doc link in %s, which changed%s", docLinkMember(b.Format), codeNote(sev, "it")),
			"keep the doc link, or accept the change with -ignore type-uri-changed:"+code,
			fmt.Sprintf("%s: bodies carry the new doc link.", mdCode(code)))
	}
}

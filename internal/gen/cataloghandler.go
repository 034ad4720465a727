package gen

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/model"
)

// CatalogCacheControl is the Cache-Control value CatalogHandler sends:
// caches may keep the catalog for five minutes, then revalidate it with
// its ETag (a 304 costs no body).
const CatalogCacheControl = "public, max-age=300"

// CatalogJSON renders the catalog document the Go package serves, when
// the spec has outputs.catalog; nil otherwise. It is also the document
// errgen writes to outputs.catalog.
func CatalogJSON(s *model.Spec) ([]byte, error) {
	if s.Outputs.Catalog == "" {
		return nil, nil
	}
	return catalog.Render(s)
}

// CatalogETag is the strong entity tag of a catalog document: the first
// 16 bytes of its SHA-256, in hex, quoted.
func CatalogETag(data []byte) string {
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// goString writes s as a Go string literal: a raw string when it can be
// one (no backquote, carriage return or byte order mark, valid as
// source), else an interpreted one.
func goString(s string) jen.Code {
	if !strings.ContainsAny(s, "`\r\x00\uFEFF") && strings.ToValidUTF8(s, "") == s {
		return jen.Op("`" + s + "`")
	}
	return jen.Lit(s)
}

// genCatalogHandler renders CatalogHandler, which serves data, the
// catalog document (outputs.catalog), with conditional GETs.
func genCatalogHandler(f *jen.File, s *model.Spec, data []byte) {
	if data == nil {
		return
	}
	where := strconv.Quote(s.Outputs.Catalog)
	f.Add(wrapped("errgenCatalogJSON is the error catalog, byte for byte the document errgen writes to outputs.catalog (" + where + ")."))
	f.Const().Id("errgenCatalogJSON").Op("=").Add(goString(string(data)))
	f.Line()
	f.Add(wrapped("errgenCatalogETag is the catalog's strong entity tag: the first 16 bytes of its SHA-256, quoted."))
	f.Const().Id("errgenCatalogETag").Op("=").Lit(CatalogETag(data))
	f.Line()
	f.Add(wrapped(
		"CatalogHandler returns an http.Handler that serves the error catalog (the document errgen writes to outputs.catalog, "+where+"): every error with its code, status, messages, params, lifecycle and doc link, as JSON, for SDKs, support tools and dashboards.",
		"It answers GET and HEAD with Content-Type application/json, a strong ETag, Cache-Control \""+CatalogCacheControl+"\" and Content-Length; a request whose If-None-Match lists the ETag (or is *) gets 304 Not Modified without a body. Other methods get 405 with Allow: GET, HEAD.",
	))
	f.Func().Id("CatalogHandler").Params().Qual("net/http", "Handler").Block(
		jen.Return(jen.Id("errgenCatalogHandler").Values()),
	)
	f.Line()
	f.Add(wrapped("errgenCatalogHandler is the handler CatalogHandler returns."))
	f.Type().Id("errgenCatalogHandler").Struct()
	f.Line()
	f.Add(wrapped("ServeHTTP serves the catalog; see CatalogHandler."))
	f.Func().Params(jen.Id("errgenCatalogHandler")).Id("ServeHTTP").Params(
		jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request"),
	).Block(
		jen.Id("h").Op(":=").Id("w").Dot("Header").Call(),
		jen.Comment("One array backs the header values set here: each response gets"),
		jen.Comment("slices of its own, which middleware may change in place."),
		jen.Id("v").Op(":=").Index(jen.Lit(5)).String().Values(
			jen.Lit("GET, HEAD"), jen.Id("errgenCatalogETag"), jen.Lit(CatalogCacheControl), jen.Lit("application/json"), jen.Lit(strconv.Itoa(len(data))),
		),
		jen.If(jen.Id("r").Dot("Method").Op("!=").Qual("net/http", "MethodGet").Op("&&").Id("r").Dot("Method").Op("!=").Qual("net/http", "MethodHead")).Block(
			jen.Id("h").Index(jen.Lit("Allow")).Op("=").Id("v").Index(jen.Lit(0).Op(":").Lit(1).Op(":").Lit(1)),
			jen.Id("w").Dot("WriteHeader").Call(jen.Qual("net/http", "StatusMethodNotAllowed")),
			jen.Return(),
		),
		jen.Id("h").Index(jen.Lit("Etag")).Op("=").Id("v").Index(jen.Lit(1).Op(":").Lit(2).Op(":").Lit(2)),
		jen.Id("h").Index(jen.Lit("Cache-Control")).Op("=").Id("v").Index(jen.Lit(2).Op(":").Lit(3).Op(":").Lit(3)),
		jen.If(jen.Id("errgenETagMatch").Call(jen.Id("r").Dot("Header").Index(jen.Lit("If-None-Match")))).Block(
			jen.Id("w").Dot("WriteHeader").Call(jen.Qual("net/http", "StatusNotModified")),
			jen.Return(),
		),
		jen.Id("h").Index(jen.Lit("Content-Type")).Op("=").Id("v").Index(jen.Lit(3).Op(":").Lit(4).Op(":").Lit(4)),
		jen.Id("h").Index(jen.Lit("Content-Length")).Op("=").Id("v").Index(jen.Lit(4).Op(":").Lit(5).Op(":").Lit(5)),
		jen.Id("w").Dot("WriteHeader").Call(jen.Qual("net/http", "StatusOK")),
		jen.If(jen.Id("r").Dot("Method").Op("!=").Qual("net/http", "MethodHead")).Block(
			jen.Qual("io", "WriteString").Call(jen.Id("w"), jen.Id("errgenCatalogJSON")),
		),
	)
	f.Line()
	f.Add(wrapped(
		"errgenETagMatch reports whether If-None-Match field values (RFC 9110 section 13.1.2: \"*\", or a comma-separated list of entity tags) match the catalog's ETag by weak comparison. A value that is not a list of entity tags matches nothing after the point where it stops being one. It reads each byte once.",
	))
	f.Func().Id("errgenETagMatch").Params(jen.Id("values").Index().String()).Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Id("values")).Block(
			jen.For(jen.Id("s").Op("!=").Lit("")).Block(
				jen.If(jen.Id("c").Op(":=").Id("s").Index(jen.Lit(0)), jen.Id("c").Op("==").LitRune(' ').Op("||").Id("c").Op("==").LitRune('\t').Op("||").Id("c").Op("==").LitRune(',')).Block(
					jen.Id("s").Op("=").Id("s").Index(jen.Lit(1).Op(":")),
					jen.Continue(),
				),
				jen.If(jen.Id("s").Index(jen.Lit(0)).Op("==").LitRune('*')).Block(
					jen.Comment("\"*\" alone in its list element matches any current representation."),
					jen.If(jen.Len(jen.Id("s")).Op("==").Lit(1).Op("||").Id("s").Index(jen.Lit(1)).Op("==").LitRune(' ').Op("||").Id("s").Index(jen.Lit(1)).Op("==").LitRune('\t').Op("||").Id("s").Index(jen.Lit(1)).Op("==").LitRune(',')).Block(
						jen.Return(jen.True()),
					),
					jen.Break().Comment("not a list element"),
				),
				jen.If(jen.Len(jen.Id("s")).Op(">=").Lit(2).Op("&&").Id("s").Index(jen.Lit(0)).Op("==").LitRune('W').Op("&&").Id("s").Index(jen.Lit(1)).Op("==").LitRune('/')).Block(
					jen.Id("s").Op("=").Id("s").Index(jen.Lit(2).Op(":")),
				),
				jen.If(jen.Id("s").Op("==").Lit("").Op("||").Id("s").Index(jen.Lit(0)).Op("!=").LitRune('"')).Block(
					jen.Break().Comment("not an entity tag"),
				),
				jen.Id("end").Op(":=").Qual("strings", "IndexByte").Call(jen.Id("s").Index(jen.Lit(1).Op(":")), jen.LitRune('"')),
				jen.If(jen.Id("end").Op("<").Lit(0)).Block(
					jen.Break().Comment("an unterminated tag"),
				),
				jen.If(jen.Id("s").Index(jen.Op(":").Id("end").Op("+").Lit(2)).Op("==").Id("errgenCatalogETag")).Block(
					jen.Return(jen.True()),
				),
				jen.Id("s").Op("=").Id("s").Index(jen.Id("end").Op("+").Lit(2).Op(":")),
			),
		),
		jen.Return(jen.False()),
	)
}

// wrapped is doc with each paragraph wrapped at 76 columns.
func wrapped(paragraphs ...string) jen.Code {
	out := make([]string, len(paragraphs))
	for i, p := range paragraphs {
		out[i] = strings.Join(wrap(p, 76), "\n")
	}
	return doc(out...)
}

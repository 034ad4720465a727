# wrap.awk turns an errgen OpenAPI fragment into a document some client
# generators accept: the fragment with one GET operation per error response
# (/errors/<status>, operationId errors<status>) that returns it.
/^paths: \{\}$/ { paths = NR; next }
{ lines[NR] = $0 }
/^  responses:$/ { inresp = 1; next }
/^  [^ ]/ { inresp = 0 }
inresp && /^    Error\.[0-9][0-9][0-9]:$/ { statuses[++n] = substr($1, 7, 3) }
END {
	for (i = 1; i <= NR; i++) {
		if (i == paths) {
			print "paths:"
			for (j = 1; j <= n; j++) {
				print "  /errors/" statuses[j] ":"
				print "    get:"
				print "      operationId: errors" statuses[j]
				print "      responses:"
				print "        '" statuses[j] "':"
				print "          $ref: '#/components/responses/Error." statuses[j] "'"
			}
		} else if (i in lines) {
			print lines[i]
		}
	}
}

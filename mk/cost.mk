# What the generated package costs its users, each figure beside its
# baseline in the same run (BENCHMARKS.md, "Cost of the generated
# package"): bytes of Go per error, recompiling the package of 1,000
# errors and the binary it adds to against a hand-written net/http server,
# errgen generate of 10,000 errors against gofmt of its output, and
# constructing an error against a plain struct. bench-peers adds peer
# libraries (Kratos), from the separate module bench/peers so errgen's
# go.mod needs none of them.

.PHONY: bench-cost bench-peers

bench-cost:
	$(GO) test ./internal/gen -run 'TestBenchPackageUpToDate|TestGoBytesPerError' -count 1 -v
	$(GO) test -run '^$$' -bench 'BenchmarkGoBytes' -benchtime 1x -count 3 ./internal/gen
	$(GO) test -run '^$$' -bench 'BenchmarkRebuild' -benchtime 1x -count 5 -timeout 30m ./internal/gen
	$(GO) test -run '^$$' -bench 'BenchmarkGenerate/errors=10000/' -benchmem -count 3 -timeout 30m ./internal/engine
	$(GO) test -run '^$$' -bench 'BenchmarkCommand/errors=10000/' -count 3 -timeout 30m ./cmd/errgen
	$(GO) test -run 'TestConstructorsAgree' -bench 'BenchmarkNew' -benchmem -count 5 ./internal/gen/testdata/bench

bench-peers:
	cd bench/peers && $(GO) test -run 'TestSameError' -bench 'BenchmarkNew' -benchmem -count 5 .

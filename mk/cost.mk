# What the generated package costs its users, each figure beside its
# baseline in the same run (BENCHMARKS.md, "Cost of the generated
# package"): bytes of Go per error, recompiling the package of 1,000
# errors and the binary it adds to against a hand-written net/http server,
# errgen generate of 10,000 errors against gofmt of its output, and
# constructing an error against a plain struct. bench-peers adds peer
# libraries (Kratos), from the separate module bench/peers so errgen's
# go.mod needs none of them.
#
# The machine these run on is shared: rather than -count N, which runs
# each sub-benchmark N times in a row, every benchmark runs COST_RUNS
# times in turn, so that each errgen figure and its baseline are measured
# moments apart (ratios in one process; take medians over the runs).

.PHONY: bench-cost bench-peers

COST_RUNS ?= 3
COST_BENCH = $(GO) test -run '^$$' -count 1 -timeout 30m

bench-cost:
	$(GO) test ./internal/gen -run 'TestBenchPackageUpToDate|TestGoBytesPerError' -count 1 -v
	$(GO) test ./internal/gen/testdata/bench -run TestConstructorsAgree -count 1
	$(COST_BENCH) -bench 'BenchmarkGoBytes' -benchtime 1x ./internal/gen
	for i in $$(seq $(COST_RUNS)); do \
	  $(COST_BENCH) -bench 'BenchmarkRebuild' -benchtime 1x ./internal/gen && \
	  $(COST_BENCH) -bench 'BenchmarkGenerate/errors=10000/' -benchmem ./internal/engine && \
	  $(COST_BENCH) -bench 'BenchmarkCommand/errors=10000/' ./cmd/errgen && \
	  $(COST_BENCH) -bench 'BenchmarkNew' -benchmem ./internal/gen/testdata/bench || exit 1; \
	done

bench-peers:
	cd bench/peers && $(GO) test -run TestSameError -count 1 .
	cd bench/peers && for i in $$(seq 5); do \
	  $(GO) test -run '^$$' -bench 'BenchmarkNew' -benchmem -count 1 . || exit 1; \
	done

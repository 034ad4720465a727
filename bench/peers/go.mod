// Benchmarks of errgen's generated code against peer libraries, in a
// module of their own so errgen's go.mod needs none of them
// (`make bench-peers`, BENCHMARKS.md).
module github.com/errgen/errgen/bench/peers

go 1.25

require (
	github.com/errgen/errgen v0.0.0
	github.com/go-kratos/kratos/v2 v2.8.3
)

require (
	github.com/golang/protobuf v1.5.4 // indirect
	golang.org/x/sys v0.26.0 // indirect
	google.golang.org/genproto/googleapis/rpc v0.0.0-20240102182953-50ed04b92917 // indirect
	google.golang.org/grpc v1.61.1 // indirect
	google.golang.org/protobuf v1.33.0 // indirect
)

replace github.com/errgen/errgen => ../..

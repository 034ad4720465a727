// Command videoapi serves the example livestream service on
// 127.0.0.1:8080 (or the address in $ADDR), accepting the API key
// "demo-key".
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/errgen/errgen/examples/videoapi"
)

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	srv := videoapi.NewServer("demo-key", 1000)
	log.Printf("videoapi listening on http://%s", addr)
	log.Fatal(http.ListenAndServe(addr, srv.Handler()))
}

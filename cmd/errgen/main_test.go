package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/errgen/errgen/internal/cli"
	_ "github.com/errgen/errgen/internal/testutil" // -update
)

// TestMain installs errgen in-process for the scripts: `exec errgen ...`
// runs cli.Main, and `exec status errgen ...` runs it and prints its exit
// code as "exit: N" last on stdout, so scripts can tell 1 from 2 from 3.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"errgen": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
		"status": func() {
			if len(os.Args) < 2 || os.Args[1] != "errgen" {
				fmt.Fprintln(os.Stderr, "usage: status errgen [args]")
				os.Exit(2)
			}
			code := cli.Main(os.Args[2:], os.Stdin, os.Stdout, os.Stderr)
			fmt.Printf("exit: %d\n", code)
		},
	})
}

// TestScripts runs testdata/script/*.txtar: the CLI's behaviour (exit
// codes, messages, files on disk) in readable scripts.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// Scripts work in $WORK as a project root.
			return os.WriteFile(env.WorkDir+"/go.mod", []byte("module example.com/api\n\ngo 1.25\n"), 0o644)
		},
		UpdateScripts: os.Getenv("ERRGEN_UPDATE_SCRIPTS") != "",
		Cmds:          map[string]func(*testscript.TestScript, bool, []string){"crlf": crlf},
	})
}

// crlf FILE... gives each file CRLF line ends, as Git for Windows checks
// text files out (core.autocrlf=true).
func crlf(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: crlf FILE...")
	}
	for _, name := range args {
		data := strings.ReplaceAll(strings.ReplaceAll(ts.ReadFile(name), "\r\n", "\n"), "\n", "\r\n")
		ts.Check(os.WriteFile(ts.MkAbs(name), []byte(data), 0o644))
	}
}

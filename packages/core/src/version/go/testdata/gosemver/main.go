// Oracle for go.oracle.test.ts: reads "a\tb" lines and prints "validA validB cmp" per line,
// using golang.org/x/mod/semver (built in GOPATH mode against Debian's golang-golang-x-mod-dev).
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/semver"
)

func valid(v string) int {
	if semver.IsValid(v) {
		return 1
	}
	return 0
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		a, b, _ := strings.Cut(in.Text(), "\t")
		fmt.Fprintf(out, "%d %d %d\n", valid(a), valid(b), semver.Compare(a, b))
	}
}

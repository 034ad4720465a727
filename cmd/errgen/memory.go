package main

import (
	"bufio"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
)

// containerMemory returns the memory limit of the control group errgen
// runs in (cgroup v2's memory.max, or v1's memory.limit_in_bytes): the
// smallest limit set on its group or on any group above it, as far as
// the files under root (normally /sys/fs/cgroup) show them. It reports
// false when no limit is set or none can be read: outside Linux, or
// without a memory controller.
func containerMemory(root, selfCgroup string) (int64, bool) {
	f, err := os.Open(selfCgroup)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	var limit int64
	found := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// hierarchy-id:controllers:path
		parts := strings.SplitN(sc.Text(), ":", 3)
		if len(parts) != 3 {
			continue
		}
		var dir, file string
		switch {
		case parts[0] == "0" && parts[1] == "":
			dir, file = root, "memory.max"
		case slices.Contains(strings.Split(parts[1], ","), "memory"):
			dir, file = path.Join(root, "memory"), "memory.limit_in_bytes"
		default:
			continue
		}
		// The group's own path, then each parent's up to the root; in a
		// container the path is often the host's and only the root's
		// file is there.
		for p := path.Clean("/" + parts[2]); ; p = path.Dir(p) {
			if l, ok := readLimit(path.Join(dir, p, file)); ok && (!found || l < limit) {
				limit, found = l, true
			}
			if p == "/" {
				break
			}
		}
	}
	return limit, found
}

// readLimit reads a memory limit file: a number of bytes, or "max" (v2)
// or a huge number (v1) for none.
func readLimit(name string) (int64, bool) {
	b, err := os.ReadFile(name)
	if err != nil {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || n <= 0 || n >= 1<<62 {
		return 0, false
	}
	return n, true
}

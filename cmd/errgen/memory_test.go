package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestContainerMemory reads control group layouts of cgroup v2 and v1
// from a directory made for each case.
func TestContainerMemory(t *testing.T) {
	cases := []struct {
		name   string
		cgroup string            // /proc/self/cgroup
		files  map[string]string // under the cgroup root
		want   int64
		found  bool
	}{
		{"v2, the container's root", "0::/\n", map[string]string{"memory.max": "536870912\n"}, 512 << 20, true},
		{"v2, no limit", "0::/\n", map[string]string{"memory.max": "max\n"}, 0, false},
		{"v2, nested: the smallest on the path", "0::/a/b\n", map[string]string{
			"a/memory.max": "1073741824\n", "a/b/memory.max": "max\n", "memory.max": "4294967296\n",
		}, 1 << 30, true},
		{"v2, the host's path, only the root's file", "0::/kubepods/pod1/c1\n", map[string]string{"memory.max": "805306368"}, 768 << 20, true},
		{"v1", "4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n", map[string]string{
			"memory/docker/abc/memory.limit_in_bytes": "2147483648\n",
		}, 2 << 30, true},
		{"v1, unlimited", "5:cpuacct,memory:/\n", map[string]string{
			"memory/memory.limit_in_bytes": "9223372036854771712\n",
		}, 0, false},
		{"v1 and v2 both: the smaller", "4:memory:/\n0::/\n", map[string]string{
			"memory/memory.limit_in_bytes": "3221225472\n", "memory.max": "1610612736\n",
		}, 1536 << 20, true},
		{"garbage and paths that climb", "junk\n0::/../../x\n", map[string]string{"memory.max": "zero\n", "x/memory.max": "100000000"}, 100000000, true},
		{"no memory controller", "3:cpu:/\n", map[string]string{"memory.max": "1000"}, 0, false},
	}
	for _, c := range cases {
		dir := t.TempDir()
		root := filepath.Join(dir, "cgroup")
		for name, content := range c.files {
			p := filepath.Join(root, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		self := filepath.Join(dir, "self-cgroup")
		if err := os.WriteFile(self, []byte(c.cgroup), 0o644); err != nil {
			t.Fatal(err)
		}
		got, found := containerMemory(root, self)
		if got != c.want || found != c.found {
			t.Errorf("%s: %d %v, want %d %v", c.name, got, found, c.want, c.found)
		}
	}
	if _, found := containerMemory(t.TempDir(), filepath.Join(t.TempDir(), "none")); found {
		t.Error("a limit without a cgroup file")
	}
}

func TestHeapLimit(t *testing.T) {
	cases := []struct {
		container int64
		known     bool
		want      int64
		collect   bool
	}{
		{0, false, memoryLimit, true},
		{8 << 30, true, memoryLimit, true},
		{2 << 30, true, memoryLimit, true},
		{1 << 30, true, 512 << 20, true},
		{512 << 20, true, 256 << 20, true},
		{511 << 20, true, 0, false},
	}
	for _, c := range cases {
		got, ok := heapLimit(c.container, c.known)
		if got != c.want || ok != c.collect {
			t.Errorf("heapLimit(%d, %v) = %d, %v; want %d, %v", c.container, c.known, got, ok, c.want, c.collect)
		}
	}
}

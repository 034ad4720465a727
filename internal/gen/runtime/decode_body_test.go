package runtime

import (
	"bytes"
	"errors"
	"io"
	"math/bits"
	"testing"
	"testing/iotest"
)

// badReader claims to have read more than it was given.
type badReader struct{ n int }

func (r badReader) Read(p []byte) (int, error) { return len(p) + r.n, nil }

// TestReadBody: errgenReadBody reads what io.ReadAll of an io.LimitReader
// at errgenMaxBody+1 reads, from readers of every pace, and stops at a
// read error or a reader that breaks io.Reader's contract.
func TestReadBody(t *testing.T) {
	for _, size := range []int{0, 1, 511, 512, 513, 4096, errgenMaxBody - 1, errgenMaxBody, errgenMaxBody + 1, errgenMaxBody + 4096} {
		data := bytes.Repeat([]byte("0123456789abcdef"), size/16+1)[:size]
		want, _ := io.ReadAll(io.LimitReader(bytes.NewReader(data), errgenMaxBody+1))
		readers := map[string]io.Reader{
			"whole":   bytes.NewReader(data),
			"halves":  iotest.HalfReader(bytes.NewReader(data)),
			"dataerr": iotest.DataErrReader(bytes.NewReader(data)),
		}
		if size < 1<<16 {
			readers["bytes"] = iotest.OneByteReader(bytes.NewReader(data))
		}
		for name, r := range readers {
			if got := errgenReadBody(r); !bytes.Equal(got, want) {
				t.Errorf("%d bytes, %s: read %d bytes, want %d", size, name, len(got), len(want))
			}
		}
	}
	boom := errors.New("boom")
	r := io.MultiReader(bytes.NewReader([]byte("partial")), iotest.ErrReader(boom))
	if got := errgenReadBody(r); string(got) != "partial" {
		t.Errorf("read %q before an error", got)
	}
	for _, n := range []int{1, -1 << 20} {
		if got := errgenReadBody(badReader{n}); len(got) != 0 {
			t.Errorf("a reader returning len(p)%+d: read %d bytes", n, len(got))
		}
	}
}

// TestReadBodyAllocates: reading a body allocates at most about twice
// its size (the buffer doubles), and at most errgenMaxBody+1 is kept.
func TestReadBodyAllocates(t *testing.T) {
	for _, size := range []int{100, 511, 512, 513, 4096, 65537, errgenMaxBody + 4096} {
		data := bytes.Repeat([]byte{'x'}, size)
		var got []byte
		var rd bytes.Reader
		allocs := testing.AllocsPerRun(5, func() {
			rd.Reset(data)
			got = errgenReadBody(&rd)
		})
		n := min(size, errgenMaxBody+1)
		if len(got) != n || cap(got) > max(512, 2*n) {
			t.Errorf("%d bytes: read %d into a buffer of %d", size, len(got), cap(got))
		}
		// Buffers of 512, 1024, ... until one holds the body and sees
		// its end.
		if want := float64(1 + bits.Len(uint(n/512))); allocs > want {
			t.Errorf("%d bytes: %v allocations, want at most %v", size, allocs, want)
		}
	}
}

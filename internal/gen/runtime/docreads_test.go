package runtime

import "testing"

// TestDocReadsEachObjectOnce counts the objects errgenDoc reads (rather
// than finds in memory) when each lookup crosses three objects, as
// errgenBodyParam's d.member(d.at(fm.params), name) does for a params
// object inside an error object: each is read once.
func TestDocReadsEachObjectOnce(t *testing.T) {
	root, _ := errgenValid([]byte(`{"error":{"code":"x","params":{"a":1,"b":2,"c":3}}}`))
	d := &errgenDoc{root: root}
	remembered := func(obj []byte) bool {
		for k := range d.memo {
			if o := &d.memo[k]; len(o.obj) == len(obj) && &o.obj[0] == &obj[0] {
				return true
			}
		}
		return false
	}
	reads := 0
	for range 3 { // three params
		obj := root
		for _, name := range []string{"error", "params", "a"} {
			if !remembered(obj) {
				reads++
			}
			obj = d.member(obj, name)
		}
	}
	if reads != 3 {
		t.Errorf("3 objects, 3 lookups: %d reads", reads)
	}
}

package policy_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/lapse-go/lapse/policy"
	"github.com/lapse-go/lapse/policy/internal/adversarial"
)

//go:generate go test -run ^TestAdversarialCorpus$ -update-adversarial .

var updateAdversarial = flag.Bool("update-adversarial", false, "rewrite testdata/adversarial from policy/internal/adversarial")

const adversarialDir = "testdata/adversarial"

// TestAdversarialCorpus checks that testdata/adversarial holds exactly what
// the generator makes, each file within the default size limit.
func TestAdversarialCorpus(t *testing.T) {
	files := adversarial.Files()
	if *updateAdversarial {
		if err := os.RemoveAll(adversarialDir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(adversarialDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(adversarialDir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	entries, err := os.ReadDir(adversarialDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(files) {
		t.Errorf("%s holds %d files, the generator makes %d; run go generate ./policy", adversarialDir, len(entries), len(files))
	}
	for _, f := range files {
		if len(f.Data) > policy.DefaultMaxBytes {
			t.Errorf("%s: %d bytes, more than DefaultMaxBytes", f.Name, len(f.Data))
		}
		if len(f.Data) < policy.DefaultMaxBytes/4 {
			t.Errorf("%s: only %d bytes; an adversarial file uses the room it has", f.Name, len(f.Data))
		}
		got, err := os.ReadFile(filepath.Join(adversarialDir, f.Name))
		if err != nil {
			t.Error(err)
			continue
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s differs from what the generator makes; run go generate ./policy", f.Name)
		}
	}
}

// adversarialFiles reads the checked-in corpus.
func adversarialFiles(tb testing.TB) []adversarial.File {
	tb.Helper()
	var out []adversarial.File
	for _, f := range adversarial.Files() {
		data, err := os.ReadFile(filepath.Join(adversarialDir, f.Name))
		if err != nil {
			tb.Fatal(err)
		}
		f.Data = data
		out = append(out, f)
	}
	return out
}

// maxLoadBytes is the most a load of any input within DefaultMaxBytes may
// allocate (defect 1 of issue 12).
const maxLoadBytes = 64 << 20

// TestDefect1_BoundedLoading loads each adversarial file and checks that it
// is refused or loaded with a well-formed error and allocates less than
// maxLoadBytes. Time is measured by BenchmarkLoadAdversarial, not here.
func TestDefect1_BoundedLoading(t *testing.T) {
	for _, f := range adversarialFiles(t) {
		t.Run(f.Name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := policy.ParseJSON(f.Data, policy.LoadOptions{Name: f.Name})
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc >= maxLoadBytes {
				t.Errorf("loading allocated %d MB, want < %d MB", alloc>>20, maxLoadBytes>>20)
			}
			if err == nil {
				return
			}
			if !errors.Is(err, policy.ErrInvalid) {
				t.Errorf("error does not match ErrInvalid: %.300v", err)
			}
			n := len(leaves(err))
			if n > policy.MaxProblems+1 {
				t.Errorf("%d problems reported, want at most %d and a count of the rest", n, policy.MaxProblems)
			}
			if f.Name == "overrides-identical.json" {
				// Each row but the first overlaps the first, once.
				rows := bytes.Count(f.Data, []byte(`"channel"`))
				var last *policy.FileError
				want := fmt.Sprintf("and %d more problems", rows-1-policy.MaxProblems)
				if !errors.As(leaves(err)[n-1], &last) || last.Reason != want {
					t.Errorf("last problem %v, want %q", leaves(err)[n-1], want)
				}
			}
			t.Logf("%d problems; first: %.200v", n, leaves(err)[0])
		})
	}
}

// BenchmarkLoadAdversarial loads each file of the adversarial corpus; each
// must take well under 200 ms.
func BenchmarkLoadAdversarial(b *testing.B) {
	for _, f := range adversarialFiles(b) {
		b.Run(f.Name, func(b *testing.B) {
			b.SetBytes(int64(len(f.Data)))
			b.ReportAllocs()
			for b.Loop() {
				policy.ParseJSON(f.Data, policy.LoadOptions{Name: f.Name})
			}
		})
	}
}

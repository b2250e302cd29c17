package lifecycle_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// The golden diagrams are rewritten with go test -run TestDiagramGolden
// -update. The flag is registered in init unless another test file of the
// package already registered it as a package-level variable.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func TestDiagramGolden(t *testing.T) {
	for _, ch := range policy.Channels() {
		for _, f := range []lifecycle.DiagramFormat{lifecycle.Mermaid, lifecycle.Graphviz} {
			ext := map[lifecycle.DiagramFormat]string{lifecycle.Mermaid: "mmd", lifecycle.Graphviz: "dot"}[f]
			name := "diagram-" + ch.String() + "." + ext
			t.Run(name, func(t *testing.T) {
				got, err := lifecycle.Diagram(ch, f)
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", name+".golden")
				if updating() {
					if err := os.MkdirAll("testdata", 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if diff := cmp.Diff(string(want), got); diff != "" {
					t.Errorf("Diagram(%v, %v) mismatch (-want +got):\n%s", ch, f, diff)
				}
			})
		}
	}
}

// TestDiagramShape checks what every diagram must hold: the start arrow to
// Active (not to whatever state a machine happens to be in, the looplab
// default), Deleted as the only end, and labels escaped for the format.
func TestDiagramShape(t *testing.T) {
	for _, ch := range policy.Channels() {
		m, err := lifecycle.Diagram(ch, lifecycle.Mermaid)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(m), "\n")
		if lines[0] != "stateDiagram-v2" {
			t.Errorf("%v: first line %q", ch, lines[0])
		}
		if !strings.Contains(m, "\n    [*] --> active: purchase\n") {
			t.Errorf("%v: no start arrow to active:\n%s", ch, m)
		}
		if !strings.HasSuffix(m, "    deleted --> [*]\n") || strings.Count(m, "--> [*]") != 1 {
			t.Errorf("%v: Deleted is not the only end:\n%s", ch, m)
		}
		for _, l := range lines[1:] {
			if i := strings.Index(l, ": "); i >= 0 && strings.ContainsAny(l[i+2:], ":;\"#<>{}") && !strings.Contains(l[i+2:], "#5") && !strings.Contains(l[i+2:], "#q") {
				t.Errorf("%v: unescaped label in %q", ch, l)
			}
		}
		g, err := lifecycle.Diagram(ch, lifecycle.Graphviz)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(g, "digraph \""+ch.String()+"\" {\n") || !strings.HasSuffix(g, "}\n") {
			t.Errorf("%v: not a digraph:\n%s", ch, g)
		}
		if !strings.Contains(g, "\"[*]\" -> \"active\" [label=\"purchase\"];") {
			t.Errorf("%v: no start edge to active", ch)
		}
	}
	if _, err := lifecycle.Diagram(0, lifecycle.Mermaid); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("Diagram(0): %v", err)
	}
	if _, err := lifecycle.Diagram(policy.DirectMOSA, 0); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("Diagram(format 0): %v", err)
	}
}

// Package refcheck holds the test that every rule id and source key lapse
// cites is defined in docs/rules.md, the reference a user of the module
// can read (the domain specification itself is not part of the module).
package refcheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// root is the repository root, relative to this package's directory.
const root = "../.."

var (
	// citation matches a rule id, convention, contradiction or acceptance
	// case: R-LC-13, DC-3a, C-20, AC-07. The word boundaries keep
	// "UTC-5" or "ISO-8601" out; the prefixes are the only ones lapse uses.
	citation = regexp.MustCompile(`\b(?:R-[A-Z]+-[0-9]+|DC-[0-9]+[ab]?|C-[0-9]+|AC-[0-9]+)\b`)
	// sourceKey matches a bracketed source key: [D-WIF-2025-02], [S004],
	// [PC-SUB-2023-10], [P-OPEN], [E-TENANT-2024-01].
	sourceKey = regexp.MustCompile(`\[(?:S[0-9]{3}|(?:D|PC|P|E)-[A-Z0-9]+(?:-[A-Z0-9]+)*)\]`)
	// heading matches a definition in docs/rules.md: "### R-LC-13",
	// "### C-20 MCA cancelled subscription deletion", "### [S004]".
	heading = regexp.MustCompile(`(?m)^### (\S+)`)
)

// defined returns the ids and keys docs/rules.md defines.
func defined(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, m := range heading.FindAllStringSubmatch(string(b), -1) {
		if ids[m[1]] {
			t.Errorf("docs/rules.md defines %s twice", m[1])
		}
		ids[m[1]] = true
	}
	return ids
}

// cited walks the repository and returns, for every id and key cited in a
// Go file, a Markdown file or a policy file, the first place citing it.
func cited(t *testing.T) map[string]string {
	t.Helper()
	where := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "fuzz") {
				return filepath.SkipDir // .git, .ci, fuzz corpora (random bytes)
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".json", ".golden":
		default:
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if rel == filepath.Join("docs", "rules.md") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(b), "\n") {
			for _, id := range citation.FindAllString(line, -1) {
				if _, ok := where[id]; !ok {
					where[id] = rel + ":" + strconv.Itoa(n+1)
				}
			}
			for _, key := range sourceKey.FindAllString(line, -1) {
				if _, ok := where[key]; !ok {
					where[key] = rel + ":" + strconv.Itoa(n+1)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return where
}

func TestEveryCitationIsDefined(t *testing.T) {
	ids := defined(t)
	where := cited(t)
	if len(where) < 100 {
		t.Fatalf("found only %d distinct citations; is the walk reading the repository at %s?", len(where), root)
	}
	var missing []string
	for id, at := range where {
		if !ids[id] {
			missing = append(missing, at+": "+id)
		}
	}
	slices.Sort(missing)
	for _, m := range missing {
		t.Errorf("%s is cited but not defined in docs/rules.md", m)
	}
}

// TestPatterns pins what counts as a citation, so that a change of the
// patterns cannot silently make the walk above find nothing.
func TestPatterns(t *testing.T) {
	for _, s := range []string{"R-LC-13", "DC-3a", "DC-7", "C-20", "AC-07", "R-MISC-4"} {
		if got := citation.FindString("see " + s + "."); got != s {
			t.Errorf("citation in %q = %q, want %q", "see "+s+".", got, s)
		}
	}
	for _, s := range []string{"UTC-5", "ISO-8601", "XR-LC-1", "C-x", "DC-3c"} {
		if got := citation.FindString(s); got != "" {
			t.Errorf("citation matched %q in %q", got, s)
		}
	}
	for _, s := range []string{"[D-WIF-2025-02]", "[S004]", "[PC-SUB-2023-10]", "[P-OPEN]", "[E-TENANT-2024-01]"} {
		if got := sourceKey.FindString("x " + s + " y"); got != s {
			t.Errorf("sourceKey in %q = %q", s, got)
		}
	}
	for _, s := range []string{"[INFERRED]", "[AMBIGUOUS]", "[x]", "[D-]"} {
		if got := sourceKey.FindString(s); got != "" {
			t.Errorf("sourceKey matched %q in %q", got, s)
		}
	}
}

// Command benchmarks compares lapse with two state-machine libraries on one
// question: what is a Microsoft 365 subscription's lifecycle state (Active,
// Expired, Disabled, Deleted) at an instant, given its purchase, its first
// term's end date and its history?
//
// It is a module of its own, nested in lapse's, so that lapse's go.mod
// keeps its dependencies; it replaces lapse with the directory above.
//
// The peers answer the same question from the same policy
// (policy.Builtin):
//
//   - lapse: lifecycle.Judge once, then Lifecycle.At(t) for each instant;
//     lifecycle.Evaluate(sub, table, t) for a caller who asks once; and
//     Judge then At for each question.
//   - github.com/looplab/fsm and github.com/qmuntal/stateless, each used as
//     its README teaches: for each question, a fresh machine of string
//     states and events into which the subscription's history and the
//     time-driven transitions (end date → Expired, → Disabled, → Deleted)
//     are replayed in order up to t, with the day counts of the version of
//     the policy in force when each applies; then the machine's current
//     state.
//   - the floor: a binary search on the instants a judged lifecycle's
//     phases start, the least work that answers.
//
// Before it times anything, it checks that every peer gives the state of
// every fixture (fixtures.go) at every instant asked — around each phase
// boundary, event and renewal, in the middle of each phase, in UTC and two
// other locations — and exits with status 1 if one does not. Each
// benchmark checks its own answers again before it starts its clock.
//
// Run it from this directory:
//
//	go run .                        # 5 runs of 200ms a benchmark, about 45 s
//	go run . -runs 3 -benchtime 1s
//	go test ./...                   # TestSameStates, the check
//	go test -bench . -run '^$'      # the same benchmarks, go test's way
//
// It prints the machine and two Markdown tables, medians of the runs: every
// peer on "mixed" (every fixture at every instant in turn), with its ns,
// allocations and bytes an op and its ratio to lapse's At and to the
// floor; and each peer's ns an op asking the 2-event annual MOSA
// subscription in each of its states. The library reads no clock; only
// the benchmarks time themselves.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

func main() {
	runs := flag.Int("runs", 5, "run each benchmark `n` times and report the median")
	benchtime := flag.Duration("benchtime", 200*time.Millisecond, "run each benchmark for `d` each run")
	flag.Parse()
	if *runs < 1 || *benchtime <= 0 {
		fmt.Fprintln(os.Stderr, "benchmarks: -runs and -benchtime must be positive")
		os.Exit(2)
	}
	if err := run(os.Stdout, *runs, *benchtime); err != nil {
		fmt.Fprintln(os.Stderr, "benchmarks:", err)
		os.Exit(1)
	}
}

// result is a benchmark's medians over its runs.
type result struct {
	ns, allocs, bytes float64 // an op
}

func run(w io.Writer, runs int, benchtime time.Duration) error {
	qs, err := questions()
	if err != nil {
		return err
	}
	if d := disagreements(qs); len(d) > 0 {
		return fmt.Errorf("%d wrong answers; no benchmark is run:\n\t%s", len(d), strings.Join(d, "\n\t"))
	}
	cs, err := benchCases(qs)
	if err != nil {
		return err
	}
	testing.Init()
	if err := flag.Set("test.benchtime", benchtime.String()); err != nil {
		return err
	}

	// samples[p][c] are peer p's runs on case c. The runs go round every
	// benchmark in turn, so that a slow moment of the machine spreads over
	// all of them.
	samples := make([][][]testing.BenchmarkResult, len(peers))
	for p := range peers {
		samples[p] = make([][]testing.BenchmarkResult, len(cs))
	}
	for range runs {
		for p := range peers {
			for c := range cs {
				r := testing.Benchmark(peers[p].bench(cs[c].qs))
				if r.N == 0 {
					return fmt.Errorf("%s on %s failed its check", peers[p].name, cs[c].name)
				}
				samples[p][c] = append(samples[p][c], r)
			}
		}
	}
	res := make([][]result, len(peers))
	for p := range peers {
		res[p] = make([]result, len(cs))
		for c := range cs {
			res[p][c] = medians(samples[p][c])
		}
	}
	mixed := len(cs) - 1
	plural := "s"
	if runs == 1 {
		plural = ""
	}
	fmt.Fprintf(w, "Machine: %s/%s, %d CPUs, %s. Median of %d run%s of %v a benchmark.\n\n",
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(), runs, plural, benchtime)
	fmt.Fprintf(w, "Mixed: %d questions (%d fixtures, each asked around every phase boundary, event and renewal, and mid-phase), one an op.\n\n",
		len(cs[mixed].qs), len(fixtures))
	fmt.Fprintln(w, "| implementation | time/op | allocs/op | B/op | vs lapse At | vs floor |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|")
	floor, at := res[0][mixed], res[1][mixed]
	for p := range peers {
		r := res[p][mixed]
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", peers[p].name, duration(r.ns), count(r.allocs), count(r.bytes),
			ratio(r.ns/at.ns), ratio(r.ns/floor.ns))
	}
	fmt.Fprintf(w, "\nTime/op asking the 2-event annual MOSA subscription in each of its states, and mixed (× lapse At):\n\n")
	fmt.Fprint(w, "| implementation |")
	for _, c := range cs {
		fmt.Fprintf(w, " %s |", c.name)
	}
	fmt.Fprint(w, "\n|---|")
	fmt.Fprint(w, strings.Repeat("--:|", len(cs)))
	fmt.Fprintln(w)
	for p := range peers {
		fmt.Fprintf(w, "| %s |", peers[p].name)
		for c := range cs {
			fmt.Fprintf(w, " %s (%s) |", duration(res[p][c].ns), ratio(res[p][c].ns/res[1][c].ns))
		}
		fmt.Fprintln(w)
	}
	return nil
}

// medians returns the medians of rs's ns, allocations and bytes an op.
func medians(rs []testing.BenchmarkResult) result {
	per := func(f func(r testing.BenchmarkResult) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r) / float64(r.N)
		}
		slices.Sort(v)
		if n := len(v); n%2 == 0 {
			return (v[n/2-1] + v[n/2]) / 2
		}
		return v[len(v)/2]
	}
	return result{
		ns:     per(func(r testing.BenchmarkResult) float64 { return float64(r.T.Nanoseconds()) }),
		allocs: per(func(r testing.BenchmarkResult) float64 { return float64(r.MemAllocs) }),
		bytes:  per(func(r testing.BenchmarkResult) float64 { return float64(r.MemBytes) }),
	}
}

// duration formats ns nanoseconds with three significant digits: "4.21
// ns", "5.6 µs".
func duration(ns float64) string {
	switch {
	case ns >= 1e6:
		return sig(ns/1e6) + " ms"
	case ns >= 1e3:
		return sig(ns/1e3) + " µs"
	}
	return sig(ns) + " ns"
}

// sig formats v ≥ 0 with three significant digits.
func sig(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// count formats a count an op: whole, or with one decimal when the ops of
// a mixed benchmark differ.
func count(v float64) string {
	if v >= 100 {
		return fmt.Sprintf("%.0f", v)
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0")
}

// ratio formats a ratio: "640×", "3.4×", "0.31×".
func ratio(v float64) string { return sig(v) + "×" }

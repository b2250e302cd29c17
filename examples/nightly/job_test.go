package main

import (
	"cmp"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/clock/clocktest"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// recorder is a Notifier that keeps what it was sent, and fails once the
// budget of deliveries is spent (a negative budget never fails).
type recorder struct {
	mu     sync.Mutex
	sent   []Notice
	budget int
}

var errDown = errors.New("mail server down")

func (r *recorder) Notify(_ context.Context, n Notice) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.budget == 0 {
		return errDown
	}
	r.budget--
	r.sent = append(r.sent, n)
	return nil
}

func (r *recorder) keys() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, n := range r.sent {
		out = append(out, n.Key())
	}
	return out
}

var start = time.Date(2026, 11, 29, 2, 0, 0, 0, time.UTC)

// newStore opens a store in a fresh directory, seeded with the demo
// portfolio dated around at.
func newStore(t *testing.T, ctx context.Context, at time.Time) *Store {
	t.Helper()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "nightly.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	subs, err := demo(at)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, subs...); err != nil {
		t.Fatal(err)
	}
	return s
}

// want returns the notices the demo portfolio dated at start gives in
// (from, to], computed from lapse directly, independently of the store.
func want(t *testing.T, from, to time.Time) []string {
	t.Helper()
	subs, err := demo(start)
	if err != nil {
		t.Fatal(err)
	}
	var out []Notice
	for _, sub := range subs {
		lc, err := lifecycle.Judge(sub, policy.Builtin())
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range lc.Phases() {
			if (p.State == lifecycle.Disabled || p.State == lifecycle.Deleted) && p.Start.After(from) && !p.Start.After(to) {
				out = append(out, Notice{SubscriptionID: sub.ID(), State: p.State, Due: p.Start})
			}
		}
	}
	// The store's order: due instant, then subscription, then state.
	slices.SortFunc(out, func(a, b Notice) int {
		return cmp.Or(a.Due.Compare(b.Due), strings.Compare(a.SubscriptionID, b.SubscriptionID), strings.Compare(a.State.String(), b.State.String()))
	})
	return sortedKeys(out)
}

func sortedKeys(ns []Notice) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Key())
	}
	return out
}

func TestStoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := newStore(t, ctx, start)
	got, err := s.Subscriptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	subs, _ := demo(start)
	if len(got) != len(subs) {
		t.Fatalf("stored %d subscriptions, read back %d", len(subs), len(got))
	}
	byID := map[string]lifecycle.Subscription{}
	for _, sub := range got {
		byID[sub.ID()] = sub
	}
	for _, sub := range subs {
		back, ok := byID[sub.ID()]
		if !ok {
			t.Errorf("subscription %q not read back", sub.ID())
			continue
		}
		if diff := gocmp.Diff(sub.Spec(), back.Spec()); diff != "" {
			t.Errorf("subscription %q after the database (-want +got):\n%s", sub.ID(), diff)
		}
	}
	// The columns hold names and dates, not numbers.
	var ch, end string
	if err := s.db.QueryRowContext(ctx, `SELECT channel, end_date FROM subscriptions WHERE id = 'northwind-csp'`).Scan(&ch, &end); err != nil {
		t.Fatal(err)
	}
	if ch != "csp-nce" || end != byID["northwind-csp"].End().String() {
		t.Errorf("columns channel, end_date = %q, %q; want csp-nce, %s", ch, end, byID["northwind-csp"].End())
	}
}

// TestRunTwiceSendsNothingTwice: the second run at the same instant, and
// a run the next day, find the notices again but send none again.
func TestRunTwiceSendsNothingTwice(t *testing.T) {
	ctx := context.Background()
	clk := clocktest.New(start)
	n := &recorder{budget: -1}
	job := &Job{Store: newStore(t, ctx, start), Table: policy.Builtin(), Notifier: n, Clock: clk, Within: 14 * 24 * time.Hour}

	r1, err := job.RunOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantKeys := want(t, start, start.Add(job.Within))
	if len(wantKeys) < 3 {
		t.Fatalf("the demo portfolio gives %d notices in 14 days; the test needs at least 3", len(wantKeys))
	}
	if diff := gocmp.Diff(wantKeys, n.keys()); diff != "" {
		t.Errorf("first run sent (-want +got):\n%s", diff)
	}
	if r1.Found != len(wantKeys) || r1.New != len(wantKeys) || r1.Sent != len(wantKeys) {
		t.Errorf("first run report = %+v, want %d found, new and sent", r1, len(wantKeys))
	}
	r2, err := job.RunOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r2.New != 0 || r2.Sent != 0 || len(n.keys()) != len(wantKeys) {
		t.Errorf("second run: report %+v, %d sent in all; want nothing new or sent", r2, len(n.keys()))
	}
	clk.AdvanceDate(0, 0, 1)
	r3, err := job.RunOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	next := want(t, start.Add(job.Within), clk.Now().Add(job.Within))
	if r3.New != len(next) || r3.Sent != len(next) {
		t.Errorf("next day: report %+v, want %d new and sent (the day that entered the window)", r3, len(next))
	}
}

// TestCrashLosesNothing: a run that fails after one delivery leaves the
// rest recorded; the next run sends exactly the rest.
func TestCrashLosesNothing(t *testing.T) {
	ctx := context.Background()
	clk := clocktest.New(start)
	n := &recorder{budget: 1}
	job := &Job{Store: newStore(t, ctx, start), Table: policy.Builtin(), Notifier: n, Clock: clk, Within: 14 * 24 * time.Hour}
	if _, err := job.RunOnce(ctx); !errors.Is(err, errDown) {
		t.Fatalf("RunOnce with a failing notifier: error = %v, want %v", err, errDown)
	}
	pending, err := job.Store.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantKeys := want(t, start, start.Add(job.Within))
	if diff := gocmp.Diff(wantKeys[1:], sortedKeys(pending)); diff != "" {
		t.Errorf("pending after the failure (-want +got):\n%s", diff)
	}
	// A crash before anything is recorded: the context is cancelled.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := job.RunOnce(cancelled); err == nil {
		t.Fatal("RunOnce with a cancelled context succeeded")
	}
	n.budget = -1
	clk.Advance(time.Hour)
	if _, err := job.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(wantKeys, n.keys()); diff != "" {
		t.Errorf("sent over both runs (-want +got):\n%s", diff)
	}
	sent, err := job.Store.Sent(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(wantKeys, sortedKeys(sent)); diff != "" {
		t.Errorf("marked sent (-want +got):\n%s", diff)
	}
}

// TestLoop runs the loop for a week of fake time in a synctest bubble:
// one run a day, each notice sent once, in the night its day enters the
// window.
func TestLoop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// The bubble's clock starts at 2000-01-01T00:00:00Z; move it to start.
		time.Sleep(time.Until(start))
		ctx, cancel := context.WithCancel(context.Background())
		n := &recorder{budget: -1}
		store := newStore(t, ctx, start)
		job := &Job{Store: store, Table: policy.Builtin(), Notifier: n, Clock: clock.System(), Within: 7 * 24 * time.Hour}
		var (
			mu      sync.Mutex
			reports []Report
		)
		done := make(chan error)
		go func() {
			done <- job.Loop(ctx, 24*time.Hour, func(r Report, err error) {
				if err != nil {
					t.Errorf("run at %v: %v", r.At, err)
				}
				mu.Lock()
				reports = append(reports, r)
				mu.Unlock()
			})
		}()
		for day := 0; day < 7; day++ {
			synctest.Wait() // the run of this day is done
			mu.Lock()
			if len(reports) != day+1 {
				t.Fatalf("after %d days: %d runs, want %d", day, len(reports), day+1)
			}
			r := reports[day]
			mu.Unlock()
			now := start.Add(time.Duration(day) * 24 * time.Hour)
			if !r.At.Equal(now) {
				t.Errorf("run %d at %v, want %v", day, r.At, now)
			}
			// Each run records what entered its window since the run before.
			week := 7 * 24 * time.Hour
			if got, want := r.New, len(want(t, now.Add(week-24*time.Hour), now.Add(week))); day > 0 && got != want {
				t.Errorf("run %d: %d new, want %d", day, got, want)
			}
			time.Sleep(24 * time.Hour)
		}
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("Loop returned %v, want context.Canceled", err)
		}
		if diff := gocmp.Diff(want(t, start, start.Add(13*24*time.Hour)), n.keys()); diff != "" {
			t.Errorf("sent over the week (-want +got):\n%s", diff)
		}
	})
}

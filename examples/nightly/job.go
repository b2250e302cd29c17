package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// Notifier delivers a notice: an e-mail, a ticket, a message to a queue.
// Notify returning nil means delivered. A notice is delivered at least
// once: a crash after Notify returns and before the store marks the
// notice sent delivers it again on the next run, so a Notifier whose
// receiver must see each notice once uses Notice.Key as its idempotency
// key.
type Notifier interface {
	Notify(ctx context.Context, n Notice) error
}

// Key identifies a notice for idempotent delivery: the subscription, the
// state it enters and when.
func (n Notice) Key() string {
	return n.SubscriptionID + "/" + n.State.String() + "/" + n.Due.UTC().Format(time.RFC3339Nano)
}

// Job is the nightly job: it judges every stored subscription against the
// policy table and notifies what becomes Disabled (users lose access) or
// Deleted (data is deleted) within Within of now.
type Job struct {
	Store    *Store
	Table    *policy.Table
	Notifier Notifier
	Clock    clock.Clock   // the job's only source of now
	Within   time.Duration // how far ahead to look
}

// Report is what one run did.
type Report struct {
	At    time.Time // the run's now
	Found int       // notices found in the window
	New   int       // of those, not recorded by an earlier run
	Sent  int       // notices delivered by this run (new or left over)
}

func (r Report) String() string {
	return fmt.Sprintf("%s: %d found, %d new, %d sent", r.At.UTC().Format(time.RFC3339), r.Found, r.New, r.Sent)
}

// watched are the states worth a notice.
func watched(s lifecycle.State) bool { return s == lifecycle.Disabled || s == lifecycle.Deleted }

// RunOnce runs the job once at the clock's now.
//
// It finds the phases that begin in (from, now+Within] with
// Lifecycle.Deadlines, where from is the previous run's now (or now on the
// first run), so that a run after a missed night still reports what began
// meanwhile; records the new ones
// in one transaction with the run's instant; then delivers every notice
// not yet sent, marking each as it goes. Run twice, the second run finds
// the same notices, records none and sends none. Stopped anywhere — an
// error, a cancelled context, a crash — it loses nothing: what was found
// and not recorded is found again, what was recorded and not sent is sent
// by the next run.
func (j *Job) RunOnce(ctx context.Context) (Report, error) {
	now := j.Clock.Now()
	r := Report{At: now}
	if j.Within <= 0 {
		return r, fmt.Errorf("nightly: Within %v: must be positive", j.Within)
	}
	from := now
	if last, ok, err := j.Store.LastRun(ctx); err != nil {
		return r, err
	} else if ok && last.Before(now) {
		from = last
	}
	subs, err := j.Store.Subscriptions(ctx)
	if err != nil {
		return r, err
	}
	lcs, err := lifecycle.JudgeAll(subs, j.Table)
	if err != nil {
		return r, err
	}
	var found []Notice
	to := now.Add(j.Within)
	for _, lc := range lcs {
		deadlines, err := lc.Deadlines(from, to) // (from, to]
		if err != nil {
			return r, err
		}
		for d := range deadlines {
			if d.Kind == lifecycle.PhaseBegins && watched(d.State) {
				found = append(found, Notice{SubscriptionID: lc.Subscription().ID(), State: d.State, Due: d.At})
			}
		}
	}
	r.Found = len(found)
	if r.New, err = j.Store.Record(ctx, found, now); err != nil {
		return r, err
	}
	pending, err := j.Store.Pending(ctx)
	if err != nil {
		return r, err
	}
	for _, n := range pending {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		if err := j.Notifier.Notify(ctx, n); err != nil {
			return r, fmt.Errorf("nightly: notify %v: %w", n, err)
		}
		if err := j.Store.MarkSent(ctx, n, now); err != nil {
			return r, err
		}
		r.Sent++
	}
	return r, nil
}

// Loop runs the job now and then every interval until ctx is cancelled,
// passing each run's report and error to report. A failed run is
// reported and retried at the next interval: nothing it found is lost.
// Loop returns ctx's error.
func (j *Job) Loop(ctx context.Context, every time.Duration, report func(Report, error)) error {
	if every <= 0 {
		return fmt.Errorf("nightly: interval %v: must be positive", every)
	}
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
		r, err := j.RunOnce(ctx)
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			return ctx.Err()
		}
		report(r, err)
		t.Reset(every)
	}
}

package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" driver for database/sql: pure Go, no cgo

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// schema is the store's tables. A subscription is kept whole, as lapse's
// own JSON document (format lapse-subscription/v1), with the columns a
// query filters on beside it: the channel and the first term's end date,
// written by their database/sql Valuers. A notification is a row of an
// outbox: it is recorded in the same transaction that found it and marked
// sent once delivered, so that a crash between the two loses nothing and
// a second run sends nothing twice.
const schema = `
CREATE TABLE IF NOT EXISTS subscriptions (
	id       TEXT PRIMARY KEY,
	channel  TEXT NOT NULL,
	end_date TEXT NOT NULL,
	doc      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS notifications (
	subscription_id TEXT NOT NULL REFERENCES subscriptions(id),
	state           TEXT NOT NULL,
	due_at          TEXT NOT NULL,
	found_at        TEXT NOT NULL,
	sent_at         TEXT,
	PRIMARY KEY (subscription_id, state, due_at)
);
CREATE TABLE IF NOT EXISTS runs (
	id       INTEGER PRIMARY KEY CHECK (id = 1),
	ran_at   TEXT NOT NULL
);`

// Store is a portfolio of subscriptions and the notifications about them
// in one SQLite database. It is safe for concurrent use, as *sql.DB is.
type Store struct {
	db *sql.DB
}

// Open opens (creating if needed) the SQLite database at path and its
// tables.
func Open(ctx context.Context, path string) (*Store, error) {
	// busy_timeout: a second process waits for the lock instead of
	// failing at once; foreign_keys: a notification names a subscription.
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("nightly: create tables in %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Put inserts the subscriptions, replacing any with the same ID.
func (s *Store) Put(ctx context.Context, subs ...lifecycle.Subscription) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	for _, sub := range subs {
		doc, err := json.Marshal(sub)
		if err != nil {
			return fmt.Errorf("nightly: subscription %q: %w", sub.ID(), err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO subscriptions (id, channel, end_date, doc) VALUES (?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET channel = excluded.channel, end_date = excluded.end_date, doc = excluded.doc`,
			sub.ID(), sub.Channel(), sub.End(), string(doc)); err != nil {
			return fmt.Errorf("nightly: store subscription %q: %w", sub.ID(), err)
		}
	}
	return tx.Commit()
}

// Count returns the number of subscriptions stored.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM subscriptions`).Scan(&n)
	return n, err
}

// Subscriptions returns every subscription, in order of ID. Each document
// is decoded and validated by lapse: a row that is not a valid
// subscription is an error naming it, never a silent zero value.
func (s *Store) Subscriptions(ctx context.Context) ([]lifecycle.Subscription, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, channel, doc FROM subscriptions ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []lifecycle.Subscription
	for rows.Next() {
		var (
			id  string
			ch  policy.Channel
			doc string
			sub lifecycle.Subscription
		)
		if err := rows.Scan(&id, &ch, &doc); err != nil {
			return nil, fmt.Errorf("nightly: subscription row %q: %w", id, err)
		}
		if err := json.Unmarshal([]byte(doc), &sub); err != nil {
			return nil, fmt.Errorf("nightly: subscription %q: %w", id, err)
		}
		if sub.ID() != id || sub.Channel() != ch {
			return nil, fmt.Errorf("nightly: subscription %q: its columns (%s) disagree with its document (%q, %s)", id, ch, sub.ID(), sub.Channel())
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}

// Notice is one notification: a subscription will enter (or has entered)
// State at Due.
type Notice struct {
	SubscriptionID string
	State          lifecycle.State
	Due            time.Time
}

func (n Notice) String() string {
	return fmt.Sprintf("%s becomes %s at %s", n.SubscriptionID, n.State.AdminCenterName(), n.Due.Format(time.RFC3339))
}

// instant is how the store writes an instant: RFC 3339 in UTC with
// nanoseconds, which sorts as text in time order.
const instant = "2006-01-02T15:04:05.000000000Z07:00"

// Record adds the notices not yet recorded, all in one transaction, and
// sets the instant of the last run: either all of it happens or none. It
// returns how many notices were new.
func (s *Store) Record(ctx context.Context, found []Notice, at time.Time) (added int, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	for _, n := range found {
		res, err := tx.ExecContext(ctx, `INSERT INTO notifications (subscription_id, state, due_at, found_at) VALUES (?, ?, ?, ?)
			ON CONFLICT DO NOTHING`, n.SubscriptionID, n.State, n.Due.UTC().Format(instant), at.UTC().Format(instant))
		if err != nil {
			return 0, fmt.Errorf("nightly: record %v: %w", n, err)
		}
		k, err := res.RowsAffected()
		if err != nil {
			return 0, err
		}
		added += int(k)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO runs (id, ran_at) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET ran_at = excluded.ran_at`, at.UTC().Format(instant)); err != nil {
		return 0, err
	}
	return added, tx.Commit()
}

// LastRun returns the instant of the last recorded run; ok is false
// before the first.
func (s *Store) LastRun(ctx context.Context) (at time.Time, ok bool, err error) {
	var text string
	err = s.db.QueryRowContext(ctx, `SELECT ran_at FROM runs WHERE id = 1`).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, err
	}
	at, err = time.Parse(instant, text)
	return at, err == nil, err
}

// Pending returns the notices recorded and not yet sent, in order of due
// instant and subscription ID.
func (s *Store) Pending(ctx context.Context) ([]Notice, error) {
	return s.notices(ctx, `WHERE sent_at IS NULL`)
}

// Sent returns the notices sent, in order of due instant and
// subscription ID.
func (s *Store) Sent(ctx context.Context) ([]Notice, error) {
	return s.notices(ctx, `WHERE sent_at IS NOT NULL`)
}

func (s *Store) notices(ctx context.Context, where string) ([]Notice, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT subscription_id, state, due_at FROM notifications `+where+` ORDER BY due_at, subscription_id, state`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Notice
	for rows.Next() {
		var (
			n   Notice
			due string
		)
		if err := rows.Scan(&n.SubscriptionID, &n.State, &due); err != nil {
			return nil, err
		}
		if n.Due, err = time.Parse(instant, due); err != nil {
			return nil, fmt.Errorf("nightly: notification of %q: due_at %q: %w", n.SubscriptionID, due, err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// MarkSent records that n was delivered at at.
func (s *Store) MarkSent(ctx context.Context, n Notice, at time.Time) error {
	_, err := s.db.ExecContext(ctx, `UPDATE notifications SET sent_at = ? WHERE subscription_id = ? AND state = ? AND due_at = ? AND sent_at IS NULL`,
		at.UTC().Format(instant), n.SubscriptionID, n.State, n.Due.UTC().Format(instant))
	return err
}

package partnercenter_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/partnercenter"
)

// FuzzDecode feeds Decode, Spec and Import arbitrary bytes, seeded with
// the fixtures: none may panic; Decode returns subscriptions or an error,
// never both, and its errors on bytes are invalid input; a Spec that
// comes without an error is one lifecycle.New accepts, and one with an
// error is the zero Spec; Import succeeds exactly when every item maps,
// with one subscription per item.
func FuzzDecode(f *testing.F) {
	for _, pattern := range []string{"testdata/*.json", "testdata/reference/*.json"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range files {
			f.Add(readBytes(f, name))
		}
	}
	for _, s := range []string{``, `null`, `[]`, `{}`, `{"items": [null]}`, `{"items": [{}], "items": []}`,
		"\uFEFF{}", `{"id": "x", "status": "suspended", "offerId": "CFQ7TTC0LH18:0001", "quantity": 1, "autoRenewEnabled": false}`} {
		f.Add([]byte(s))
	}
	opts := partnercenter.Options{
		AsOf:        time.Date(2026, 6, 20, 12, 0, 0, 0, time.UTC),
		SuspendedAt: map[string]time.Time{suspendedID: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), "x": time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, err := partnercenter.Decode(bytes.NewReader(data))
		if err != nil {
			if subs != nil {
				t.Fatalf("Decode returned %d subscriptions and %v", len(subs), err)
			}
			if !errors.Is(err, partnercenter.ErrInvalid) {
				t.Fatalf("Decode error %v is not ErrInvalid", err)
			}
			return
		}
		mapped := 0
		for _, s := range subs {
			spec, err := s.Spec(opts)
			if err != nil {
				if diff := cmp.Diff(lifecycle.Spec{}, spec); diff != "" {
					t.Fatalf("Spec returned a Spec with %v:\n%s", err, diff)
				}
				continue
			}
			if _, err := lifecycle.New(spec); err != nil {
				t.Fatalf("Spec returned a Spec lifecycle.New refuses: %v", err)
			}
			mapped++
		}
		imported, err := partnercenter.Import(bytes.NewReader(data), opts)
		switch {
		case err != nil && imported != nil:
			t.Fatalf("Import returned %d subscriptions and %v", len(imported), err)
		case err == nil && len(imported) != len(subs):
			t.Fatalf("Import = %d subscriptions of %d items", len(imported), len(subs))
		case err == nil && mapped != len(subs):
			t.Fatalf("Import succeeded where Spec refused %d items", len(subs)-mapped)
		}
	})
}

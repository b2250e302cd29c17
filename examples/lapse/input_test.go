package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// TestInputShapes: every shape of input lapse reads gives the same
// subscriptions — JSON documents in an array, one per line, one after
// the other, status records, CSV by flag or by extension.
func TestInputShapes(t *testing.T) {
	a, b := doc("a"), strings.Replace(doc("b"), `"licenses":5`, `"licenses":7,"history":[{"kind":"recurring-billing-off","at":"2026-03-01T09:30:00Z","actor":"billing-admin"}]`, 1)
	csvFile := filepath.Join(t.TempDir(), "subs.CSV")
	csvText := "channel,id,term,start,end,licenses,recurring_billing,history\r\n" +
		"direct-mosa,a,annual,2026-01-01,2026-12-31,5,true,\r\n" +
		"direct-mosa,b,annual,2026-01-01T00:00:00Z,2026-12-31,7,TRUE,recurring-billing-off@2026-03-01T09:30@billing-admin\r\n"
	if err := os.WriteFile(csvFile, []byte(csvText), 0o644); err != nil {
		t.Fatal(err)
	}
	records := lapse([]string{"status", "-in", "-", "-at", "2026-06-01", "-format", "json"}, a+b)
	if records.code != 0 {
		t.Fatalf("status -format json = %d; stderr:\n%s", records.code, records.stderr)
	}
	tests := []struct {
		name  string
		args  []string
		stdin string
	}{
		{"one per line", nil, a + "\n" + b + "\n"},
		{"one after the other", nil, a + b},
		{"array", nil, "[" + a + "," + b + "]"},
		{"indented array", nil, "[\n  " + a + ",\n  " + b + "\n]\n"},
		{"arrays and documents", nil, "[" + a + "]\n" + b},
		{"byte order mark", nil, "\ufeff" + "  \n" + a + b},
		{"status records", nil, records.stdout},
		{"json by flag", []string{"-in-format", "json"}, a + b},
		{"csv by flag", []string{"-in-format", "csv"}, csvText},
	}
	want := ""
	for _, tt := range tests {
		args := append([]string{"status", "-in", "-", "-at", "2026-06-01", "-format", "csv"}, tt.args...)
		r := lapse(args, tt.stdin)
		if r.code != 0 {
			t.Fatalf("%s: lapse %q = %d; stderr:\n%s", tt.name, args, r.code, r.stderr)
		}
		if want == "" {
			want = r.stdout
			if !strings.Contains(want, "\na,") || !strings.Contains(want, "\nb,") {
				t.Fatalf("%s: status of a and b:\n%s", tt.name, want)
			}
			continue
		}
		if diff := cmp.Diff(want, r.stdout); diff != "" {
			t.Errorf("%s: status mismatch (-one per line +%s):\n%s", tt.name, tt.name, diff)
		}
	}
	r := lapse([]string{"status", "-in", csvFile, "-at", "2026-06-01", "-format", "csv"}, "")
	if diff := cmp.Diff(want, r.stdout); r.code != 0 || diff != "" {
		t.Errorf("a .CSV file: lapse = %d, stderr %q, mismatch (-json +csv):\n%s", r.code, r.stderr, diff)
	}
}

// TestPipe runs the commands of README.md's pipe, each reading the
// output of the one before on standard input.
func TestPipe(t *testing.T) {
	step := func(args []string, stdin string) string {
		t.Helper()
		r := lapse(args, stdin)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("lapse %q = %d; stderr:\n%s", args, r.code, r.stderr)
		}
		return r.stdout
	}
	records := step([]string{"status", "-in", "testdata/portfolio.json", "-format", "json", "-at", "2026-06-01"}, "")

	// deadlines takes -from from the records.
	got := step([]string{"deadlines", "-within", "30d", "-in", "-"}, records)
	if want := step([]string{"deadlines", "-within", "30d", "-from", "2026-06-01"}, ""); got != want {
		t.Errorf("status -format json | deadlines -within 30d -in -:\n%s\nwant deadlines -from 2026-06-01 -within 30d:\n%s", got, want)
	}
	// -from given wins over the records'.
	got = step([]string{"deadlines", "-within", "30d", "-in", "-", "-from", "2026-07-01"}, records)
	if want := step([]string{"deadlines", "-within", "30d", "-from", "2026-07-01"}, ""); got != want {
		t.Errorf("deadlines -from 2026-07-01 of the records:\n%s\nwant:\n%s", got, want)
	}
	// status reads its own records back, at their instant, and writes
	// them again unchanged.
	if got, want := step([]string{"status", "-in", "-"}, records), step([]string{"status", "-at", "2026-06-01"}, ""); got != want {
		t.Errorf("status -in - of the records:\n%s\nwant status -at 2026-06-01:\n%s", got, want)
	}
	if again := step([]string{"status", "-in", "-", "-format", "json"}, records); again != records {
		t.Errorf("status -format json of its own records changed them:\n%s\nwant:\n%s", again, records)
	}
	// The output of apply is input: the reactivated subscription is
	// active again.
	applied := step([]string{"apply", "mosa-annual", "-command", "reactivate", "-actor", "billing-admin", "-at", "2026-06-01T09:00"}, "")
	if got := step([]string{"status", "-in", "-", "-at", "2026-06-02", "-format", "csv"}, applied); !strings.Contains(got, "\nmosa-annual,direct-mosa,2026-06-02T00:00:00Z,active,false,2026-06-01T09:00:00Z,reactivated,") {
		t.Errorf("status of the applied subscription:\n%s\nwant it active since the reactivation", got)
	}
	// export's output is input too.
	if got, want := step([]string{"status", "-in", "-", "-at", "2026-06-01"}, step([]string{"export"}, "")), step([]string{"status", "-at", "2026-06-01"}, ""); got != want {
		t.Errorf("status of export's output:\n%s\nwant the built-in portfolio's:\n%s", got, want)
	}
	if got, want := step([]string{"export", "-in", "-", "-in-format", "csv"}, step([]string{"export", "-in", "testdata/portfolio.csv", "-format", "csv"}, "")), step([]string{"export"}, ""); got != want {
		t.Errorf("export of the CSV export:\n%s\nwant the built-in portfolio's:\n%s", got, want)
	}
}

// TestCSVRoundTrip: every column of the CSV form reads back what it
// writes, exactly, and a value it cannot hold is an error.
func TestCSVRoundTrip(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name string
		spec lifecycle.Spec
	}{
		{"every field", lifecycle.Spec{
			ID: "all, \"quoted\"", Channel: policy.DirectMOSA, Term: policy.Annual, Product: policy.Copilot, Offer: "offer-1", Country: "CL",
			Start: at("2026-01-15T10:20:30.123456789Z"), End: clock.Date{Year: 2027, Month: time.January, Day: 14}, Licenses: 30, Assigned: 20,
			Trial: false, ProductKey: true, ProductKeyID: "KEY-1", PaymentMethod: true, RecurringBilling: true, NonUser: true,
			OfferClass: policy.EducationOffer, WindowFrom: at("2026-01-14T08:00:00Z"),
			History: []lifecycle.Event{
				{Kind: lifecycle.ChangeLicenses, At: at("2026-02-01T00:00:00Z"), Actor: lifecycle.BillingAdmin, Licenses: 40, Assigned: 35},
				{Kind: lifecycle.ChangeLicenses, At: at("2026-02-02T00:00:00Z"), Licenses: 40},
				{Kind: lifecycle.RecurringBillingOff, At: at("2026-03-01T12:00:00.5Z")},
				{Kind: lifecycle.Renew, At: at("2027-01-15T00:00:00Z"), ProductKey: "KEY-2"},
			},
		}},
		{"trial via seller", lifecycle.Spec{ID: "t", Channel: policy.DirectMCA, Term: policy.Monthly, Trial: true, ViaSeller: true,
			Start: at("2026-03-02T00:00:00Z"), End: clock.Date{Year: 2026, Month: time.March, Day: 31}, Licenses: 25}},
		{"nothing optional", lifecycle.Spec{ID: "n", Channel: policy.Enterprise, Term: policy.Monthly,
			Start: at("2026-06-01T00:00:00Z"), End: clock.Date{Year: 2026, Month: time.June, Day: 30}}},
	}
	for _, tt := range tests {
		sub, err := lifecycle.New(tt.spec)
		if err != nil {
			t.Fatalf("%s: New: %v", tt.name, err)
		}
		var b bytes.Buffer
		if err := encodeCSV(&b, []lifecycle.Subscription{sub}); err != nil {
			t.Fatalf("%s: encodeCSV: %v", tt.name, err)
		}
		items, err := decodeCSV(b.Bytes(), "test")
		if err != nil {
			t.Fatalf("%s: decodeCSV(%s): %v", tt.name, b.String(), err)
		}
		if len(items) != 1 {
			t.Fatalf("%s: decodeCSV read %d subscriptions, want 1", tt.name, len(items))
		}
		if diff := cmp.Diff(tt.spec, items[0].sub.Spec()); diff != "" {
			t.Errorf("%s: CSV round trip mismatch (-want +got):\n%s\nCSV:\n%s", tt.name, diff, b.String())
		}
		if items[0].src != "test:2" {
			t.Errorf("%s: src = %q, want test:2", tt.name, items[0].src)
		}
	}

	bad := lifecycle.Spec{ID: "k", Channel: policy.DirectMOSA, Term: policy.Annual, ProductKey: true, Start: at("2026-01-01T00:00:00Z"),
		End: clock.Date{Year: 2026, Month: time.December, Day: 31}, History: []lifecycle.Event{{Kind: lifecycle.Renew, At: at("2027-01-01T00:00:00Z"), ProductKey: "A@B"}}}
	sub, err := lifecycle.New(bad)
	if err != nil {
		t.Fatal(err)
	}
	err = encodeCSV(&bytes.Buffer{}, []lifecycle.Subscription{sub})
	if want := `k: history[0].productKey "A@B": has @, ; or =, which the CSV form cannot hold`; err == nil || err.Error() != want {
		t.Errorf("encodeCSV of a product key with @ = %v, want %s", err, want)
	}
}

// TestTimeZone: -tz moves every instant that status, timeline and
// deadlines write (the same instant, at another offset) and no day.
func TestTimeZone(t *testing.T) {
	tests := []struct {
		args     []string
		instants []string // the columns of instants; every other column is the same in every zone
	}{
		{[]string{"status", "-at", "2026-06-01T09:30"}, []string{"at", "since", "next_at", "cancel_window_closes_at", "reactivate_before", "data_gone_by", "deleted_at"}},
		{[]string{"timeline", "mosa-cancelled"}, []string{"start", "end"}},
		{[]string{"deadlines", "-from", "2025-01-01", "-to", "2027-12-31"}, []string{"at"}},
	}
	for _, tt := range tests {
		read := func(tz string) [][]string {
			args := append(tt.args, "-format", "csv", "-tz", tz)
			r := lapse(args, "")
			if r.code != 0 {
				t.Fatalf("lapse %q = %d; stderr:\n%s", args, r.code, r.stderr)
			}
			rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			return rows
		}
		utc, berlin := read("UTC"), read("Europe/Berlin")
		if len(utc) != len(berlin) || len(utc) < 3 {
			t.Fatalf("%q: %d rows in UTC, %d in Europe/Berlin", tt.args, len(utc), len(berlin))
		}
		isInstant := map[int]bool{}
		for i, name := range utc[0] {
			for _, c := range tt.instants {
				if name == c {
					isInstant[i] = true
				}
			}
		}
		if len(isInstant) != len(tt.instants) {
			t.Fatalf("%q: columns %q, want them to include %q", tt.args, utc[0], tt.instants)
		}
		moved := 0
		for r := 1; r < len(utc); r++ {
			for c := range utc[r] {
				u, b := utc[r][c], berlin[r][c]
				if !isInstant[c] || u == "" {
					if u != b {
						t.Errorf("%q row %d %s: %q in UTC, %q in Europe/Berlin; want the same", tt.args, r, utc[0][c], u, b)
					}
					continue
				}
				tu, err1 := time.Parse(time.RFC3339Nano, u)
				tb, err2 := time.Parse(time.RFC3339Nano, b)
				if err1 != nil || err2 != nil || !tu.Equal(tb) || !strings.HasSuffix(u, "Z") || strings.HasSuffix(b, "Z") {
					t.Errorf("%q row %d %s: %q in UTC, %q in Europe/Berlin; want the same instant at each zone's offset", tt.args, r, utc[0][c], u, b)
				}
				moved++
			}
		}
		if moved == 0 {
			t.Errorf("%q: no instant to move", tt.args)
		}
	}
}

// FuzzDecode: whatever the bytes, the readers of -in return subscriptions
// or an error, never a panic, and every subscription they return names
// where it was read.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"portfolio.json", "portfolio.csv", "new.csv", "partnercenter.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"at":"2026-06-01T00:00:00Z","subscription":` + doc("a") + `,"status":null}`))
	f.Add([]byte("[\n" + doc("a") + ",\n{\"id\": }\n]"))
	f.Add([]byte(csvHead + "a,direct-mosa,annual,2026-01-01,2026-12-31,5,change-licenses@2026-02-01@partner@licenses=3@assigned=2;renew@2027-01-01@product-key=K\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for name, decode := range map[string]func([]byte, string) ([]item, error){"json": decodeJSON, "csv": decodeCSV, "partnercenter": decodePartnerCenter} {
			items, err := decode(data, "fuzz")
			if err != nil {
				if err.Error() == "" {
					t.Errorf("%s: an error without a message", name)
				}
				continue
			}
			for _, it := range items {
				if it.sub.IsZero() || !strings.HasPrefix(it.src, "fuzz") {
					t.Errorf("%s: item %+v: want a subscription and where it was read", name, it)
				}
			}
		}
	})
}

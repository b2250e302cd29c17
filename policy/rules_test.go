package policy_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/policy"
)

// Locations that must not change an answer (fixed zones need no tzdata).
var zones = []*time.Location{time.UTC, time.FixedZone("UTC+14", 14*3600), time.FixedZone("UTC-11", -11*3600), time.FixedZone("UTC+5:30", 5*3600+1800)}

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func TestWindowOpen(t *testing.T) {
	hours168 := policy.Window{Kind: policy.AfterStart, Length: 168, Unit: policy.Hours, Inclusive: true}
	hours168Excl := hours168
	hours168Excl.Inclusive = false
	days7 := policy.Window{Kind: policy.AfterStart, Length: 7, Unit: policy.Days, Inclusive: true}
	days7Excl := days7
	days7Excl.Inclusive = false

	// CSP: "purchased at 11 a.m. … can cancel … up until 11 a.m. March 22" (DC-5).
	csp := utc(2026, 3, 15, 11, 0)
	cspEnd := csp.Add(168 * time.Hour)
	// MCA: seven days on dates from the 10th at 15:30 (DC-6).
	mca := utc(2026, 1, 10, 15, 30)
	// A window across a leap day and a month end.
	leap := utc(2024, 2, 25, 8, 0)

	tests := []struct {
		name   string
		w      policy.Window
		t0     time.Time
		now    time.Time
		want   bool
		reason string
	}{
		{"hours before start", hours168, csp, csp.Add(-time.Nanosecond), false, "a window is not open before it starts"},
		{"hours at start", hours168, csp, csp, true, "the start instant is inside"},
		{"hours just before end", hours168, csp, cspEnd.Add(-time.Nanosecond), true, "DC-5: open while now < t0+168h"},
		{"hours at end inclusive", hours168, csp, cspEnd, true, "DC-5 default: the boundary instant is inside"},
		{"hours just after end", hours168, csp, cspEnd.Add(time.Nanosecond), false, "closed after the boundary"},
		{"hours at end exclusive", hours168Excl, csp, cspEnd, false, "the DC-5 alternative: the boundary is outside"},
		{"hours just before end exclusive", hours168Excl, csp, cspEnd.Add(-time.Nanosecond), true, "still open"},

		{"days on the start date before the start time", days7, mca, utc(2026, 1, 10, 0, 0), true, "DC-6 compares dates, not instants"},
		{"days the date before", days7, mca, utc(2026, 1, 9, 23, 59), false, "before the start date"},
		{"days last date, first instant", days7, mca, utc(2026, 1, 17, 0, 0), true, "DC-6: date(now) <= date(t0)+7"},
		{"days last date, last instant", days7, mca, utc(2026, 1, 17, 0, 0).Add(24*time.Hour - time.Nanosecond), true, "the whole last date is inside"},
		{"days the date after", days7, mca, utc(2026, 1, 18, 0, 0), false, "closed the date after"},
		{"days exclusive last date", days7Excl, mca, utc(2026, 1, 17, 0, 0), false, "the DC-6 alternative: date(t0)+7 is outside"},
		{"days exclusive date before last", days7Excl, mca, utc(2026, 1, 16, 23, 59), true, "still open"},
		{"days across a leap day", days7, leap, utc(2024, 2, 29, 12, 0), true, "2024-02-29 is inside"},
		{"days across a month end, last date", days7, leap, utc(2024, 3, 3, 23, 0), true, "25 Feb + 7 = 3 Mar in a leap year"},
		{"days across a month end, after", days7, leap, utc(2024, 3, 4, 0, 0), false, "4 Mar is outside"},

		{"anytime", policy.Window{Kind: policy.Anytime}, csp, csp.AddDate(5, 0, 0), true, "MOSA: open for the whole Active state"},
		{"never", policy.Window{Kind: policy.Never}, csp, csp, false, "never open"},
		{"zero window", policy.Window{}, csp, csp, false, "an invalid kind is closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, t0loc := range zones {
				for _, nowloc := range zones {
					if got := tt.w.Open(tt.t0.In(t0loc), tt.now.In(nowloc)); got != tt.want {
						t.Errorf("Open(%v, %v) = %v, want %v: %s", tt.t0.In(t0loc), tt.now.In(nowloc), got, tt.want, tt.reason)
					}
				}
			}
		})
	}
}

func TestWindowEndAndLastOpen(t *testing.T) {
	t0 := time.Date(2026, 1, 31, 22, 0, 0, 0, time.FixedZone("UTC-5", -5*3600)) // 2026-02-01T03:00Z
	tests := []struct {
		name         string
		w            policy.Window
		end, lastOpn time.Time
	}{
		{"hours inclusive", policy.Window{Kind: policy.AfterStart, Length: 72, Unit: policy.Hours, Inclusive: true},
			utc(2026, 2, 4, 3, 0), utc(2026, 2, 4, 3, 0)},
		{"hours exclusive", policy.Window{Kind: policy.AfterStart, Length: 72, Unit: policy.Hours},
			utc(2026, 2, 4, 3, 0), utc(2026, 2, 4, 3, 0).Add(-time.Nanosecond)},
		{"days inclusive on UTC dates", policy.Window{Kind: policy.AfterStart, Length: 7, Unit: policy.Days, Inclusive: true},
			utc(2026, 2, 8, 0, 0), utc(2026, 2, 8, 0, 0)},
		{"days exclusive", policy.Window{Kind: policy.AfterStart, Length: 7, Unit: policy.Days},
			utc(2026, 2, 8, 0, 0), utc(2026, 2, 7, 0, 0)},
		{"anytime has no end", policy.Window{Kind: policy.Anytime}, time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.end, tt.w.End(t0)); diff != "" {
				t.Errorf("End() mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.lastOpn, tt.w.LastOpen(t0)); diff != "" {
				t.Errorf("LastOpen() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOnlineLimitAllows(t *testing.T) {
	tests := []struct {
		name   string
		limit  policy.OnlineLimit
		counts []int
		want   []bool
		reason string
	}{
		{"inclusive 25", policy.OnlineLimit{Max: 25, Count: policy.Purchased, Inclusive: true}, []int{24, 25, 26}, []bool{true, true, false},
			"2022+: \"25 or fewer licenses\" (R-CAN-1, C-4)"},
		{"exclusive 25", policy.OnlineLimit{Max: 25, Count: policy.Assigned}, []int{24, 25, 26}, []bool{true, false, false},
			"2020–2021: \"fewer than 25\"; exactly 25 [AMBIGUOUS] defaults to call support (AC-15)"},
		{"no limit", policy.OnlineLimit{}, []int{0, 25, 100000}, []bool{true, true, true}, "Max 0 means no limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []bool
			for _, c := range tt.counts {
				got = append(got, tt.limit.Allows(c))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Allows(%v) mismatch (-want +got): %s\n%s", tt.counts, tt.reason, diff)
			}
		})
	}
}

func TestCitationString(t *testing.T) {
	c := policy.Citation{Rules: "R-LC-1, DC-3a", Sources: "[D-WIF-2025-02]"}
	if got, want := c.String(), "R-LC-1, DC-3a ([D-WIF-2025-02])"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// mosa returns the built-in direct MOSA rules of 2026, a valid value to
// break.
func mosa(t *testing.T) policy.Rules {
	t.Helper()
	r, err := policy.Builtin().Lookup(policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual}, utc(2026, 3, 31, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// fieldsOf returns the Field of every *FieldError joined in err.
func fieldsOf(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	if !errors.Is(err, policy.ErrInvalid) {
		t.Errorf("error %v does not match ErrInvalid", err)
	}
	var out []string
	for _, e := range leaves(err) {
		var fe *policy.FieldError
		if !errors.As(e, &fe) {
			t.Errorf("error %v is not a *FieldError", e)
			continue
		}
		out = append(out, fe.Field)
	}
	return out
}

// leaves flattens joined errors.
func leaves(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	return []error{err}
}

func TestRulesValidate(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(r *policy.Rules)
		want   []string
		reason string
	}{
		{"valid", func(*policy.Rules) {}, nil, "the built-in rules are valid"},
		{"zero channel", func(r *policy.Rules) { r.Channel = 0 }, []string{"Rules.Channel"}, "the zero Channel is invalid"},
		{"missing citation", func(r *policy.Rules) { r.Cite = policy.Citation{} }, []string{"Rules.Cite.Rules", "Rules.Cite.Sources"}, "every row cites rules and sources"},
		{"zero anchor", func(r *policy.Rules) { r.ExpiryAnchor = 0 }, []string{"Rules.ExpiryAnchor"}, "DC-3a/DC-3b must be chosen"},
		{"negative days", func(r *policy.Rules) { r.ExpiredDays = -1 }, []string{"Rules.ExpiredDays"}, "negative duration"},
		{"absurd days", func(r *policy.Rules) { r.DisabledDays = 3661 }, []string{"Rules.DisabledDays"}, "more than ten years is a typo"},
		{"largest days", func(r *policy.Rules) { r.DisabledDays = 3660 }, nil, "ten years is allowed"},
		{"absurd hours", func(r *policy.Rules) { r.Purge.ExplicitDeleteHours = 24*3660 + 1 }, []string{"Rules.Purge.ExplicitDeleteHours"}, "more than ten years of hours"},
		{"window without unit", func(r *policy.Rules) { r.Cancel.Window = policy.Window{Kind: policy.AfterStart, Length: 7} },
			[]string{"Rules.Cancel.Window.Unit"}, "an after-start window needs its unit"},
		{"window without length", func(r *policy.Rules) { r.Cancel.Window = policy.Window{Kind: policy.AfterStart, Unit: policy.Days} },
			[]string{"Rules.Cancel.Window.Length"}, "an after-start window needs a positive length"},
		{"anytime window with a length", func(r *policy.Rules) { r.Licenses.RemoveWindow = policy.Window{Kind: policy.Anytime, Length: 3} },
			[]string{"Rules.Licenses.RemoveWindow.Length"}, "only after-start windows have a length"},
		{"zero window", func(r *policy.Rules) { r.Cancel.Window = policy.Window{} }, []string{"Rules.Cancel.Window.Kind"}, "the zero kind is invalid"},
		{"open window without effect", func(r *policy.Rules) { r.Cancel.Effect = 0 }, []string{"Rules.Cancel.Effect"}, "C-7: an open window needs an effect"},
		{"never window without effect", func(r *policy.Rules) { r.Cancel = policy.CancelRules{Window: policy.Window{Kind: policy.Never}} }, nil,
			"a window that never opens needs no effect"},
		{"limit without count and action", func(r *policy.Rules) { r.Cancel.Online = policy.OnlineLimit{Max: 25} },
			[]string{"Rules.Cancel.Online.Count", "Rules.Cancel.Online.Over"}, "C-4: a limit says what it counts and what to do above it"},
		{"negative limit", func(r *policy.Rules) { r.Cancel.Online.Max = -1 }, []string{"Rules.Cancel.Online.Max"}, "negative limit"},
		{"purge deadline before not-before", func(r *policy.Rules) { r.Purge.CancelDeadlineDays = 80 }, []string{"Rules.Purge.CancelDeadlineDays"},
			"DC-7: the deadline (180) cannot precede the earliest purge (90)"},
		{"zero purge anchor", func(r *policy.Rules) { r.Purge.ExpiryDeadlineFrom = 0 }, []string{"Rules.Purge.ExpiryDeadlineFrom"}, "R-DAT-3 must be chosen"},
		{"suspension without outcome", func(r *policy.Rules) { r.Suspension.Allowed = true }, []string{"Rules.Suspension.AtTermEnd"}, "C-8 must be chosen"},
		{"trial without length", func(r *policy.Rules) { r.Trial.Days = 0 }, []string{"Rules.Trial.Days"}, "an available trial has a length"},
		{"trial converting to nothing", func(r *policy.Rules) { r.Trial.ConvertTerm = 0 }, []string{"Rules.Trial.ConvertTerm"}, "auto-convert needs a term"},
		{"extendable trial without extension", func(r *policy.Rules) { r.Trial.ExtensionDays = 0 }, []string{"Rules.Trial.ExtensionDays"}, "R-TRI-4"},
		{"negative counts", func(r *policy.Rules) { r.Trial.Licenses, r.Trial.MaxExtensions, r.Licenses.Min = -1, -1, -1 },
			[]string{"Rules.Trial.Licenses", "Rules.Trial.MaxExtensions", "Rules.Licenses.Min"}, "counts are not negative"},
		{"surcharge over 100", func(r *policy.Rules) { r.Renewal.ESTSurchargePercent = 101 }, []string{"Rules.Renewal.ESTSurchargePercent"}, "a percentage"},
		{"all at once", func(r *policy.Rules) {
			r.Channel, r.ExpiredDays, r.Cancel.Window.Kind, r.Renewal.ESTSurchargePercent = 0, -5, 0, -1
		}, []string{"Rules.Channel", "Rules.ExpiredDays", "Rules.Cancel.Window.Kind", "Rules.Renewal.ESTSurchargePercent"}, "every problem is reported, not only the first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mosa(t)
			tt.edit(&r)
			if diff := cmp.Diff(tt.want, fieldsOf(t, r.Validate())); diff != "" {
				t.Errorf("Validate() fields mismatch (-want +got): %s\n%s", tt.reason, diff)
			}
		})
	}
}

func TestFieldErrorMessage(t *testing.T) {
	r := mosa(t)
	r.ExpiredDays = -1
	want := "policy: Rules.ExpiredDays = -1: must not be negative"
	if got := r.Validate().Error(); got != want {
		t.Errorf("Validate().Error() = %q, want %q", got, want)
	}
}

// TestSellerWindow: without seller days (R-CAN-4) the channel's own
// window applies; with them, a date window of that many days that
// includes its last date (DC-6).
func TestSellerWindow(t *testing.T) {
	own := policy.Window{Kind: policy.AfterStart, Length: 168, Unit: policy.Hours}
	if got := (policy.CancelRules{Window: own}).SellerWindow(); got != own {
		t.Errorf("SellerWindow without seller days = %+v, want the channel's %+v", got, own)
	}
	for _, days := range []int{1, 7, 10} {
		want := policy.Window{Kind: policy.AfterStart, Length: days, Unit: policy.Days, Inclusive: true}
		if got := (policy.CancelRules{Window: own, SellerWindowDays: days}).SellerWindow(); got != want {
			t.Errorf("SellerWindow with %d days = %+v, want %+v", days, got, want)
		}
	}
}

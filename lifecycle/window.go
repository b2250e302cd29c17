package lifecycle

import "github.com/lapse-go/lapse/policy"

// windowEnd is policy.Window.End on nanosecond instants, for a window of
// kind AfterStart that started at t0: for Days, the 00:00Z of t0's UTC
// date plus Length days; otherwise (Hours) t0 plus Length hours.
func windowEnd(w *policy.Window, t0 int64) int64 {
	if w.Unit == policy.Days {
		return dayOf(t0).add(w.Length).ns()
	}
	return addHours(t0, w.Length)
}

// windowClosesAt returns the first instant at which the window of kind
// AfterStart that started at t0 is no longer open (see windowOpen): for
// Days, 00:00Z of the day after its last date; for Hours, its end, or the
// nanosecond after it when Inclusive.
func windowClosesAt(w *policy.Window, t0 int64) int64 {
	end := windowEnd(w, t0)
	switch {
	case !w.Inclusive:
		return end
	case w.Unit == policy.Days:
		return end + dayNs
	}
	return end + 1
}

// windowOpen is policy.Window.Open on nanosecond instants: whether the
// window that started at t0 is open at now. Days windows compare UTC dates
// (DC-6), Hours windows instants from the exact start (DC-5); Inclusive
// says whether the boundary is inside ([AMBIGUOUS] in both).
func windowOpen(w *policy.Window, t0, now int64) bool {
	switch w.Kind {
	case policy.Anytime:
		return true
	case policy.AfterStart:
		end := windowEnd(w, t0)
		if w.Unit == policy.Days {
			if dayOf(now) < dayOf(t0) {
				return false
			}
			d := dayOf(now).ns()
			if w.Inclusive {
				return d <= end
			}
			return d < end
		}
		if now < t0 {
			return false
		}
		if w.Inclusive {
			return now <= end
		}
		return now < end
	}
	return false
}

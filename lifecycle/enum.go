package lifecycle

// enumError is this package's enumtext.ErrorFunc: the enums' text, JSON
// and database/sql methods report a bad value as a *FieldError naming the
// type, such as "State".
func enumError(typ string, v any, reason string) error {
	return &FieldError{Field: typ, Value: v, Reason: reason}
}

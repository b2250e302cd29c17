module github.com/lapse-go/lapse

go 1.24.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/looplab/fsm v1.0.3
	golang.org/x/text v0.34.0
	pgregory.net/rapid v1.3.0
)

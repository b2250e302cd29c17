module github.com/lapse-go/lapse/benchmarks

go 1.24.0

require (
	github.com/lapse-go/lapse v0.0.0
	github.com/looplab/fsm v1.0.3
	github.com/qmuntal/stateless v1.7.2
)

require golang.org/x/text v0.34.0 // indirect

replace github.com/lapse-go/lapse => ../

package main

import (
	"time"

	"github.com/qmuntal/stateless"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// statelessStateAt answers with github.com/qmuntal/stateless as its README
// teaches it: a machine from stateless.NewStateMachine, each state
// configured with Configure(state).Permit(trigger, destination), driven
// with Fire and read with MustState. It builds a fresh machine for the
// question and replays the subscription into it up to t.
func statelessStateAt(spec *lifecycle.Spec, table *policy.Table, t time.Time) (string, error) {
	m := stateless.NewStateMachine(stActive)
	m.Configure(stActive).
		Permit(evExpire, stExpired).
		Permit(evDisable, stDisabled).
		Permit(evDeprovision, stDeleted).
		Permit(evCancel, stDisabled)
	m.Configure(stExpired).
		Permit(evDisable, stDisabled).
		Permit(evDeprovision, stDeleted).
		Permit(evDelete, stDeleted).
		Permit(evReactivate, stActive).
		Permit(evRenew, stActive)
	m.Configure(stDisabled).
		Permit(evDeprovision, stDeleted).
		Permit(evDelete, stDeleted).
		Permit(evReactivate, stActive)
	m.Configure(stDeleted)
	return replayTo(statelessMachine{m}, spec, table, t)
}

// statelessMachine is a qmuntal/stateless machine as a replay drives it.
type statelessMachine struct{ m *stateless.StateMachine }

func (s statelessMachine) Fire(event string) error { return s.m.Fire(event) }

func (s statelessMachine) State() string { return s.m.MustState().(string) }

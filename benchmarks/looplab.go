package main

import (
	"context"
	"time"

	"github.com/looplab/fsm"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// looplabStateAt answers with github.com/looplab/fsm as its README teaches
// it: a machine built with fsm.NewFSM from string states and fsm.Events,
// no callbacks, driven with Event and read with Current. It builds a
// fresh machine for the question and replays the subscription into it up
// to t.
func looplabStateAt(spec *lifecycle.Spec, table *policy.Table, t time.Time) (string, error) {
	m := fsm.NewFSM(
		stActive,
		fsm.Events{
			{Name: evExpire, Src: []string{stActive}, Dst: stExpired},
			{Name: evDisable, Src: []string{stActive, stExpired}, Dst: stDisabled},
			{Name: evDeprovision, Src: []string{stActive, stExpired, stDisabled}, Dst: stDeleted},
			{Name: evCancel, Src: []string{stActive}, Dst: stDisabled},
			{Name: evDelete, Src: []string{stExpired, stDisabled}, Dst: stDeleted},
			{Name: evReactivate, Src: []string{stExpired, stDisabled}, Dst: stActive},
			{Name: evRenew, Src: []string{stExpired}, Dst: stActive},
		},
		fsm.Callbacks{},
	)
	return replayTo(looplabMachine{m}, spec, table, t)
}

// looplabMachine is a looplab/fsm machine as a replay drives it.
type looplabMachine struct{ m *fsm.FSM }

func (l looplabMachine) Fire(event string) error { return l.m.Event(context.Background(), event) }

func (l looplabMachine) State() string { return l.m.Current() }

import { describe, expect, it } from 'vitest';
import { defineWorkflow, timeline } from './machine.ts';

// The mediation workflow of issue 5, as data: received → accepted → mediating → agreement | failed → closed.
const mediation = defineWorkflow({
  name: 'mediation',
  initial: 'received',
  states: { received: {}, accepted: {}, mediating: {}, agreement: {}, failed: {}, closed: { final: true } },
  transitions: {
    accept: { from: ['received'], to: 'accepted', roles: ['mediator', 'operator'] },
    startMediation: { from: ['accepted'], to: 'mediating', roles: ['mediator'] },
    reachAgreement: { from: ['mediating'], to: 'agreement', roles: ['mediator'] },
    fail: { from: ['mediating'], to: 'failed', requiresReason: true, roles: ['mediator'] },
    close: { from: ['agreement', 'failed'], to: 'closed' },
    reopen: { from: ['closed', 'agreement'], to: 'mediating', requiresReason: true, label: { zh: '重新调解', en: 'reopened' } },
  },
});

function resolvedCase() {
  let m = mediation.create({ actor: 'operator-7', role: 'operator', at: '2026-03-01T01:00:00Z', data: { caseNo: 'M-001' } });
  for (const [t, at, reason] of [
    ['accept', '2026-03-01T02:00:00Z', undefined],
    ['startMediation', '2026-03-02T02:00:00Z', undefined],
    ['reachAgreement', '2026-03-05T02:00:00Z', '双方就赔偿金额达成一致'],
    ['close', '2026-03-05T03:00:00Z', undefined],
  ] as const) {
    const r = mediation.apply(m, t, { actor: 'mediator-3', role: 'mediator', at, ...(reason ? { reason } : {}) });
    if (!r.ok) throw new Error(r.errors.map((e) => e.code).join());
    m = r.instance;
  }
  return m;
}

describe('workflow state machine', () => {
  it('C21: a resolved mediation reopens only through an explicit reopen transition with actor, time, reason, from and to', () => {
    const closed = resolvedCase();
    expect(closed.state).toBe('closed');
    // The satisfaction answer 'not resolved' arrives: there is no implicit way back.
    expect(mediation.available(closed, 'mediator')).toEqual(['reopen']);
    const refused = mediation.apply(closed, 'reopen', { actor: 'operator-7', role: 'operator', at: '2026-03-10T01:00:00Z' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.map((e) => e.code)).toEqual(['WORKFLOW_REASON_REQUIRED']);
    const wrongState = mediation.apply(closed, 'startMediation', { actor: 'mediator-3', role: 'mediator', at: '2026-03-10T01:00:00Z' });
    expect(wrongState.ok).toBe(false);
    if (!wrongState.ok) expect(wrongState.errors[0]!.code).toBe('WORKFLOW_TRANSITION_NOT_ALLOWED');

    const reopened = mediation.apply(closed, 'reopen', { actor: 'operator-7', role: 'operator', at: '2026-03-10T01:00:00Z', reason: '回访：当事人表示问题未解决' });
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    expect(reopened.event).toMatchObject({ transition: 'reopen', from: 'closed', to: 'mediating', actor: 'operator-7', at: '2026-03-10T01:00:00.000Z', reason: '回访：当事人表示问题未解决' });
    const steps = timeline(mediation, reopened.instance).map((e) => `${e.from ?? '-'}>${e.to}`);
    expect(steps).toEqual(['->received', 'received>accepted', 'accepted>mediating', 'mediating>agreement', 'agreement>closed', 'closed>mediating']);
    expect(timeline(mediation, reopened.instance).at(-1)!.label.zh).toBe('重新调解');
    expect(reopened.instance.version).toBe(6);
    // The earlier instance is unchanged (pure apply).
    expect(closed.state).toBe('closed');
  });

  it('refuses roles, missing actors and steps back in time, all at once, as values', () => {
    const m = mediation.create({ actor: 'op', at: '2026-03-01T01:00:00Z' });
    const r = mediation.apply(m, 'accept', { actor: ' ', role: 'resident', at: '2026-02-01T00:00:00Z' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code).sort()).toEqual(['WORKFLOW_ACTOR_REQUIRED', 'WORKFLOW_ROLE_FORBIDDEN', 'WORKFLOW_TIME_ORDER']);
    const unknown = mediation.apply(m, 'teleport' as never, { actor: 'op', at: '2026-03-02T00:00:00Z' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]!.message).toContain('teleport');
  });

  it('replays stored events and rejects a tampered history', () => {
    const closed = resolvedCase();
    const again = mediation.replay(closed.events);
    expect(again.ok && again.instance.state).toBe('closed');
    const tampered = closed.events.map((e) => (e.seq === 2 ? { ...e, transition: 'close' as const } : e));
    const bad = mediation.replay(tampered);
    expect(bad.ok).toBe(false);
  });

  it('rejects a definition naming an unknown state', () => {
    expect(() => defineWorkflow({ name: 'x', initial: 'a', states: { a: {} }, transitions: { go: { from: ['a'], to: 'b' as 'a' } } })).toThrow(/unknown state b/);
  });
});

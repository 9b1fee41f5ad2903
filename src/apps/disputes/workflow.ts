/**
 * The appeal/dispute workflow on the workflow engine (src/engines/workflow):
 * received → accepted → mediating → agreement | failed → closed, plus `assign` (routing, stays
 * received), `answer` (an appeal or consultation answered without mediation: accepted →
 * closed, with the answer as reason), `reassign` (back to received at another org, with a reason), `decline` (不予受理,
 * with a reason), `refer` (escalation / referral to another route, with a reason), `reopen`
 * (closed, agreement or failed → mediating, with a reason; case C21: the only way back from a
 * resolved case). Every step is an event with actor, role, time, reason, from and to.
 */
import { defineWorkflow, type WorkflowEvent, type WorkflowInstance } from '../../engines/workflow/machine.ts';

export const APPEAL_STATES = ['received', 'accepted', 'mediating', 'agreement', 'failed', 'referred', 'closed'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];
export const APPEAL_TRANSITIONS = ['assign', 'reassign', 'accept', 'decline', 'answer', 'startMediation', 'reachAgreement', 'fail', 'refer', 'close', 'reopen'] as const;
export type AppealTransition = (typeof APPEAL_TRANSITIONS)[number];

/** Transitions an operator may fire directly through POST …/transitions (the others have their own endpoints). */
export const DIRECT_TRANSITIONS: readonly AppealTransition[] = ['accept', 'decline', 'answer', 'startMediation', 'fail', 'close', 'reopen'];

/** The workflow declaration. */
export const appealWorkflow = defineWorkflow<AppealState, AppealTransition>({
  name: 'appeal',
  initial: 'received',
  states: {
    received: { label: { zh: '已登记', en: 'received' } },
    accepted: { label: { zh: '已受理', en: 'accepted' } },
    mediating: { label: { zh: '调解中', en: 'mediating' } },
    agreement: { label: { zh: '达成协议', en: 'agreement reached' } },
    failed: { label: { zh: '调解不成', en: 'mediation failed' } },
    referred: { label: { zh: '已转办', en: 'referred' } },
    closed: { final: true, label: { zh: '已结案', en: 'closed' } },
  },
  transitions: {
    assign: { from: ['received'], to: 'received', label: { zh: '分派', en: 'assigned' } },
    reassign: { from: ['received', 'accepted'], to: 'received', requiresReason: true, label: { zh: '改派', en: 'reassigned' } },
    accept: { from: ['received'], to: 'accepted', label: { zh: '受理', en: 'accepted' } },
    decline: { from: ['received'], to: 'closed', requiresReason: true, label: { zh: '不予受理', en: 'declined' } },
    answer: { from: ['accepted'], to: 'closed', requiresReason: true, label: { zh: '答复办结', en: 'answered and closed' } },
    startMediation: { from: ['accepted'], to: 'mediating', label: { zh: '开始调解', en: 'mediation started' } },
    reachAgreement: { from: ['mediating'], to: 'agreement', label: { zh: '达成调解协议', en: 'agreement reached' } },
    fail: { from: ['mediating'], to: 'failed', requiresReason: true, label: { zh: '调解不成', en: 'mediation failed' } },
    refer: { from: ['accepted', 'mediating', 'failed'], to: 'referred', requiresReason: true, label: { zh: '转办 / 升级', en: 'referred / escalated' } },
    close: { from: ['agreement', 'failed', 'referred'], to: 'closed', label: { zh: '结案', en: 'closed' } },
    reopen: { from: ['closed', 'agreement', 'failed'], to: 'mediating', requiresReason: true, label: { zh: '重新调解', en: 'reopened' } },
  },
});

/** States in which a case counts toward its org's current load. */
export const OPEN_STATES: readonly AppealState[] = ['received', 'accepted', 'mediating'];

/** Rebuild an instance from stored events. @throws Error when the stored history does not replay (tampering or a bug). */
export function replayAppeal(events: readonly WorkflowEvent<AppealState, AppealTransition>[]): WorkflowInstance<AppealState, AppealTransition> {
  const r = appealWorkflow.replay(events);
  if (!r.ok) throw new Error(`stored appeal history does not replay: ${r.errors.map((e) => e.code).join(', ')}`);
  return r.instance;
}

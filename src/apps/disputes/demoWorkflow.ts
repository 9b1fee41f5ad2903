/**
 * One demo case walked through the appeal workflow as far as its age allows, every step applied
 * by the workflow engine (so the stored history replays): assign, then decline (3 %) or accept
 * after 1–30 h (some late: acceptance SLA breached); appeals and consultations are answered
 * after 6 h – 5 days; disputes start mediation after 4–72 h, end in agreement (80 %), failure
 * (12 %) or referral to court-connected mediation (8 %) after 1–25 days, close a day later, get
 * a follow-up visit, and 2 % of those are reopened because the party says it is not resolved.
 */
import type { WorkflowInstance } from '../../engines/workflow/machine.ts';
import type { Org } from '../orgs/types.ts';
import { coverageLevel } from '../orgs/validate.ts';
import { milestoneDue } from './intake.ts';
import type { SlaMilestone } from './slaPolicy.ts';
import { appealWorkflow, OPEN_STATES, type AppealState, type AppealTransition } from './workflow.ts';

const H = 3_600_000;

export interface SimulatedCase {
  readonly instance: WorkflowInstance<AppealState, AppealTransition>;
  readonly orgCode: string | null;
  /** The org whose load the case adds to, when it is still open. */
  readonly openAtOrg: string | null;
  readonly milestones: { accepted_at: string | null; first_contact_at: string | null; resolved_at: string | null; closed_at: string | null; resolution_due: string | null };
  readonly session: { at: string; place: string; mediator: string; attendees: string; notes: string; recorded_by: string } | null;
  readonly agreement: { facts: string; terms: string; performance: string; copies: number; signed_at: string; mediator: string; org_code: string | null } | null;
  readonly followUp: { at: string; by_user: string; method: string; satisfaction: number; resolved: number; note: string | null } | null;
}

/** Walk one case (pure given `rand`). */
export function simulateCase(rand: () => number, c: { received: Date; now: Date; orgCode: string | null; routingReason: string; kind: string; resolutionWithin: SlaMilestone; orgs: readonly Org[]; divisionCode: string }): SimulatedCase {
  let inst = appealWorkflow.create({ actor: 'demo-intake', role: 'regulator', at: c.received, data: { channel: 'demo' } });
  let t = c.received.getTime();
  let orgCode = c.orgCode;
  const ms: SimulatedCase['milestones'] = { accepted_at: null, first_contact_at: null, resolved_at: null, closed_at: null, resolution_due: null };
  let session: SimulatedCase['session'] = null;
  let agreement: SimulatedCase['agreement'] = null;
  let followUp: SimulatedCase['followUp'] = null;
  const step = (transition: AppealTransition, afterMs: number, reason?: string, data?: Record<string, unknown>): boolean => {
    if (t + afterMs > c.now.getTime()) return false;
    t += afterMs;
    const r = appealWorkflow.apply(inst, transition, { actor: transition === 'assign' ? 'router' : 'demo-mediator', role: transition === 'assign' ? 'system' : 'regulator', at: new Date(t), ...(reason ? { reason } : {}), ...(data ? { data } : {}) });
    if (!r.ok) throw new Error(`demo workflow: ${r.errors.map((e) => e.code).join()}`);
    inst = r.instance;
    return true;
  };
  const iso = () => new Date(t).toISOString();
  const hours = (lo: number, hi: number) => (lo + rand() * (hi - lo)) * H;
  const result = (): SimulatedCase => ({ instance: inst, orgCode, openAtOrg: orgCode && (OPEN_STATES as readonly string[]).includes(inst.state) ? orgCode : null, milestones: ms, session, agreement, followUp });
  if (!orgCode || !step('assign', 60_000, c.routingReason, { orgCode })) return result();
  if (rand() < 0.03) {
    if (step('decline', hours(2, 20), '不属于本机构受理范围，已告知当事人其他途径')) ms.closed_at = iso();
    return result();
  }
  if (!step('accept', rand() < 0.12 ? hours(30, 90) : hours(1, 20))) return result();
  ms.accepted_at = iso();
  ms.resolution_due = milestoneDue(new Date(t), c.resolutionWithin).toISOString();
  if (c.kind !== 'dispute') {
    if (step('answer', hours(6, 24 * 5), '已答复诉求人并办结')) ms.first_contact_at = ms.resolved_at = ms.closed_at = iso();
    return result();
  }
  if (!step('startMediation', hours(4, 72))) return result();
  ms.first_contact_at = iso();
  session = { at: iso(), place: '调解室', mediator: 'demo-mediator', attendees: '["申请人","被申请人"]', notes: '听取双方陈述，释法明理。', recorded_by: 'demo-mediator' };
  const r = rand();
  const after = hours(24, 24 * 25);
  if (r < 0.8) {
    if (!step('reachAgreement', after, '双方自愿达成调解协议')) return result();
    agreement = { facts: '双方就纠纷事实和责任经调解取得一致。', terms: '["被申请人于十五日内一次性支付约定款项","双方就此纠纷再无其他争议"]', performance: '银行转账，十五日内履行完毕', copies: 3, signed_at: iso(), mediator: 'demo-mediator', org_code: orgCode };
  } else if (r < 0.92) {
    if (!step('fail', after, '双方分歧较大，调解不成，已告知其他解决途径')) return result();
  } else {
    const court = c.orgs.filter((o) => o.kind === 'court_mediation' && coverageLevel(o.divisionsServed, c.divisionCode) > 0)[0];
    if (!step('refer', after, '调解不成，引导当事人转入诉调对接', { route: 'court_mediation', orgCode: court?.code ?? null, fromOrg: orgCode })) return result();
    if (court) orgCode = court.code;
  }
  ms.resolved_at = iso();
  if (!step('close', hours(2, 48))) return result();
  ms.closed_at = iso();
  const visitAt = t + hours(24, 120);
  if (visitAt > c.now.getTime()) return result();
  const satisfied = inst.events.some((e) => e.transition === 'reachAgreement');
  const notResolved = rand() < 0.02;
  followUp = { at: new Date(visitAt).toISOString(), by_user: 'demo-visitor', method: 'phone', satisfaction: notResolved ? 2 : satisfied ? 4 + Math.round(rand()) : 2 + Math.round(rand()), resolved: notResolved ? 0 : 1, note: notResolved ? '当事人表示问题未解决' : null };
  t = visitAt;
  if (notResolved && step('reopen', hours(1, 24), '回访：当事人表示问题未解决')) {
    ms.resolved_at = null;
    ms.closed_at = null;
  }
  return result();
}

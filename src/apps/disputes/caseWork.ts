/**
 * Case work on a stored appeal, each step a recorded workflow transition (actor, role, time,
 * reason, from, to) applied with optimistic concurrency: direct transitions (accept, decline,
 * answer, startMediation, fail, close, reopen — C21: a resolved case comes back only through `reopen`
 * with a reason), routing and reassignment, escalation/referral, first contact, mediation
 * sessions, the agreement, follow-up visits with satisfaction, and category corrections.
 */
import { AppError, issue } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { findOrg, listOrgRows } from '../orgs/repository.ts';
import { categoryTree } from './categories.ts';
import { DisputesErrors as E } from './errors.ts';
import { ESCALATION_DEFS, escalationOptions, type EscalationOption, type EscalationRoute } from './escalation.ts';
import { decideRoute, eventRow, milestoneDue, type Actor } from './intake.ts';
import { requireAppeal, toEvent } from './appealView.ts';
import { appealEvents, appendEvent, type Appeal } from './repository.ts';
import { disputesDb, type AppealRow } from './schema.ts';
import { appealWorkflow, replayAppeal, type AppealTransition } from './workflow.ts';

/** Options of a transition. */
export interface TransitionOptions {
  readonly reason?: string;
  readonly data?: Readonly<Record<string, unknown>>;
  /** Refuse with DISPUTES_STALE unless the appeal is still at this version. */
  readonly expectedVersion?: number;
}

type Patch = Partial<Omit<AppealRow, 'id'>>;

/** Column updates implied by entering a state (milestone instants, SLA of resolution). */
function patchFor(a: Appeal, transition: AppealTransition, to: string, at: string, ctx: PlatformContext): Patch {
  const p: Patch = { state: to, updated_at: ctx.now().toISOString() };
  if (transition === 'accept') {
    p.accepted_at = at;
    p.resolution_due = milestoneDue(new Date(at), categoryTree(ctx.config.sharedDataDir).nodes.get(a.category)!.sla.resolution).toISOString();
  }
  if ((transition === 'startMediation' || transition === 'answer') && !a.first_contact_at) p.first_contact_at = at;
  if (to === 'agreement' || to === 'failed' || to === 'referred' || transition === 'answer') p.resolved_at = at;
  if (to === 'closed') p.closed_at = at;
  if (transition === 'reopen') {
    p.resolved_at = null;
    p.closed_at = null;
  }
  return p;
}

/**
 * Fire a transition on an appeal and store it.
 * @returns the appeal row after the step
 * @throws AppError DISPUTES_APPEAL_NOT_FOUND, DISPUTES_STALE (409), DISPUTES_TRANSITION_REFUSED
 *   (409, with the workflow issues as details: not allowed from the state, reason required …).
 */
export async function fireTransition(ctx: PlatformContext, appealNo: string, transition: AppealTransition, actor: Actor, options: TransitionOptions = {}, extra: Patch = {}): Promise<Appeal> {
  const a = await requireAppeal(ctx, appealNo);
  if (options.expectedVersion !== undefined && options.expectedVersion !== Number(a.version)) throw new AppError(E.DISPUTES_STALE, { appealNo, expected: options.expectedVersion, actual: Number(a.version) });
  const instance = replayAppeal((await appealEvents(ctx.database, a.id)).map(toEvent));
  const now = ctx.now();
  const last = instance.events.at(-1)!.at;
  const at = now.toISOString() < last ? last : now.toISOString();
  const r = appealWorkflow.apply(instance, transition, { actor: actor.username, ...(actor.role ? { role: actor.role } : {}), at, ...(options.reason ? { reason: options.reason } : {}), ...(options.data ? { data: options.data } : {}) });
  if (!r.ok) throw new AppError(E.DISPUTES_TRANSITION_REFUSED, { transition, reasons: r.errors.map((e) => e.message).join('；'), reasonsEn: r.errors.map((e) => e.messageEn).join('; ') }, r.errors);
  const patch = { ...patchFor(a, transition, r.event.to, r.event.at, ctx), ...extra };
  const stored = await disputesDb(ctx.database.db).transaction().execute((trx) => appendEvent(trx, a.id, Number(a.version), eventRow(r.event), patch));
  if (!stored) throw new AppError(E.DISPUTES_STALE, { appealNo, expected: Number(a.version), actual: Number(a.version) + 1 });
  return requireAppeal(ctx, appealNo);
}

/**
 * Route an unassigned appeal with the router, or reassign it to `orgCode` (a reason is then
 * required; an accepted case goes back to received at the new org).
 * @throws AppError DISPUTES_NO_ORG when the router finds none, DISPUTES_ORG_NOT_FOUND, DISPUTES_REASON_REQUIRED.
 */
export async function routeOrReassign(ctx: PlatformContext, appealNo: string, actor: Actor, options: { orgCode?: string; reason?: string; expectedVersion?: number } = {}): Promise<Appeal> {
  const a = await requireAppeal(ctx, appealNo);
  if (options.orgCode) {
    const org = await findOrg(ctx.database, options.orgCode);
    if (!org || org.active === false) throw new AppError(E.DISPUTES_ORG_NOT_FOUND, { code: options.orgCode });
    if (!options.reason?.trim()) throw new AppError(E.DISPUTES_REASON_REQUIRED, { action: 'reassign' }, [issue(E.DISPUTES_REASON_REQUIRED, { action: 'reassign' }, 'reason')]);
    const routing = { orgCode: org.code, reasons: [{ code: 'MANUAL', zh: `人工改派：${options.reason.trim()}`, en: `reassigned by ${actor.username}: ${options.reason.trim()}` }], candidates: [] };
    return fireTransition(ctx, appealNo, a.org_code ? 'reassign' : 'assign', actor, { reason: options.reason, data: { orgCode: org.code, from: a.org_code }, ...(options.expectedVersion !== undefined ? { expectedVersion: options.expectedVersion } : {}) }, { org_code: org.code, routing: JSON.stringify(routing), accepted_at: null, resolution_due: null });
  }
  const decision = await decideRoute(ctx, a.routing_key, a.division_code);
  if (!decision.orgCode) throw new AppError(E.DISPUTES_NO_ORG, { routingKey: a.routing_key, divisionCode: a.division_code });
  const reason = decision.reasons.map((x) => x.zh).join('；');
  const t: AppealTransition = a.org_code ? 'reassign' : 'assign';
  return fireTransition(ctx, appealNo, t, { username: 'router', role: 'system' }, { reason: t === 'reassign' ? `${options.reason ?? '重新分派'}；${reason}` : reason, data: { orgCode: decision.orgCode, requestedBy: actor.username } }, { org_code: decision.orgCode, routing: JSON.stringify(decision), accepted_at: null, resolution_due: null });
}

/** The escalation routes open to the appeal now, with their bodies. */
export async function appealEscalationOptions(ctx: PlatformContext, appealNo: string): Promise<EscalationOption[]> {
  const a = await requireAppeal(ctx, appealNo);
  return escalationOptions(a.dispute_type ?? a.routing_key, a.division_code, await listOrgRows(ctx.database, { activeOnly: true, divisionCode: a.division_code }));
}

/**
 * Escalate / refer the case along a route (court-connected mediation, arbitration, legal aid,
 * or a medical route of the 2018 regulation): `refer` transition with the route, its legal
 * source and target org; the case's org becomes the target (unchanged for negotiation).
 * @throws AppError DISPUTES_ESCALATION_UNAVAILABLE (409), DISPUTES_TRANSITION_REFUSED (state or reason).
 */
export async function escalate(ctx: PlatformContext, appealNo: string, route: EscalationRoute, reason: string, actor: Actor): Promise<Appeal> {
  const options = await appealEscalationOptions(ctx, appealNo);
  const option = options.find((o) => o.route === route);
  if (!option || !option.available) throw new AppError(E.DISPUTES_ESCALATION_UNAVAILABLE, { route, allowed: options.filter((o) => o.available).map((o) => o.route).join(', ') || '-' });
  const a = await requireAppeal(ctx, appealNo);
  return fireTransition(ctx, appealNo, 'refer', actor, { reason, data: { route, source: ESCALATION_DEFS[route].source, orgCode: option.target?.orgCode ?? null, fromOrg: a.org_code } }, option.target ? { org_code: option.target.orgCode } : {});
}

/** Record the first contact with the parties (sets the first-contact milestone once). */
export async function recordContact(ctx: PlatformContext, appealNo: string, input: { method: string; note?: string | null }, actor: Actor): Promise<Appeal> {
  const a = await requireAppeal(ctx, appealNo);
  if (!a.first_contact_at) {
    await disputesDb(ctx.database.db).updateTable('disputes_appeals').set({ first_contact_at: ctx.now().toISOString(), updated_at: ctx.now().toISOString() }).where('id', '=', a.id).execute();
  }
  await disputesDb(ctx.database.db).insertInto('disputes_sessions').values({ appeal_id: a.id, at: ctx.now().toISOString(), place: `联系 contact: ${input.method}`, mediator: actor.username, attendees: '[]', notes: input.note ?? '', recorded_by: actor.username }).execute();
  return requireAppeal(ctx, appealNo);
}

/**
 * Record a mediation session; the case must be accepted or mediating (an accepted case moves
 * to mediating through `startMediation`, which is also the first contact when none was recorded).
 * @throws AppError DISPUTES_NOT_MEDIATING (409).
 */
export async function addSession(ctx: PlatformContext, appealNo: string, input: { at?: string; place: string; mediator: string; attendees: readonly string[]; notes: string }, actor: Actor): Promise<Appeal> {
  let a = await requireAppeal(ctx, appealNo);
  if (a.state === 'accepted') a = await fireTransition(ctx, appealNo, 'startMediation', actor);
  if (a.state !== 'mediating') throw new AppError(E.DISPUTES_NOT_MEDIATING, { what: '调解会谈', whatEn: 'a mediation session', state: a.state });
  const at = input.at ? new Date(input.at).toISOString() : ctx.now().toISOString();
  await disputesDb(ctx.database.db).insertInto('disputes_sessions').values({ appeal_id: a.id, at, place: input.place, mediator: input.mediator, attendees: JSON.stringify(input.attendees), notes: input.notes, recorded_by: actor.username }).execute();
  return requireAppeal(ctx, appealNo);
}

/** Input of recordAgreement (人民调解法 Art. 29: facts and issues, terms, performance). */
export interface AgreementInput {
  readonly facts: string;
  readonly terms: readonly string[];
  readonly performance: string;
  readonly mediator: string;
  readonly copies?: number;
}

/**
 * Record the mediation agreement and move the case to `agreement` (reachAgreement).
 * @throws AppError DISPUTES_NOT_MEDIATING (409) unless the case is mediating.
 */
export async function recordAgreement(ctx: PlatformContext, appealNo: string, input: AgreementInput, actor: Actor): Promise<Appeal> {
  const a = await requireAppeal(ctx, appealNo);
  if (a.state !== 'mediating') throw new AppError(E.DISPUTES_NOT_MEDIATING, { what: '调解协议', whatEn: 'an agreement', state: a.state });
  const db = disputesDb(ctx.database.db);
  const agreementNo = `${a.appeal_no.replace(/^A/, 'T')}-${String((await appealEvents(ctx.database, a.id)).length).padStart(2, '0')}`;
  const after = await fireTransition(ctx, appealNo, 'reachAgreement', actor, { reason: input.terms.join('；').slice(0, 200), data: { agreementNo } });
  const row = { agreement_no: agreementNo, facts: input.facts, terms: JSON.stringify(input.terms), performance: input.performance, copies: input.copies ?? 3, signed_at: ctx.now().toISOString(), mediator: input.mediator, org_code: a.org_code };
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('disputes_agreements').where('appeal_id', '=', a.id).execute();
    await trx.insertInto('disputes_agreements').values({ appeal_id: a.id, ...row }).execute();
  });
  return after;
}

/**
 * Record a follow-up visit (回访) with a satisfaction rating 1–5 and whether the party says the
 * matter is resolved. It never changes the state (C21): a 'not resolved' answer is shown to
 * the operator, who may reopen the case with a reason.
 */
export async function addFollowUp(ctx: PlatformContext, appealNo: string, input: { satisfaction: number; resolved: boolean; method: string; note?: string | null }, actor: Actor): Promise<Appeal> {
  const a = await requireAppeal(ctx, appealNo);
  const db = disputesDb(ctx.database.db);
  await db.insertInto('disputes_followups').values({ appeal_id: a.id, at: ctx.now().toISOString(), by_user: actor.username, method: input.method, satisfaction: input.satisfaction, resolved: input.resolved ? 1 : 0, note: input.note ?? null }).execute();
  await db.updateTable('disputes_appeals').set({ satisfaction: input.satisfaction, updated_at: ctx.now().toISOString() }).where('id', '=', a.id).execute();
  return requireAppeal(ctx, appealNo);
}

/**
 * Correct the category (kept in disputes_corrections for retraining the classifier); the
 * routing key, dispute type and SLA of resolution follow the new category.
 * @throws AppError DISPUTES_CATEGORY_UNKNOWN (422).
 */
export async function correctCategory(ctx: PlatformContext, appealNo: string, category: string, note: string | null, actor: Actor): Promise<Appeal> {
  const node = categoryTree(ctx.config.sharedDataDir).nodes.get(category);
  if (!node) throw new AppError(E.DISPUTES_CATEGORY_UNKNOWN, { category });
  const a = await requireAppeal(ctx, appealNo);
  const at = ctx.now().toISOString();
  await disputesDb(ctx.database.db).transaction().execute(async (trx) => {
    await trx.insertInto('disputes_corrections').values({ appeal_id: a.id, from_category: a.category, to_category: category, by_user: actor.username, at, note }).execute();
    await trx.updateTable('disputes_appeals').set({ category, category_source: 'operator', dispute_type: node.disputeType, routing_key: a.kind === 'consultation' ? 'legal_consultation' : node.routingKey, updated_at: at }).where('id', '=', a.id).execute();
  });
  return requireAppeal(ctx, appealNo);
}

/** Every correction with the appeal's text, oldest first, as the classifier's retraining input. */
export async function listCorrections(ctx: PlatformContext) {
  const rows = await disputesDb(ctx.database.db)
    .selectFrom('disputes_corrections as c')
    .innerJoin('disputes_appeals as a', 'a.id', 'c.appeal_id')
    .select(['a.appeal_no', 'a.title', 'a.text', 'c.from_category', 'c.to_category', 'c.by_user', 'c.at', 'c.note'])
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ appealNo: r.appeal_no, title: r.title, body: r.text, from: r.from_category, to: r.to_category, label: r.to_category.split('/')[0]!, by: r.by_user, at: r.at, note: r.note }));
}

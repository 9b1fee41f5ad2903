/**
 * Views of appeals for the API, the CLI and other modules: the full view of one appeal (parties
 * masked unless disclosed, suggestion, routing and risk reasons, SLA verdicts, sessions,
 * agreement, follow-ups, attachments, the transitions available now), list summaries without
 * personal data, and the timeline. Times are written with the Asia/Shanghai offset (C18).
 */
import { AppError } from '../../core/errors.ts';
import { formatLocal } from '../../core/date/date.ts';
import { lookupDivision } from '../../core/division/division.ts';
import { timeline as workflowTimeline } from '../../engines/workflow/machine.ts';
import { slaVerdict, type SlaVerdict } from '../../engines/workflow/sla.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { findOrg } from '../orgs/repository.ts';
import type { RoutingDecision } from './appealRouter.ts';
import { categoryTree } from './categories.ts';
import { suggestCategory, type CategorySuggestion } from './classification.ts';
import type { RiskScore } from './classifier/risk.ts';
import { DisputesErrors as E } from './errors.ts';
import { decryptParties, submitterIndex, type Party } from './parties.ts';
import { appealEvents, findAppeal, listAppealRows, type Appeal, type AppealFilter } from './repository.ts';
import { disputesDb } from './schema.ts';
import { appealWorkflow, replayAppeal, type AppealState, type AppealTransition } from './workflow.ts';

/** A stored suggestion; one seeded without the classifier's answer gets it now (not stored). */
function withClassifier(s: CategorySuggestion, a: Appeal, dataDir: string): CategorySuggestion {
  if (s.classifier || a.kind === 'consultation') return s;
  return { ...s, classifier: suggestCategory(a.title, a.text, 'appeal', dataDir).classifier };
}

const local = (iso: string | null): string | null => (iso ? formatLocal(new Date(iso)) : null);

/** SLA verdicts of an appeal's three milestones at `now`. */
export function slaVerdicts(a: Pick<Appeal, 'received_at' | 'accepted_at' | 'first_contact_at' | 'resolved_at' | 'closed_at' | 'state' | 'acceptance_due' | 'first_contact_due' | 'resolution_due'>, now: Date): { acceptance: SlaVerdict; firstContact: SlaVerdict; resolution: SlaVerdict } {
  const d = (s: string | null) => (s ? new Date(s) : null);
  const received = new Date(a.received_at);
  const declined = !a.accepted_at && a.closed_at ? d(a.closed_at) : null;
  return {
    acceptance: slaVerdict({ start: received, due: d(a.acceptance_due), completed: d(a.accepted_at) ?? declined, now }),
    firstContact: slaVerdict({ start: received, due: d(a.first_contact_due), completed: d(a.first_contact_at) ?? declined, now }),
    resolution: slaVerdict({ start: d(a.accepted_at) ?? received, due: d(a.resolution_due), completed: d(a.resolved_at) ?? (a.state === 'closed' ? d(a.closed_at) : null), now }),
  };
}

/** A list row: no personal data. */
export interface AppealSummary {
  readonly appealNo: string;
  readonly kind: string;
  readonly channel: string;
  readonly title: string;
  readonly divisionCode: string;
  readonly category: string;
  readonly disputeType: string | null;
  readonly state: string;
  readonly orgCode: string | null;
  readonly projectCode: string | null;
  readonly riskScore: number;
  readonly riskLevel: string;
  readonly receivedAt: string;
  readonly receivedDay: string;
  /** True when any milestone is breached or overdue now. */
  readonly slaBreached: boolean;
}

/** The summary of a row at `now`. */
export function summarise(a: Appeal, now: Date): AppealSummary {
  const v = slaVerdicts(a, now);
  return {
    appealNo: a.appeal_no, kind: a.kind, channel: a.channel, title: a.title, divisionCode: a.division_code, category: a.category, disputeType: a.dispute_type,
    state: a.state, orgCode: a.org_code, projectCode: a.project_code, riskScore: Number(a.risk_score), riskLevel: a.risk_level,
    receivedAt: local(a.received_at)!, receivedDay: a.received_day,
    slaBreached: [v.acceptance, v.firstContact, v.resolution].some((x) => x.status === 'breached' || x.status === 'open_overdue'),
  };
}

/**
 * Appeals matching the filter, newest first (default 50, at most 500 per page); `overdue`
 * keeps those with a milestone breached or past due now (the list's `slaBreached`).
 * @returns `{ total, appeals }` without personal data
 */
export async function listAppeals(ctx: PlatformContext, filter: AppealFilter & { readonly overdue?: boolean } = {}): Promise<{ total: number; appeals: AppealSummary[] }> {
  const { overdue, ...rest } = filter;
  const { total, rows } = await listAppealRows(ctx.database, { ...rest, ...(overdue ? { overdueAt: ctx.now().toISOString() } : {}), limit: Math.min(filter.limit ?? 50, 500) });
  const now = ctx.now();
  return { total, appeals: rows.map((r) => summarise(r, now)) };
}

/** Who looks: role for the available transitions, disclosure of parties. */
export interface Viewer {
  readonly role?: string | null;
  readonly disclosure?: 'full' | 'masked';
}

/** The full view of an appeal. */
export type AppealView = Awaited<ReturnType<typeof presentAppeal>>;

async function presentAppeal(ctx: PlatformContext, a: Appeal, viewer: Viewer) {
  const db = disputesDb(ctx.database.db);
  const [events, partyRows, sessions, agreement, followUps, attachments, org] = await Promise.all([
    appealEvents(ctx.database, a.id),
    db.selectFrom('disputes_parties').selectAll().where('appeal_id', '=', a.id).orderBy('seq').execute(),
    db.selectFrom('disputes_sessions').selectAll().where('appeal_id', '=', a.id).orderBy('at').orderBy('id').execute(),
    db.selectFrom('disputes_agreements').selectAll().where('appeal_id', '=', a.id).executeTakeFirst(),
    db.selectFrom('disputes_followups').selectAll().where('appeal_id', '=', a.id).orderBy('at').orderBy('id').execute(),
    db.selectFrom('disputes_attachments').select(['id', 'name', 'mime', 'size', 'sha256', 'uploaded_at', 'uploaded_by']).where('appeal_id', '=', a.id).orderBy('id').execute(),
    a.org_code ? findOrg(ctx.database, a.org_code) : Promise.resolve(null),
  ]);
  const instance = replayAppeal(events.map(toEvent));
  const node = categoryTree(ctx.config.sharedDataDir).nodes.get(a.category);
  const parties: Party[] = decryptParties(ctx.secret, partyRows, viewer.disclosure ?? 'masked');
  return {
    ...summarise(a, ctx.now()),
    externalId: a.external_id, text: a.text, place: a.place, divisionName: lookupDivision(a.division_code)?.path.join('') ?? null,
    categoryLabel: node?.label ?? null, categorySource: a.category_source, suggestion: withClassifier(JSON.parse(a.suggestion) as CategorySuggestion, a, ctx.config.dataDir),
    routingKey: a.routing_key, stateLabel: appealWorkflow.def.states[a.state as AppealState].label!, version: Number(a.version),
    org: org ? { code: org.code, name: org.name, kind: org.kind } : null, routing: a.routing ? (JSON.parse(a.routing) as RoutingDecision) : null,
    risk: JSON.parse(a.risk) as RiskScore,
    acceptedAt: local(a.accepted_at), firstContactAt: local(a.first_contact_at), resolvedAt: local(a.resolved_at), closedAt: local(a.closed_at),
    sla: { ...slaVerdicts(a, ctx.now()), policy: node?.sla ?? null },
    disclosure: viewer.disclosure ?? 'masked', parties,
    sessions: sessions.map((s) => ({ id: Number(s.id), at: local(s.at), place: s.place, mediator: s.mediator, attendees: JSON.parse(s.attendees) as string[], notes: s.notes, recordedBy: s.recorded_by })),
    agreement: agreement ? { agreementNo: agreement.agreement_no, facts: agreement.facts, terms: JSON.parse(agreement.terms) as string[], performance: agreement.performance, copies: Number(agreement.copies), signedAt: local(agreement.signed_at), mediator: agreement.mediator } : null,
    followUps: followUps.map((f) => ({ at: local(f.at), by: f.by_user, method: f.method, satisfaction: Number(f.satisfaction), resolved: Number(f.resolved) === 1, note: f.note })),
    satisfaction: a.satisfaction === null ? null : Number(a.satisfaction),
    attachments: attachments.map((x) => ({ id: Number(x.id), name: x.name, mime: x.mime, size: Number(x.size), sha256: x.sha256, uploadedAt: local(x.uploaded_at), uploadedBy: x.uploaded_by })),
    events: events.length,
    available: appealWorkflow.available(instance),
  };
}

/** A stored event row as a workflow event. */
export function toEvent(e: { seq: number; transition: string; from_state: string | null; to_state: string; actor: string; role: string | null; at: string; reason: string | null; data: string | null }) {
  return {
    seq: Number(e.seq), transition: e.transition as AppealTransition | 'create', from: e.from_state as AppealState | null, to: e.to_state as AppealState,
    actor: e.actor, role: e.role, at: e.at, reason: e.reason, ...(e.data ? { data: JSON.parse(e.data) as Record<string, unknown> } : {}),
  };
}

/** The stored row or AppError DISPUTES_APPEAL_NOT_FOUND (404). */
export async function requireAppeal(ctx: PlatformContext, appealNo: string): Promise<Appeal> {
  const a = await findAppeal(ctx.database, appealNo);
  if (!a) throw new AppError(E.DISPUTES_APPEAL_NOT_FOUND, { appealNo });
  return a;
}

/**
 * One appeal, parties masked unless `viewer.disclosure` is 'full' (the caller has checked the
 * purpose and audits the read).
 * @throws AppError DISPUTES_APPEAL_NOT_FOUND (404).
 */
export async function getAppeal(ctx: PlatformContext, appealNo: string, viewer: Viewer = {}): Promise<AppealView> {
  return presentAppeal(ctx, await requireAppeal(ctx, appealNo), viewer);
}

/** The timeline of an appeal (oldest first) with labels, times written with +08:00. */
export async function appealTimeline(ctx: PlatformContext, appealNo: string) {
  const a = await requireAppeal(ctx, appealNo);
  const instance = replayAppeal((await appealEvents(ctx.database, a.id)).map(toEvent));
  return workflowTimeline(appealWorkflow, instance).map((e) => ({ ...e, at: local(e.at)! }));
}

/**
 * What a resident sees of their own appeal: state, the body handling it, and the timeline
 * steps (labels and local times only; no actor, no reasons, no personal data). The phone must
 * be the one given at submission (compared through the submitter blind index).
 * @throws AppError DISPUTES_APPEAL_NOT_FOUND (404) for an unknown number or a phone that does not match (one answer for both).
 */
export async function publicProgress(ctx: PlatformContext, appealNo: string, phone: string) {
  const a = await findAppeal(ctx.database, appealNo);
  if (!a || !a.submitter_index || submitterIndex(ctx.secret, [{ side: 'applicant', kind: 'person', name: '-', phone }]) !== a.submitter_index) throw new AppError(E.DISPUTES_APPEAL_NOT_FOUND, { appealNo });
  const org = a.org_code ? await findOrg(ctx.database, a.org_code) : null;
  const steps = await appealTimeline(ctx, appealNo);
  return {
    appealNo, state: a.state, stateLabel: appealWorkflow.def.states[a.state as AppealState].label!, receivedAt: local(a.received_at)!, org: org ? { name: org.name, phone: org.phone ?? null } : null,
    steps: steps.map((e) => ({ label: e.label, at: e.at })),
  };
}

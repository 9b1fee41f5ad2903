/**
 * Intake (受理登记) of an appeal or dispute from any channel: validate, classify (suggestion with
 * confidence), score risk with reasons, link a land-requisition project, set the SLA due
 * instants, route to an org, and store it with its first workflow events — one transaction.
 * Times follow C18: a local time without offset is read in `timezone` (default Asia/Shanghai),
 * stored as the UTC instant, counted on the local day, written back with +08:00.
 */
import { AppError, issue, type Issue } from '../../core/errors.ts';
import { localDay, toInstant } from '../../core/date/date.ts';
import { validateDivision } from '../../core/division/division.ts';
import { dueAt, parseDuration } from '../../engines/workflow/sla.ts';
import type { WorkflowEvent } from '../../engines/workflow/machine.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { listOrgRows } from '../orgs/repository.ts';
import { routeAppeal, type RoutingDecision } from './appealRouter.ts';
import { categoryTree } from './categories.ts';
import { suggestCategory } from './classification.ts';
import { riskScore } from './classifier/risk.ts';
import { DisputesErrors as E } from './errors.ts';
import { encryptParties, submitterIndex, type Party } from './parties.ts';
import { listProjects, matchProject } from './projects.ts';
import { insertAppeal, nextAppealNo, orgLoads, previousAppealCount } from './repository.ts';
import { disputesDb } from './schema.ts';
import type { SlaMilestone } from './slaPolicy.ts';
import { appealWorkflow, type AppealState, type AppealTransition } from './workflow.ts';

export const CHANNELS = ['web', 'hotline', 'grid_worker', 'import', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Readonly<Record<Channel, { zh: string; en: string }>> = {
  web: { zh: '网上诉求', en: 'web form' },
  hotline: { zh: '热线电话', en: 'hotline' },
  grid_worker: { zh: '网格员上报', en: 'grid worker' },
  import: { zh: '批量导入', en: 'import' },
  open311: { zh: 'Open311 接口', en: 'Open311' },
};
export const APPEAL_KINDS = ['appeal', 'dispute', 'consultation'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

/** Input of createAppeal. */
export interface NewAppeal {
  readonly kind?: AppealKind;
  readonly channel: Channel;
  /** The id in the source system (Open311 service_request_id, import row key); unique per channel. */
  readonly externalId?: string | null;
  readonly title: string;
  readonly text: string;
  /** GB/T 2260 code (county level for routing). */
  readonly divisionCode: string;
  readonly place?: string | null;
  /** ISO date-time, with or without offset; default: now. */
  readonly receivedAt?: string;
  /** Zone for a receivedAt without offset (default Asia/Shanghai). */
  readonly timezone?: string;
  /** A category chosen at intake (e.g. by the Open311 service code); default: the suggestion. */
  readonly category?: string | null;
  readonly parties?: readonly Party[];
  readonly projectCode?: string | null;
  /** Identifies the submitter for repeat counting when no phone is given (blind-indexed, never stored). */
  readonly submitterKey?: string | null;
  /** Route to an org at once (default true). */
  readonly route?: boolean;
}

/** Who acts. */
export interface Actor {
  readonly username: string;
  readonly role: string | null;
}

/** Problems with an intake (empty when valid). */
export function intakeIssues(input: NewAppeal, received: Date | null, dataDir?: string): Issue[] {
  const out: Issue[] = [];
  if (!input.text?.trim() && !input.title?.trim()) out.push(issue(E.DISPUTES_TEXT_REQUIRED, undefined, 'text'));
  if (!validateDivision(input.divisionCode ?? '').valid) out.push(issue(E.DISPUTES_DIVISION_INVALID, { code: input.divisionCode ?? '' }, 'divisionCode'));
  if (!received) out.push(issue(E.DISPUTES_TIME_INVALID, { value: input.receivedAt ?? '' }, 'receivedAt'));
  if (input.category && !categoryTree(dataDir).nodes.has(input.category)) out.push(issue(E.DISPUTES_CATEGORY_UNKNOWN, { category: input.category }, 'category'));
  return out;
}

/** The due instant of a milestone from `start`. */
export function milestoneDue(start: Date, m: SlaMilestone): Date {
  const d = parseDuration(m.within);
  if (!d.ok) throw new Error(`bad SLA duration ${m.within}`);
  return dueAt(start, d.duration, { kind: m.calendar, timezone: 'Asia/Shanghai' });
}

/** A workflow event as a stored row. */
export function eventRow(e: WorkflowEvent<AppealState, AppealTransition>) {
  return { seq: e.seq, transition: e.transition, from_state: e.from, to_state: e.to, actor: e.actor, role: e.role, at: e.at, reason: e.reason, data: e.data ? JSON.stringify(e.data) : null };
}

/** The routing decision for an appeal now (registry + current loads). */
export async function decideRoute(ctx: PlatformContext, routingKey: string, divisionCode: string): Promise<RoutingDecision> {
  const [orgs, loads] = await Promise.all([listOrgRows(ctx.database, { activeOnly: true, divisionCode }), orgLoads(ctx.database)]);
  return routeAppeal({ routingKey, divisionCode }, orgs.map((org) => ({ org, load: loads.get(org.code) ?? 0 })));
}

/**
 * Register an appeal: validate, classify, score, link, route and store it.
 * @returns the appeal number
 * @throws AppError DISPUTES_APPEAL_INVALID (422) with field issues.
 */
export async function registerAppeal(ctx: PlatformContext, input: NewAppeal, actor: Actor): Promise<string> {
  const received = input.receivedAt ? toInstant(input.receivedAt, { timezone: input.timezone ?? 'Asia/Shanghai' }) : ctx.now();
  const problems = intakeIssues(input, received, ctx.config.sharedDataDir);
  if (problems.length) throw new AppError(E.DISPUTES_APPEAL_INVALID, { count: problems.length }, problems);
  const at = received!;
  const kind = input.kind ?? 'appeal';
  const title = input.title.trim() || input.text.trim().slice(0, 30);
  const suggestion = suggestCategory(title, input.text, kind, ctx.config.dataDir);
  const category = input.category ?? suggestion.category;
  const node = categoryTree(ctx.config.sharedDataDir).nodes.get(category)!;
  const routingKey = kind === 'consultation' ? 'legal_consultation' : node.routingKey;
  const parties = input.parties ?? [];
  const submitter = submitterIndex(ctx.secret, parties, input.submitterKey);
  const previous = submitter ? await previousAppealCount(ctx.database, submitter, at.toISOString()) : 0;
  const risk = riskScore({ text: `${title}。${input.text}`, previousAppeals: previous });
  const projectCode = input.projectCode ?? (routingKey === 'land_requisition' || node.disputeType === 'land_requisition' ? matchProject(`${title}${input.text}`, input.divisionCode, await listProjects(ctx)) : null);
  const sla = node.sla;
  let instance = appealWorkflow.create({ actor: actor.username, ...(actor.role ? { role: actor.role } : {}), at, data: { channel: input.channel } });
  let routing: RoutingDecision | null = null;
  if (input.route !== false) {
    routing = await decideRoute(ctx, routingKey, input.divisionCode);
    if (routing.orgCode) {
      const now = ctx.now();
      const r = appealWorkflow.apply(instance, 'assign', { actor: 'router', role: 'system', at: now > at ? now : at, reason: routing.reasons.map((x) => x.zh).join('；'), data: { orgCode: routing.orgCode } });
      if (r.ok) instance = r.instance;
    }
  }
  const row = {
    kind, channel: input.channel, external_id: input.externalId ?? null, title, text: input.text, division_code: input.divisionCode, place: input.place ?? null,
    category, category_source: input.category ? 'submitted' : suggestion.source, suggestion: JSON.stringify(suggestion), dispute_type: node.disputeType,
    routing_key: routingKey, state: instance.state, version: instance.version, org_code: routing?.orgCode ?? null, routing: routing ? JSON.stringify(routing) : null,
    project_code: projectCode, risk_score: risk.score, risk_level: risk.level, risk: JSON.stringify(risk), submitter_index: submitter,
    received_at: at.toISOString(), received_day: localDay(at), accepted_at: null, first_contact_at: null, resolved_at: null, closed_at: null,
    acceptance_due: milestoneDue(at, sla.acceptance).toISOString(), first_contact_due: milestoneDue(at, sla.firstContact).toISOString(), resolution_due: null,
    satisfaction: null, created_by: actor.username, updated_at: ctx.now().toISOString(),
  };
  const prefix = `A${localDay(at).slice(0, 4)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      return await disputesDb(ctx.database.db).transaction().execute(async (trx) => {
        const appealNo = await nextAppealNo(trx, prefix);
        await insertAppeal(trx, { ...row, appeal_no: appealNo }, encryptParties(ctx.secret, parties), instance.events.map(eventRow));
        return appealNo;
      });
    } catch (e) {
      if (attempt >= 4 || !/unique|duplicate/i.test(String(e))) throw e;
    }
  }
}

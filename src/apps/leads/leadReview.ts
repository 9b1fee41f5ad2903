/**
 * The review side of leads (issue 3 item 3): the ranked queue, a lead with its tags, evidence
 * rows and rule text, the reviewer's decision with a mandatory reason, the export of reviewed
 * leads (refused before review), precision per rule, and the tags of a case. Nothing is decided
 * about a person automatically: a lead leaves the queue only by a person's recorded decision.
 */
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import { MIN_PURPOSE_LENGTH } from '../../security/policies.ts';
import { auditCaseRead, requireCase, LEADS_RECORD_KIND, type Actor } from './access.ts';
import { LeadsErrors } from './errors.ts';
import { latestDecisions, liveRules, type Contribution } from './leadScorer.ts';
import { evidenceParcels, personDetails, type EvidenceParcel, type PersonDetail } from './personDetails.ts';
import { leadById, tagsOf, type LeadRow, type TagRow } from './repository.ts';
import { leadsDb } from './schema.ts';
import { loadTagRules } from './tagCatalogue.ts';
import type { TagCondition } from './tagRunner.ts';

/** A tag as shown: rule, version, times, live or expired, conditions and evidence rows. */
export interface TagView {
  readonly id: number;
  readonly personKey: string;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly firedAt: string;
  readonly expiresAt: string;
  readonly live: boolean;
  readonly conditions: readonly TagCondition[];
  /** Evidence rows: parcel ids with the condition values they stand behind. */
  readonly evidence: ReadonlyArray<{ readonly recordKind: string; readonly recordId: number; readonly values: Readonly<Record<string, unknown>> }>;
}

/** A lead in the queue. */
export interface LeadSummary {
  readonly id: number;
  readonly personKey: string;
  readonly score: number;
  readonly model: string;
  readonly contributions: readonly Contribution[];
  readonly status: string;
  readonly scoredAt: string;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly reason: string | null;
}

/** A lead with everything a reviewer needs. */
export interface LeadView extends LeadSummary {
  readonly caseNo: string;
  readonly person: PersonDetail;
  readonly tags: ReadonlyArray<TagView & { readonly ruleName: { zh: string; en: string } | null; readonly ruleText: string | null }>;
  readonly evidence: readonly EvidenceParcel[];
  readonly reviews: ReadonlyArray<{ readonly decision: string; readonly reason: string; readonly reviewer: string; readonly at: string; readonly rules: readonly string[]; readonly score: number }>;
}

/** Stored tag → view. */
export function tagView(t: TagRow, at: string): TagView {
  return {
    id: Number(t.id), personKey: t.person_key, ruleId: t.rule_id, ruleVersion: Number(t.rule_version), firedAt: t.fired_at, expiresAt: t.expires_at, live: t.expires_at > at,
    conditions: JSON.parse(t.conditions) as TagCondition[], evidence: JSON.parse(t.evidence) as TagView['evidence'],
  };
}

function summary(r: LeadRow): LeadSummary {
  return {
    id: Number(r.id), personKey: r.person_key, score: Number(r.score), model: r.model, contributions: JSON.parse(r.contributions) as Contribution[], status: r.status,
    scoredAt: r.scored_at, decidedAt: r.decided_at, decidedBy: r.decided_by, reason: r.reason,
  };
}

/**
 * Tags of a case (optionally of one person; live only unless `includeExpired`), with evidence rows
 * as parcel ids and values. Audited ('leads.tags.read') with the person keys.
 */
export async function listTags(ctx: PlatformContext, actor: Actor, caseNo: string, opts: { readonly personKey?: string; readonly includeExpired?: boolean } = {}): Promise<TagView[]> {
  const access = await requireCase(ctx, actor, 'leads.tags.read', caseNo);
  const at = ctx.now().toISOString();
  const rows = await tagsOf(ctx.database, Number(access.case.id), { ...(opts.personKey ? { personKey: opts.personKey } : {}), ...(opts.includeExpired ? {} : { liveAt: at }) });
  const tags = rows.map((r) => tagView(r, at));
  await auditCaseRead(ctx, access, [...new Set(tags.map((t) => t.personKey))], { query: 'tags', count: tags.length });
  return tags;
}

/**
 * The ranked queue: leads of the case with `status` (default pending) that have live tags, score
 * descending (ties by id). Audited with the lead ids.
 */
export async function listLeads(ctx: PlatformContext, actor: Actor, caseNo: string, opts: { readonly status?: string; readonly limit?: number; readonly offset?: number } = {}): Promise<{ leads: LeadSummary[]; total: number }> {
  const access = await requireCase(ctx, actor, 'leads.lead.read', caseNo);
  const db = leadsDb(ctx.database.db);
  const status = opts.status ?? 'pending';
  let base = db.selectFrom('leads_leads').where('case_id', '=', Number(access.case.id)).where('status', '=', status);
  if (status === 'pending') base = base.where('contributions', '!=', '[]');
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base.selectAll().orderBy('score', 'desc').orderBy('id').limit(Math.min(opts.limit ?? 50, 500)).offset(opts.offset ?? 0).execute();
  const leads = rows.map(summary);
  await auditCaseRead(ctx, access, leads.map((l) => l.id), { query: 'leads.queue', status });
  return { leads, total };
}

async function leadView(ctx: PlatformContext, caseNo: string, caseId: number, row: LeadRow): Promise<LeadView> {
  const at = ctx.now().toISOString();
  const rules = new Map(loadTagRules().map((r) => [r.def.id, r]));
  const tags = (await tagsOf(ctx.database, caseId, { personKey: row.person_key })).map((t) => {
    const rule = rules.get(t.rule_id);
    return { ...tagView(t, at), ruleName: rule ? rule.def.name : null, ruleText: rule && rule.def.version === Number(t.rule_version) ? rule.text : null };
  });
  const ids = [...new Set(tags.flatMap((t) => t.evidence.filter((e) => e.recordKind === 'parcels' || e.recordKind === 'sharedPhones').map((e) => e.recordId)))];
  const evidence = await evidenceParcels(ctx, ids);
  const first = await leadsDb(ctx.database.db).selectFrom('leads_person_phones').select('parcel_id').where('person_key', '=', row.person_key).orderBy('parcel_id').limit(1).executeTakeFirst();
  const [person] = first ? await personDetails(ctx, [{ parcelId: Number(first.parcel_id), side: 'sender' }]) : [{ name: null, phone: null }];
  const reviews = (await leadsDb(ctx.database.db).selectFrom('leads_reviews').selectAll().where('lead_id', '=', Number(row.id)).orderBy('id').execute())
    .map((r) => ({ decision: r.decision, reason: r.reason, reviewer: r.reviewer, at: r.at, rules: JSON.parse(r.rules) as string[], score: Number(r.score) }));
  return { ...summary(row), caseNo, person: person!, tags, evidence, reviews };
}

async function findLead(ctx: PlatformContext, caseNo: string, caseId: number, leadId: number): Promise<LeadRow> {
  const row = await leadById(ctx.database, caseId, leadId);
  if (!row) throw new AppError(LeadsErrors.LEADS_LEAD_NOT_FOUND, { caseNo, leadId });
  return row;
}

/**
 * One lead: score and contributions, the person (masked), every tag with conditions, evidence
 * rows (masked parcels) and the rule file's text, and the review history. Audited with the
 * evidence parcel ids. @throws the errors of requireCase; LEADS_LEAD_NOT_FOUND.
 */
export async function readLead(ctx: PlatformContext, actor: Actor, caseNo: string, leadId: number): Promise<LeadView> {
  const access = await requireCase(ctx, actor, 'leads.lead.read', caseNo);
  const view = await leadView(ctx, caseNo, Number(access.case.id), await findLead(ctx, caseNo, Number(access.case.id), leadId));
  await auditCaseRead(ctx, access, view.evidence.map((e) => e.id), { query: 'lead', leadId, personKey: view.personKey });
  return view;
}

/**
 * Record a reviewer's decision ('confirm' | 'dismiss') with a reason (≥ 4 characters). The
 * decision, reason and the rules live at that moment are stored (append-only) and audited
 * ('leads.lead.review'); a later decision replaces the status, the history stays.
 * @throws the errors of requireCase; LEADS_LEAD_NOT_FOUND; LEADS_REASON_REQUIRED.
 */
export async function reviewLead(ctx: PlatformContext, actor: Actor, caseNo: string, leadId: number, decision: 'confirm' | 'dismiss', reason: string): Promise<LeadView> {
  const access = await requireCase(ctx, actor, 'leads.lead.review', caseNo);
  const caseId = Number(access.case.id);
  const row = await findLead(ctx, caseNo, caseId, leadId);
  const why = reason.trim();
  if ([...why].length < MIN_PURPOSE_LENGTH) throw new AppError(LeadsErrors.LEADS_REASON_REQUIRED, { min: MIN_PURPOSE_LENGTH });
  const at = ctx.now().toISOString();
  const status = decision === 'confirm' ? 'confirmed' : 'dismissed';
  const rules = [...((await liveRules(ctx, caseId, at, [row.person_key])).get(row.person_key)?.keys() ?? [])].sort();
  const db = leadsDb(ctx.database.db);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('leads_reviews').values({ lead_id: leadId, case_id: caseId, decision: status, reason: why, reviewer: actor.username, at, rules: JSON.stringify(rules), score: Number(row.score) }).execute();
    await trx.updateTable('leads_leads').set({ status, decided_at: at, decided_by: actor.username, reason: why }).where('id', '=', leadId).execute();
  });
  await appendAudit(ctx, { actor: actor.username, role: actor.role, action: 'leads.lead.review', purpose: access.case.purpose, legalBasis: caseNo, recordKind: LEADS_RECORD_KIND, recordIds: [leadId], outcome: 'allowed', detail: { decision: status, reason: why, personKey: row.person_key, rules } });
  return leadView(ctx, caseNo, caseId, (await leadById(ctx.database, caseId, leadId))!);
}

/**
 * CSV of leads `leadIds` with their decision, reason, rules and evidence parcel ids (person key
 * and masked name; no identifier in clear). Refused — and the refusal audited — when any of them
 * has no reviewer's decision: nothing leaves the system before a person decided.
 * @throws the errors of requireCase; LEADS_LEAD_NOT_FOUND; LEADS_NOT_REVIEWED (409); LEADS_TOO_MANY_IDS (> 1000).
 */
export async function exportLeads(ctx: PlatformContext, actor: Actor, caseNo: string, leadIds: readonly number[]): Promise<string> {
  const access = await requireCase(ctx, actor, 'leads.lead.export', caseNo);
  if (leadIds.length > 1000) throw new AppError(LeadsErrors.LEADS_TOO_MANY_IDS, { max: 1000 });
  const caseId = Number(access.case.id);
  const rows: LeadRow[] = [];
  for (const id of leadIds) rows.push(await findLead(ctx, caseNo, caseId, id));
  const pending = rows.filter((r) => r.status === 'pending').map((r) => Number(r.id));
  if (pending.length > 0) {
    await appendAudit(ctx, { actor: actor.username, role: actor.role, action: 'leads.lead.export', purpose: access.case.purpose, legalBasis: caseNo, recordKind: LEADS_RECORD_KIND, recordIds: pending, outcome: 'refused', detail: { reason: LeadsErrors.LEADS_NOT_REVIEWED } });
    throw new AppError(LeadsErrors.LEADS_NOT_REVIEWED, { leadIds: pending.join(', ') });
  }
  const lines: unknown[][] = [['leadId', 'personKey', 'name', 'status', 'score', 'model', 'decidedBy', 'decidedAt', 'reason', 'rules', 'evidenceParcelIds']];
  for (const r of rows) {
    const v = await leadView(ctx, caseNo, caseId, r);
    lines.push([v.id, v.personKey, v.person.name ?? '', v.status, v.score, v.model, v.decidedBy, v.decidedAt, v.reason, v.contributions.map((c) => `${c.ruleId}@${c.ruleVersion}`).join(' '), v.evidence.map((e) => e.id).join(' ')]);
  }
  await auditCaseRead(ctx, access, rows.map((r) => Number(r.id)), { query: 'leads.export', format: 'csv' });
  return stringify(lines);
}

/** Precision of reviewed leads per rule: of the latest decisions on leads where the rule was live, the share confirmed. */
export async function precisionByRule(ctx: PlatformContext, actor: Actor, caseNo: string): Promise<Array<{ ruleId: string; reviewed: number; confirmed: number; dismissed: number; precision: number | null }>> {
  const access = await requireCase(ctx, actor, 'leads.lead.read', caseNo);
  const decisions = await latestDecisions(ctx, Number(access.case.id));
  return loadTagRules().map((r) => {
    const mine = decisions.filter((d) => d.rules.includes(r.def.id));
    const confirmed = mine.filter((d) => d.decision === 'confirmed').length;
    return { ruleId: r.def.id, reviewed: mine.length, confirmed, dismissed: mine.length - confirmed, precision: mine.length ? confirmed / mine.length : null };
  });
}

/**
 * Lead scoring inside a case (issue 3 item 3): a score per person from the person's live tags —
 * the rules' declared weights (sum over distinct rules), or the logistic model fitted to the
 * case's review decisions (leadModel.ts; probability of a confirmation) — with the contribution
 * of every rule shown. Leads keep their review status across rescoring; a person whose tags have
 * all expired keeps the lead row (history) but leaves the queue (no contributions).
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import { auditCaseRead, requireCase, LEADS_RECORD_KIND, type Actor } from './access.ts';
import { LeadsErrors } from './errors.ts';
import { fitLogistic, predict, type LogisticModel } from './leadModel.ts';
import { tagsOf } from './repository.ts';
import { leadsDb } from './schema.ts';
import { loadTagRules } from './tagCatalogue.ts';

/** How a score was computed. */
export type ScoringModel = 'declared' | 'fitted';

/** One rule's part in a score. */
export interface Contribution {
  readonly ruleId: string;
  readonly ruleVersion: number;
  /** Declared weight, or the fitted coefficient. */
  readonly weight: number;
}

/** The fitted model of a case as shown. */
export interface ModelView {
  readonly caseNo: string;
  readonly intercept: number;
  readonly weights: ReadonlyArray<{ readonly ruleId: string; readonly weight: number; readonly declared: number }>;
  readonly decisions: number;
  readonly loss: number;
  readonly gradNorm: number;
  readonly l2: number;
  readonly iterations: number;
  readonly fittedAt: string;
  readonly fittedBy: string;
}

/** Minimum decisions (with both outcomes present) to fit a model. */
export const MIN_DECISIONS = 4;

/** Live rules (id → version) per person of a case at `at` (ISO). */
export async function liveRules(ctx: PlatformContext, caseId: number, at: string, personKeys?: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const rows = await tagsOf(ctx.database, caseId, { liveAt: at, ...(personKeys ? { personKeys } : {}) });
  const out = new Map<string, Map<string, number>>();
  for (const t of rows) {
    let m = out.get(t.person_key);
    if (!m) out.set(t.person_key, (m = new Map()));
    m.set(t.rule_id, Number(t.rule_version));
  }
  return out;
}

async function storedModel(ctx: PlatformContext, caseId: number): Promise<{ model: LogisticModel; ruleIds: string[] } | null> {
  const row = await leadsDb(ctx.database.db).selectFrom('leads_models').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  if (!row) return null;
  const w = JSON.parse(row.weights) as { ruleIds: string[]; weights: number[] };
  return { ruleIds: w.ruleIds, model: { intercept: Number(row.intercept), weights: w.weights, loss: Number(row.loss), gradNorm: Number(row.grad_norm), iterations: Number(row.iterations), l2: Number(row.l2) } };
}

/**
 * (Re)score every person of case `caseNo` with a live tag, and take persons whose tags expired
 * out of the queue. `model` 'declared' (default) sums the declared weights of the distinct live
 * rules; 'fitted' is σ(b + Σ wᵣ) with the case's fitted model. Audited ('leads.lead.score').
 * @returns counts: persons scored, leads in the pending queue, the model used.
 * @throws the errors of requireCase; LEADS_MODEL_NOT_FOUND for 'fitted' without a fitted model.
 */
export async function scoreLeads(ctx: PlatformContext, actor: Actor, caseNo: string, opts: { readonly model?: ScoringModel } = {}, via = 'api'): Promise<{ readonly scored: number; readonly queued: number; readonly model: ScoringModel }> {
  const access = await requireCase(ctx, actor, 'leads.lead.score', caseNo, via);
  const caseId = Number(access.case.id);
  const model = opts.model ?? 'declared';
  const fitted = model === 'fitted' ? await storedModel(ctx, caseId) : null;
  if (model === 'fitted' && !fitted) throw new AppError(LeadsErrors.LEADS_MODEL_NOT_FOUND, { caseNo });
  const declared = new Map(loadTagRules().map((r) => [r.def.id, r.def.weight]));
  const at = ctx.now().toISOString();
  const live = await liveRules(ctx, caseId, at);
  const db = leadsDb(ctx.database.db);
  const existing = new Map((await db.selectFrom('leads_leads').select(['id', 'person_key']).where('case_id', '=', caseId).execute()).map((r) => [r.person_key, Number(r.id)]));
  await db.transaction().execute(async (trx) => {
    for (const [person, rules] of live) {
      const contributions: Contribution[] = [...rules].sort().map(([ruleId, ruleVersion]) => ({
        ruleId, ruleVersion, weight: fitted ? (fitted.model.weights[fitted.ruleIds.indexOf(ruleId)] ?? 0) : (declared.get(ruleId) ?? 0),
      }));
      const score = fitted ? predict(fitted.model, fitted.ruleIds.map((id) => (rules.has(id) ? 1 : 0))) : contributions.reduce((s, c) => s + c.weight, 0);
      const values = { score, model, contributions: JSON.stringify(contributions), scored_at: at };
      const id = existing.get(person);
      if (id !== undefined) await trx.updateTable('leads_leads').set(values).where('id', '=', id).execute();
      else await trx.insertInto('leads_leads').values({ case_id: caseId, person_key: person, status: 'pending', decided_at: null, decided_by: null, reason: null, ...values }).execute();
    }
    const gone = [...existing.keys()].filter((p) => !live.has(p));
    for (let i = 0; i < gone.length; i += 500) {
      await trx.updateTable('leads_leads').set({ score: 0, contributions: '[]', scored_at: at, model }).where('case_id', '=', caseId).where('person_key', 'in', gone.slice(i, i + 500)).execute();
    }
  });
  const queued = await db.selectFrom('leads_leads').select((eb) => eb.fn.countAll().as('n')).where('case_id', '=', caseId).where('status', '=', 'pending').where('contributions', '!=', '[]').executeTakeFirstOrThrow();
  await auditCaseRead(ctx, access, [...live.keys()], { query: 'leads.score', model, via });
  return { scored: live.size, queued: Number(queued.n), model };
}

/** The latest decision per lead of a case with the rules live when it was made. */
export async function latestDecisions(ctx: PlatformContext, caseId: number): Promise<Array<{ leadId: number; decision: string; rules: string[] }>> {
  const rows = await leadsDb(ctx.database.db).selectFrom('leads_reviews').select(['id', 'lead_id', 'decision', 'rules']).where('case_id', '=', caseId).orderBy('id').execute();
  const latest = new Map<number, { leadId: number; decision: string; rules: string[] }>();
  for (const r of rows) latest.set(Number(r.lead_id), { leadId: Number(r.lead_id), decision: r.decision, rules: JSON.parse(r.rules) as string[] });
  return [...latest.values()];
}

function present(caseNo: string, row: { intercept: number; weights: string; decisions: number; loss: number; grad_norm: number; l2: number; iterations: number; fitted_at: string; fitted_by: string }): ModelView {
  const declared = new Map(loadTagRules().map((r) => [r.def.id, r.def.weight]));
  const w = JSON.parse(row.weights) as { ruleIds: string[]; weights: number[] };
  return {
    caseNo, intercept: Number(row.intercept), weights: w.ruleIds.map((ruleId, i) => ({ ruleId, weight: w.weights[i]!, declared: declared.get(ruleId) ?? 0 })),
    decisions: Number(row.decisions), loss: Number(row.loss), gradNorm: Number(row.grad_norm), l2: Number(row.l2), iterations: Number(row.iterations), fittedAt: row.fitted_at, fittedBy: row.fitted_by,
  };
}

/**
 * Fit the case's scoring model to its reviewers' latest decisions (features: the rules live at
 * decision time; label: confirm), store it, and show the weights beside the declared ones.
 * Audited ('leads.model.fit').
 * @throws the errors of requireCase; LEADS_MODEL_INSUFFICIENT with fewer than MIN_DECISIONS
 *   decisions or without both outcomes.
 */
export async function fitLeadModel(ctx: PlatformContext, actor: Actor, caseNo: string, opts: { readonly l2?: number; readonly iterations?: number } = {}): Promise<ModelView> {
  const access = await requireCase(ctx, actor, 'leads.model.fit', caseNo);
  const caseId = Number(access.case.id);
  const decisions = await latestDecisions(ctx, caseId);
  const confirmed = decisions.filter((d) => d.decision === 'confirmed').length;
  const dismissed = decisions.length - confirmed;
  if (decisions.length < MIN_DECISIONS || confirmed === 0 || dismissed === 0) throw new AppError(LeadsErrors.LEADS_MODEL_INSUFFICIENT, { min: MIN_DECISIONS, confirmed, dismissed });
  const ruleIds = loadTagRules().map((r) => r.def.id);
  const x = decisions.map((d) => ruleIds.map((id) => (d.rules.includes(id) ? 1 : 0)));
  const y = decisions.map((d) => (d.decision === 'confirmed' ? 1 : 0));
  const m = fitLogistic(x, y, { ...(opts.l2 !== undefined ? { l2: opts.l2 } : {}), ...(opts.iterations !== undefined ? { iterations: opts.iterations } : {}) });
  const row = {
    case_id: caseId, intercept: m.intercept, weights: JSON.stringify({ ruleIds, weights: m.weights }), decisions: decisions.length, loss: m.loss, grad_norm: m.gradNorm,
    l2: m.l2, iterations: m.iterations, fitted_at: ctx.now().toISOString(), fitted_by: actor.username,
  };
  const db = leadsDb(ctx.database.db);
  await db.deleteFrom('leads_models').where('case_id', '=', caseId).execute();
  await db.insertInto('leads_models').values(row).execute();
  await appendAudit(ctx, { actor: actor.username, role: actor.role, action: 'leads.model.fit', purpose: access.case.purpose, legalBasis: caseNo, recordKind: LEADS_RECORD_KIND, recordIds: decisions.map((d) => d.leadId), outcome: 'allowed', detail: { decisions: decisions.length, loss: m.loss } });
  return present(caseNo, row);
}

/** The case's fitted model. @throws the errors of requireCase; LEADS_MODEL_NOT_FOUND. */
export async function readLeadModel(ctx: PlatformContext, actor: Actor, caseNo: string): Promise<ModelView> {
  const access = await requireCase(ctx, actor, 'leads.lead.read', caseNo);
  const row = await leadsDb(ctx.database.db).selectFrom('leads_models').selectAll().where('case_id', '=', Number(access.case.id)).executeTakeFirst();
  if (!row) throw new AppError(LeadsErrors.LEADS_MODEL_NOT_FOUND, { caseNo });
  return present(caseNo, row);
}

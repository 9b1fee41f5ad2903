/**
 * Tag runs inside a case (issue 3 item 2): the rule files run through the rules engine against
 * the parcels (SQL on SQLite or PostgreSQL); hits become tags with the rule id and version, the
 * conditions with their actual values and thresholds, the evidence rows (parcel ids and the
 * values they stand behind) and an expiry. A dry run counts hits and returns a sample without
 * storing anything. A real run supersedes the case's live tags of the rules it ran (their expiry
 * is set to the run time): the latest run is what counts, history stays, nothing counts twice.
 */
import { sql } from 'kysely';
import { AppError, type Issue } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { hitToTag, runRulesSql, type ConditionExplanation } from '../../engines/rules/index.ts';
import { auditCaseRead, requireCase, type Actor } from './access.ts';
import { LeadsErrors } from './errors.ts';
import { leadsDb } from './schema.ts';
import { loadRuleLists, loadTagRules, TAG_CATALOGUE, type LeadsRule } from './tagCatalogue.ts';

/** A condition of a tag as stored and shown. */
export interface TagCondition {
  readonly text: string;
  readonly outcome: string;
  readonly actual: unknown;
  readonly threshold: unknown;
}

/** Per rule: hits, tags stored, warnings and errors, and (dry run) a sample of hits. */
export interface RuleRunSummary {
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly enabled: boolean;
  readonly hits: number;
  readonly stored: number;
  readonly warnings: readonly Issue[];
  readonly errors: readonly Issue[];
  readonly sample: ReadonlyArray<{ readonly personKey: string; readonly conditions: readonly TagCondition[]; readonly evidence: readonly number[] }>;
  readonly ms: number;
}

/** The answer of runTagRules. */
export interface RuleRunView {
  readonly caseNo: string;
  readonly runId: number | null;
  readonly dryRun: boolean;
  readonly asOf: string;
  readonly subjects: number;
  readonly rules: readonly RuleRunSummary[];
}

/** Conditions of an explanation as stored with a tag. */
export function conditionsOf(conditions: readonly ConditionExplanation[]): TagCondition[] {
  return conditions.map((c) => ({ text: c.text, outcome: c.outcome, actual: c.actual, threshold: c.threshold }));
}

/**
 * Rebuild the derived subjects of the rules from `parcels`: one `leads_persons` row per sender ID
 * key, one `leads_person_phones` row per (ID key, phone key) with its first parcel and a name.
 * Returns the number of subjects.
 */
export async function refreshSubjects(ctx: PlatformContext): Promise<number> {
  await ctx.database.db.transaction().execute(async (trx) => {
    await sql`delete from leads_persons`.execute(trx);
    // on conflict: a run in another case refreshing at the same moment may have inserted the key already
    await sql`insert into leads_persons (person_key) select distinct 'id:' || cast(sender_id_bidx as text) from parcels where sender_id_bidx is not null on conflict (person_key) do nothing`.execute(trx);
    await sql`delete from leads_person_phones`.execute(trx);
    await sql`insert into leads_person_phones (person_key, phone_key, parcel_id, name)
      select 'id:' || cast(sender_id_bidx as text), cast(sender_phone_bidx as text), min(id), min(sender_name)
      from parcels where sender_id_bidx is not null and sender_phone_bidx is not null group by sender_id_bidx, sender_phone_bidx`.execute(trx);
  });
  const r = await leadsDb(ctx.database.db).selectFrom('leads_persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

function pick(rules: LeadsRule[], ids: readonly string[] | undefined): LeadsRule[] {
  if (!ids || ids.length === 0) return rules;
  for (const id of ids) if (!rules.some((r) => r.def.id === id)) throw new AppError(LeadsErrors.LEADS_RULE_UNKNOWN, { ruleId: id });
  return rules.filter((r) => ids.includes(r.def.id));
}

/**
 * Run the tag rules (all, or `ruleIds`) inside case `caseNo` as of now. A dry run (`dryRun`) runs
 * disabled rules too, counts every hit and returns ≤ 10 sample hits per rule, storing nothing;
 * a real run runs enabled rules and stores one tag per hit. One failing rule reports its error
 * and the others still run (C20). Audited ('leads.rules.run') with the tagged person keys.
 * @throws the errors of requireCase; LEADS_RULE_UNKNOWN for an unknown id in `ruleIds`.
 */
export async function runTagRules(ctx: PlatformContext, actor: Actor, caseNo: string, opts: { readonly dryRun?: boolean; readonly ruleIds?: readonly string[] } = {}, via = 'api'): Promise<RuleRunView> {
  const access = await requireCase(ctx, actor, 'leads.rules.run', caseNo, via);
  const rules = pick(loadTagRules(), opts.ruleIds);
  const dryRun = opts.dryRun ?? false;
  const now = ctx.now();
  const subjects = await refreshSubjects(ctx);
  const run = await runRulesSql(ctx.database, rules.map((r) => r.def), TAG_CATALOGUE, { asOf: now.getTime(), values: loadRuleLists(), evidenceLimit: 20 }, { dryRun, sampleSize: 10 });
  const caseId = Number(access.case.id);
  const db = leadsDb(ctx.database.db);
  const at = now.toISOString();
  let runId: number | null = null;
  const stored = new Map<string, number>();
  const tagged: string[] = [];
  if (!dryRun) {
    const summary = run.results.map((r) => ({ ruleId: r.ruleId, ruleVersion: r.ruleVersion, hits: r.stats.hits, errors: r.errors.map((e) => e.code) }));
    runId = Number((await db.insertInto('leads_rule_runs').values({ case_id: caseId, run_by: actor.username, at, dry_run: 0, as_of: at, results: JSON.stringify(summary) }).returning('id').executeTakeFirstOrThrow()).id);
    for (const result of run.results) {
      const rule = rules.find((r) => r.def.id === result.ruleId)!.def;
      const rows = result.hits.map((hit) => {
        const tag = hitToTag(rule, hit, now);
        tagged.push(hit.subjectKey);
        return {
          case_id: caseId, run_id: runId!, person_key: tag.subjectKey, rule_id: tag.ruleId, rule_version: tag.ruleVersion, fired_at: tag.firedAt, expires_at: tag.expiresAt,
          conditions: JSON.stringify(conditionsOf(hit.explanation.conditions)),
          evidence: JSON.stringify(tag.evidence.map((e) => ({ recordKind: e.recordKind, recordId: Number(e.recordId), values: e.values }))),
        };
      });
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('leads_tags').set({ expires_at: at }).where('case_id', '=', caseId).where('rule_id', '=', rule.id).where('expires_at', '>', at).execute();
        for (let i = 0; i < rows.length; i += 200) await trx.insertInto('leads_tags').values(rows.slice(i, i + 200)).execute();
      });
      stored.set(rule.id, rows.length);
    }
  } else {
    await db.insertInto('leads_rule_runs').values({ case_id: caseId, run_by: actor.username, at, dry_run: 1, as_of: at, results: JSON.stringify(run.results.map((r) => ({ ruleId: r.ruleId, hits: r.stats.hits }))) }).execute();
  }
  await auditCaseRead(ctx, access, [...new Set(tagged)], { query: dryRun ? 'rules.dry_run' : 'rules.run', runId, hits: run.stats.hits, via });
  return {
    caseNo, runId, dryRun, asOf: at, subjects,
    rules: run.results.map((r) => ({
      ruleId: r.ruleId, ruleVersion: r.ruleVersion, enabled: rules.find((x) => x.def.id === r.ruleId)!.def.enabled, hits: r.stats.hits, stored: stored.get(r.ruleId) ?? 0,
      warnings: r.warnings, errors: r.errors, ms: Math.round(r.stats.ms),
      sample: dryRun ? r.hits.map((h) => ({ personKey: h.subjectKey, conditions: conditionsOf(h.explanation.conditions), evidence: [...new Set(h.explanation.conditions.flatMap((c) => c.evidence.map((e) => Number(e.recordId))))].sort((a, b) => a - b) })) : [],
    })),
  };
}

/** One stored rule run as listed. */
export interface RuleRunRecord {
  readonly id: number;
  readonly runBy: string;
  readonly at: string;
  readonly dryRun: boolean;
  readonly results: ReadonlyArray<{ readonly ruleId: string; readonly ruleVersion?: number; readonly hits: number; readonly errors?: readonly string[] }>;
}

/**
 * The rule runs of a case, newest first (at most `limit`, default 50): who ran them, when, dry or
 * not, and the hits per rule. No personal data. @throws the errors of requireCase.
 */
export async function listRuleRuns(ctx: PlatformContext, actor: Actor, caseNo: string, limit = 50): Promise<RuleRunRecord[]> {
  const access = await requireCase(ctx, actor, 'leads.tags.read', caseNo);
  const rows = await leadsDb(ctx.database.db).selectFrom('leads_rule_runs').selectAll().where('case_id', '=', Number(access.case.id)).orderBy('id', 'desc').limit(Math.min(Math.max(limit, 1), 500)).execute();
  return rows.map((r) => ({ id: Number(r.id), runBy: r.run_by, at: r.at, dryRun: Number(r.dry_run) === 1, results: JSON.parse(r.results) as RuleRunRecord['results'] }));
}

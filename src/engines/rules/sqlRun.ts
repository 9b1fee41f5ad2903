/**
 * Rule runs in the database: one compiled query per rule (sqlCompile.ts) on SQLite or PostgreSQL,
 * each returned row explained by the same AST through a `ValueSource` that reads the row.
 */
import { sql } from 'kysely';
import { issue } from '../../core/errors.ts';
import type { Database } from '../../store/database.ts';
import { descendants, type Scalar } from './ast.ts';
import type { CheckedRule, FactCatalogue } from './catalogue.ts';
import { RuleErrors } from './errors.ts';
import { explain, type ValueSource } from './evaluate.ts';
import { readPath, type RunContext } from './memory.ts';
import type { Issue } from '../../core/errors.ts';
import type { Explanation } from './evaluate.ts';
import { checkOrFail, RuleTally, summarise, type RuleRunResult, type RunOptions, type RunResult } from './run.ts';
import type { RuleDef } from './ruleFile.ts';
import { compileRuleSql, type SqlPlan } from './sqlCompile.ts';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Evidence ids from a comma-joined column, ascending (numerically when all are numbers). */
function splitIds(v: unknown): string[] {
  if (v === null || v === undefined || v === '') return [];
  const ids = String(v).split(',');
  const numeric = ids.every((x) => /^-?\d+$/.test(x));
  return ids.sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
}

/** A `ValueSource` over one row returned by a compiled rule query. */
export function rowSource(plan: SqlPlan, row: Readonly<Record<string, unknown>>, ctx: RunContext): ValueSource {
  return {
    fact: (name) => { const c = plan.facts.get(name); return c === undefined ? undefined : row[c]; },
    context: (path) => readPath(ctx.values, path),
    list: (path) => { const l = readPath(ctx.values, path); return Array.isArray(l) ? (l as Scalar[]) : undefined; },
    aggregate: (node) => {
      const c = plan.aggregates.get(node)!;
      const raw = num(row[c.value]);
      return { value: raw === null && (node.fn === 'count' || node.fn === 'distinctCount') ? 0 : raw, evidence: splitIds(row[c.evidence]) };
    },
  };
}

/** Warnings for named lists the run context lacks (the compiled condition is unknown). */
function missingListWarnings(rule: CheckedRule, ctx: RunContext) {
  return descendants(rule.ast).flatMap((n) => (n.kind === 'in' && n.list.kind === 'listRef' && !Array.isArray(readPath(ctx.values, n.list.path))
    ? [issue(RuleErrors.RULE_MISSING_LIST, { name: n.list.path.join('.'), condition: n.text })] : []));
}

async function runOne(database: Database, rule: RuleDef, checked: CheckedRule, catalogue: FactCatalogue, ctx: RunContext, opts: RunOptions, subjects: number): Promise<RuleRunResult> {
  const tally = new RuleTally(rule, opts);
  for (const w of missingListWarnings(checked, ctx)) tally.warn(w);
  try {
    const { query, plan } = compileRuleSql(checked, catalogue, database.dialect, ctx);
    const rows = opts.dryRun
      ? (await sql<Record<string, unknown>>`select * from (${query}) as q order by subject_key limit ${sql.lit(opts.sampleSize ?? 10)}`.execute(database.db)).rows
      : (await query.execute(database.db)).rows;
    const total = opts.dryRun ? Number((await sql<{ n: number }>`select count(*) as n from (${query}) as q`.execute(database.db)).rows[0]!.n) : rows.length;
    for (const row of rows) tally.add(String(row.subject_key), explain(checked, catalogue, rowSource(plan, row, ctx)));
    tally.addSubjects(subjects - rows.length);
    const result = tally.result();
    return { ...result, stats: { ...result.stats, hits: total } };
  } catch (e) {
    return tally.result([issue(RuleErrors.RULE_RUN_FAILED, { ruleId: rule.id, reason: e instanceof Error ? e.message : String(e) })]);
  }
}

/**
 * Run enabled `rules` in the database (SQLite or PostgreSQL), one query per rule; hits come back
 * with explanations (values, thresholds, evidence ids). A rule whose check or query fails reports
 * its error and the run goes on. `opts.dryRun` counts hits with `count(*)` and fetches only a
 * sample; disabled rules run only on a dry run. Stats in SQL runs count subjects and hits; the
 * per-fact missing counts cover the hits only (non-hits are not fetched).
 */
export async function runRulesSql(database: Database, rules: readonly RuleDef[], catalogue: FactCatalogue, ctx: RunContext, opts: RunOptions = {}): Promise<RunResult> {
  const t0 = performance.now();
  const results: RuleRunResult[] = [];
  const subjects = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(catalogue.subjects.table)}`.execute(database.db)).rows[0]!.n);
  for (const rule of rules) {
    if (!rule.enabled && !opts.dryRun) continue;
    const { checked, failed } = checkOrFail(rule, catalogue);
    results.push(checked ? await runOne(database, rule, checked, catalogue, ctx, opts, subjects) : failed!);
  }
  return summarise(results, opts.dryRun ?? false, t0);
}

/**
 * Explain one subject in the database whatever the outcome — why a rule did or did not fire
 * (C19: `householdSize is not 1` with householdSize missing → outcome 'unknown', missingFacts
 * ['householdSize']). Returns the rule's check errors instead when it fails its check, and
 * `undefined` when the subject is not in the subjects table.
 */
export async function explainSubjectSql(database: Database, rule: RuleDef, catalogue: FactCatalogue, ctx: RunContext, subjectKey: string): Promise<Explanation | { errors: readonly Issue[] } | undefined> {
  const { checked, failed } = checkOrFail(rule, catalogue);
  if (!checked) return { errors: failed!.errors };
  const { query, plan } = compileRuleSql(checked, catalogue, database.dialect, ctx, { subjectKey });
  const row = (await query.execute(database.db)).rows[0];
  return row ? explain(checked, catalogue, rowSource(plan, row, ctx)) : undefined;
}

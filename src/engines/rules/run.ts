/**
 * Rule runs as result sets (kysely's MigrationResultSet habit): every rule of a run yields
 * `{ hits, warnings, errors, stats }`; a rule that fails to check or to run reports its error and
 * the other rules still run; nothing is thrown for bad rules or missing data (case C20).
 */
import { issue, type Issue } from '../../core/errors.ts';
import { checkRule, type CheckedRule, type FactCatalogue } from './catalogue.ts';
import { RuleErrors } from './errors.ts';
import { explain, type Explanation } from './evaluate.ts';
import { memorySource, RecordIndex, type InMemoryData, type RunContext } from './memory.ts';
import type { RuleDef } from './ruleFile.ts';

/** A subject for which the rule is `true`, with the explanation of each condition. */
export interface Hit { readonly subjectKey: string; readonly explanation: Explanation }

export interface RuleRunStats {
  readonly subjects: number;
  readonly hits: number;
  /** Subjects whose outcome was unknown (did not fire because of missing values). */
  readonly unknown: number;
  /** Per missing fact name, how many subjects lacked it. */
  readonly missingFacts: Readonly<Record<string, number>>;
  readonly ms: number;
}

export interface RuleRunResult {
  readonly ruleId: string;
  readonly ruleVersion: number;
  /** All hits, or on a dry run the first `sampleSize` hits (stats.hits is the full count). */
  readonly hits: readonly Hit[];
  readonly warnings: readonly Issue[];
  readonly errors: readonly Issue[];
  readonly stats: RuleRunStats;
}

export interface RunOptions {
  /** Count hits and keep only a sample; nothing is meant to be written. */
  readonly dryRun?: boolean;
  /** Hits kept on a dry run; default 10. */
  readonly sampleSize?: number;
}

export interface RunResult {
  readonly dryRun: boolean;
  readonly results: readonly RuleRunResult[];
  readonly stats: { readonly rules: number; readonly failed: number; readonly hits: number; readonly ms: number };
}

/** Collects one rule's outcome over its subjects. Shared by the in-memory and SQL runs. */
export class RuleTally {
  readonly hits: Hit[] = [];
  readonly warnings: Issue[] = [];
  /** Add a run-level warning once (deduplicated by code and params). */
  warn(w: Issue): void {
    const k = JSON.stringify([w.code, w.params]);
    if (!this.seen.has(k)) { this.seen.add(k); this.warnings.push(w); }
  }
  private readonly seen = new Set<string>();
  private readonly missing: Record<string, number> = {};
  private subjects = 0; private hitCount = 0; private unknown = 0;
  private readonly t0 = performance.now();
  constructor(private readonly rule: RuleDef, private readonly opts: RunOptions) {}

  add(subjectKey: string, e: Explanation): void {
    this.subjects++;
    for (const w of e.warnings) this.warn(w);
    for (const m of e.missingFacts) this.missing[m] = (this.missing[m] ?? 0) + 1;
    if (e.outcome === 'unknown') this.unknown++;
    if (e.outcome !== 'true') return;
    this.hitCount++;
    if (!this.opts.dryRun || this.hits.length < (this.opts.sampleSize ?? 10)) this.hits.push({ subjectKey, explanation: e });
  }
  /** Count a subject seen without explanation (SQL runs: subjects that did not fire). */
  addSubjects(n: number): void { this.subjects += n; }
  result(errors: readonly Issue[] = []): RuleRunResult {
    return {
      ruleId: this.rule.id, ruleVersion: this.rule.version, hits: this.hits, warnings: this.warnings, errors,
      stats: { subjects: this.subjects, hits: this.hitCount, unknown: this.unknown, missingFacts: { ...this.missing }, ms: performance.now() - this.t0 },
    };
  }
}

/** A failed rule's result: no hits, its errors. */
export function failedResult(rule: RuleDef, errors: readonly Issue[]): RuleRunResult {
  return new RuleTally(rule, {}).result(errors);
}

/** Check a rule, turning a failed check into its result; `undefined` checked means failed. */
export function checkOrFail(rule: RuleDef, catalogue: FactCatalogue): { checked?: CheckedRule; failed?: RuleRunResult } {
  const c = checkRule(rule.ast, catalogue);
  return c.ok ? { checked: c.rule } : { failed: failedResult(rule, c.errors) };
}

/** Sum per-rule results into a run result. */
export function summarise(results: RuleRunResult[], dryRun: boolean, t0: number): RunResult {
  return {
    dryRun, results,
    stats: { rules: results.length, failed: results.filter((r) => r.errors.length > 0).length, hits: results.reduce((s, r) => s + r.stats.hits, 0), ms: performance.now() - t0 },
  };
}

/**
 * Run enabled `rules` over in-memory `data` with the JS evaluator. Every subject of
 * `data.subjects` is evaluated for every rule; hits carry full explanations. Disabled rules are
 * skipped unless `opts.dryRun` (a dry run is how a rule is tried before it is enabled).
 */
export function runRulesInMemory(rules: readonly RuleDef[], catalogue: FactCatalogue, data: InMemoryData, ctx: RunContext, opts: RunOptions = {}): RunResult {
  const t0 = performance.now();
  const index = new RecordIndex(data);
  const results: RuleRunResult[] = [];
  for (const rule of rules) {
    if (!rule.enabled && !opts.dryRun) continue;
    const { checked, failed } = checkOrFail(rule, catalogue);
    if (!checked) { results.push(failed!); continue; }
    const tally = new RuleTally(rule, opts);
    try {
      for (const s of data.subjects) tally.add(s, explain(checked, catalogue, memorySource(checked, data, index, s, ctx)));
      results.push(tally.result());
    } catch (e) {
      results.push(tally.result([issue(RuleErrors.RULE_RUN_FAILED, { ruleId: rule.id, reason: e instanceof Error ? e.message : String(e) })]));
    }
  }
  return summarise(results, opts.dryRun ?? false, t0);
}

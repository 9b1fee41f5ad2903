/**
 * Explainable routing rules learned from handled cases: for each value of a base field (the
 * request type or appeal category) a rule table picks, by k-fold cross-validation on the
 * training cases of that value only, the one place field (district, neighbourhood, channel …)
 * that best predicts where cases went — or none, when the base value alone predicts as well.
 * Rules are majority votes with their support (cases behind the rule) and confidence (share
 * of those cases that went there); a specific rule (base × place) applies only with at least
 * `minSupport` cases, else its base rule (the fallback), else the global majority.
 *
 * Nothing here is specific to Boston: the disputes application can learn category × division →
 * mediation body from its own closed appeals the same way.
 */

/** A field of a case: name (shown in explanations) and how to read it. */
export interface CaseField<R> {
  readonly name: string;
  readonly get: (row: R) => string;
}

/** Options of learnRoutingRules. */
export interface RuleLearnerOptions<R> {
  /** What is predicted (Department, QUEUE, mediation body). */
  readonly target: CaseField<R>;
  /** The field every rule is keyed on first (TYPE, category). */
  readonly base: CaseField<R>;
  /** Place/channel fields, one of which may refine a base value. */
  readonly candidates: readonly CaseField<R>[];
  /** Smallest support of a specific (base × field) rule; default 2. */
  readonly minSupport?: number;
  /** Fold of a training case for the inner cross-validation (0 … folds-1), deterministic. */
  readonly foldOf: (row: R) => number;
  /** Number of inner folds; default 2. */
  readonly folds?: number;
}

/** One rule: conditions, outcome, support and confidence (share in [0, 1]). */
export interface RoutingRule {
  readonly when: Readonly<Record<string, string>>;
  readonly then: string;
  readonly support: number;
  readonly confidence: number;
}

/** A learned rule table. */
export interface RuleTable {
  readonly target: string;
  readonly base: string;
  /** The refining field chosen per base value (null = the base rule alone), with the CV accuracy that chose it. */
  readonly refinement: Readonly<Record<string, { readonly field: string | null; readonly cvAccuracy: number }>>;
  /** Specific rules (base × chosen field), each with support ≥ minSupport. */
  readonly rules: readonly RoutingRule[];
  /** One rule per base value. */
  readonly fallbacks: readonly RoutingRule[];
  /** The majority over all training cases. */
  readonly fallback: RoutingRule;
  readonly minSupport: number;
}

/** A routing decision with the rule that made it. */
export interface RoutingDecision {
  readonly value: string;
  readonly level: 'specific' | 'base' | 'default';
  readonly rule: RoutingRule;
  /** e.g. 'TYPE=Missing Sign ∧ pwd_district=1C → BTDT_District 06 (support 12, confidence 83%)'. */
  readonly reason: string;
}

type Counts = Map<string, Map<string, number>>;

function count(counts: Counts, key: string, value: string): void {
  let m = counts.get(key);
  if (!m) counts.set(key, (m = new Map()));
  m.set(value, (m.get(value) ?? 0) + 1);
}

/** Majority value (ties: the lexicographically smaller, so results are deterministic). */
function majority(m: Map<string, number>): { value: string; support: number; total: number } {
  let best = '';
  let n = -1;
  let total = 0;
  for (const [v, c] of m) {
    total += c;
    if (c > n || (c === n && v < best)) [best, n] = [v, c];
  }
  return { value: best, support: n, total };
}

interface Model { byBase: Counts; byPair: Counts; all: Map<string, number> }

function fit<R>(rows: readonly R[], o: RuleLearnerOptions<R>, field: CaseField<R> | null): Model {
  const byBase: Counts = new Map();
  const byPair: Counts = new Map();
  const all = new Map<string, number>();
  for (const r of rows) {
    const t = o.target.get(r);
    const b = o.base.get(r);
    count(byBase, b, t);
    if (field) count(byPair, `${b}\u0000${field.get(r)}`, t);
    all.set(t, (all.get(t) ?? 0) + 1);
  }
  return { byBase, byPair, all };
}

function predict<R>(m: Model, o: RuleLearnerOptions<R>, field: CaseField<R> | null, r: R, minSupport: number): string {
  const b = o.base.get(r);
  if (field) {
    const pair = m.byPair.get(`${b}\u0000${field.get(r)}`);
    if (pair && majority(pair).total >= minSupport) return majority(pair).value;
  }
  const base = m.byBase.get(b);
  return base ? majority(base).value : majority(m.all).value;
}

/**
 * Learn a rule table from training cases. Deterministic for a given input order and folds.
 * Cost: O(rows × candidates × folds).
 */
export function learnRoutingRules<R>(rows: readonly R[], options: RuleLearnerOptions<R>): RuleTable {
  const minSupport = options.minSupport ?? 2;
  const folds = options.folds ?? 2;
  const fields: (CaseField<R> | null)[] = [null, ...options.candidates];
  // Inner cross-validation: correct predictions per base value and field.
  const correct = new Map<string, number[]>();
  const seen = new Map<string, number>();
  for (let k = 0; k < folds; k++) {
    const train = rows.filter((r) => options.foldOf(r) !== k);
    const test = rows.filter((r) => options.foldOf(r) === k);
    fields.forEach((f, i) => {
      const m = fit(train, options, f);
      for (const r of test) {
        const b = options.base.get(r);
        if (!correct.has(b)) correct.set(b, new Array(fields.length).fill(0));
        if (i === 0) seen.set(b, (seen.get(b) ?? 0) + 1);
        if (predict(m, options, f, r, minSupport) === options.target.get(r)) correct.get(b)![i]! += 1;
      }
    });
  }
  const refinement: Record<string, { field: string | null; cvAccuracy: number }> = {};
  const chosen = new Map<string, CaseField<R> | null>();
  for (const [b, scores] of [...correct].sort(([a], [c]) => (a < c ? -1 : 1))) {
    let best = 0;
    scores.forEach((s, i) => {
      if (s > scores[best]!) best = i;
    });
    chosen.set(b, fields[best]!);
    refinement[b] = { field: fields[best]?.name ?? null, cvAccuracy: scores[best]! / (seen.get(b) ?? 1) };
  }

  const full = fit(rows, options, null);
  const fallbacks: RoutingRule[] = [...full.byBase].sort(([a], [c]) => (a < c ? -1 : 1)).map(([b, m]) => {
    const v = majority(m);
    return { when: { [options.base.name]: b }, then: v.value, support: v.total, confidence: v.support / v.total };
  });
  const rules: RoutingRule[] = [];
  for (const [b, field] of chosen) {
    if (!field) continue;
    const pairs: Counts = new Map();
    for (const r of rows) if (options.base.get(r) === b) count(pairs, field.get(r), options.target.get(r));
    for (const [value, m] of [...pairs].sort(([a], [c]) => (a < c ? -1 : 1))) {
      const v = majority(m);
      if (v.total >= minSupport) rules.push({ when: { [options.base.name]: b, [field.name]: value }, then: v.value, support: v.total, confidence: v.support / v.total });
    }
  }
  const g = majority(full.all);
  return { target: options.target.name, base: options.base.name, refinement, rules, fallbacks, fallback: { when: {}, then: g.value, support: g.total, confidence: g.support / g.total }, minSupport };
}

const describeRule = (r: RoutingRule) =>
  `${Object.entries(r.when).map(([k, v]) => `${k}=${v}`).join(' ∧ ') || '(any)'} → ${r.then} (support ${r.support}, confidence ${(r.confidence * 100).toFixed(0)}%)`;

/**
 * Route one case with a table: the specific rule of its base value and refining field when
 * there is one, else the base rule, else the global majority; with the rule as the reason.
 */
export function routeCase<R>(table: RuleTable, fields: readonly CaseField<R>[], row: R): RoutingDecision {
  const get = (name: string) => fields.find((f) => f.name === name)!.get(row);
  const b = get(table.base);
  const field = table.refinement[b]?.field ?? null;
  if (field) {
    const value = get(field);
    const rule = table.rules.find((r) => r.when[table.base] === b && r.when[field] === value);
    if (rule) return { value: rule.then, level: 'specific', rule, reason: describeRule(rule) };
  }
  const base = table.fallbacks.find((r) => r.when[table.base] === b);
  if (base) return { value: base.then, level: 'base', rule: base, reason: describeRule(base) };
  return { value: table.fallback.then, level: 'default', rule: table.fallback, reason: describeRule(table.fallback) };
}

/** Human-readable lines of a table (for the CLI and reports). */
export function describeRuleTable(table: RuleTable): string[] {
  const lines = [`${table.target} rules (base ${table.base}, min support ${table.minSupport}):`];
  for (const f of table.fallbacks) {
    const ref = table.refinement[f.when[table.base]!];
    lines.push(`  ${describeRule(f)}${ref?.field ? `; refined by ${ref.field} (CV ${(ref.cvAccuracy * 100).toFixed(1)}%)` : ''}`);
  }
  lines.push(`  ${table.rules.length} refined rules; default ${describeRule(table.fallback)}`);
  return lines;
}

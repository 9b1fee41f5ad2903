/**
 * Three-valued evaluation of a checked rule, and the explanation of each condition. The same code
 * explains in-memory runs and SQL runs: only the `ValueSource` differs (memory.ts computes
 * aggregates from records, sqlRun.ts reads the columns the compiled query returned).
 *
 * Logic is Kleene's strong three-valued logic, as in SQL (ISO/IEC 9075-2 §8.2, §6.35): a
 * comparison with a missing value is unknown; `not unknown` is unknown; `and` is false if any item
 * is false, else unknown if any is unknown; `or` dually. A rule fires only when it is `true`, so a
 * missing fact never satisfies a negative condition (case C19). A condition over a missing named
 * list is unknown, reported as not holding with a warning (case C20).
 */
import { issue, type Issue } from '../../core/errors.ts';
import { aggregatesOf, visit, type AggregateNode, type CompareNode, type CompareOp, type ConditionNode, type InNode, type Scalar, type TruthyNode, type ValueNode } from './ast.ts';
import type { CheckedRule, FactCatalogue } from './catalogue.ts';
import { RuleErrors } from './errors.ts';

export type Truth = 'true' | 'false' | 'unknown';

/** An aggregate's value for one subject (null when missing: sum/min/max of no records) and the ids behind it. */
export interface AggregateValue { readonly value: number | null; readonly evidence: readonly string[] }

/** Where the evaluator reads values for one subject. */
export interface ValueSource {
  /** A scalar fact of the subject; undefined or null = missing. */
  fact(name: string): unknown;
  /** A run-context value by path (`case.divisionCode`); undefined or null = missing. */
  context(path: readonly string[]): unknown;
  /** A named list by path, or undefined when the run context lacks it. */
  list(path: readonly string[]): readonly Scalar[] | undefined;
  aggregate(node: AggregateNode): AggregateValue;
}

export interface EvidenceRef { readonly recordKind: string; readonly recordId: string }

/** One leaf condition of a rule for one subject: what was compared and what came out. */
export interface ConditionExplanation {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly outcome: Truth;
  /** The left-hand value (the fact or aggregate), null when missing. */
  readonly actual: Scalar | null;
  /** The right-hand value: a threshold, a value, or the list tested; null when missing. */
  readonly threshold: Scalar | readonly Scalar[] | null;
  /** Records behind the aggregates in this condition (at most the run's evidence limit each). */
  readonly evidence: readonly EvidenceRef[];
  /** Names of the facts, context values or lists that were missing. */
  readonly missing: readonly string[];
}

export interface Explanation {
  readonly outcome: Truth;
  readonly conditions: readonly ConditionExplanation[];
  readonly missingFacts: readonly string[];
  readonly warnings: readonly Issue[];
}

/** Kleene conjunction over three-valued items. */
export function and3(items: readonly Truth[]): Truth {
  return items.includes('false') ? 'false' : items.includes('unknown') ? 'unknown' : 'true';
}
/** Kleene disjunction over three-valued items. */
export function or3(items: readonly Truth[]): Truth {
  return items.includes('true') ? 'true' : items.includes('unknown') ? 'unknown' : 'false';
}
/** Kleene negation. */
export function not3(t: Truth): Truth {
  return t === 'unknown' ? 'unknown' : t === 'true' ? 'false' : 'true';
}

const isMissing = (v: unknown): v is null | undefined => v === null || v === undefined;

/** Normalise a stored value: SQLite answers booleans as 0/1 for boolean-typed facts. */
function norm(v: unknown, boolish: boolean): Scalar | null {
  if (isMissing(v)) return null;
  if (boolish && typeof v === 'number') return v !== 0;
  return v as Scalar;
}

/** Compare two present-or-missing values under three-valued logic. */
export function compare3(op: CompareOp, a: Scalar | null, b: Scalar | null): Truth {
  if (a === null || b === null) return 'unknown';
  let r: boolean;
  switch (op) {
    case '=': r = a === b; break;
    case '!=': r = a !== b; break;
    case '<': r = a < b; break;
    case '<=': r = a <= b; break;
    case '>': r = a > b; break;
    case '>=': r = a >= b; break;
  }
  return r ? 'true' : 'false';
}

/** Test membership under three-valued logic (a missing value or list is unknown). */
export function in3(negated: boolean, a: Scalar | null, list: readonly Scalar[] | undefined): Truth {
  if (a === null || list === undefined) return 'unknown';
  const found = list.includes(a);
  return found !== negated ? 'true' : 'false';
}

/**
 * Evaluate `rule` for one subject through `src` and explain every leaf condition (outside
 * aggregate filters): actual value, threshold, outcome, evidence ids and missing names.
 * `catalogue` tells person facts from context values. Never throws on missing data.
 */
export function explain(rule: CheckedRule, catalogue: FactCatalogue, src: ValueSource): Explanation {
  const conditions: ConditionExplanation[] = [];
  const missingFacts = new Set<string>();
  const warnings: Issue[] = [];
  const aggKinds = new Map(aggregatesOf(rule.ast).map((a) => [a, a.recordKind]));

  const value = (v: ValueNode, missing: string[], evidence: EvidenceRef[]): Scalar | null => {
    switch (v.kind) {
      case 'literal': return v.value;
      case 'fact': {
        const name = v.path.join('.');
        const def = v.path.length === 1 ? catalogue.facts?.[name] : undefined;
        const raw = def ? src.fact(name) : src.context(v.path);
        const out = norm(raw, (def?.type ?? catalogue.context?.[name]) === 'boolean');
        if (out === null) { missing.push(name); missingFacts.add(name); }
        return out;
      }
      case 'aggregate': {
        const a = src.aggregate(v);
        for (const id of a.evidence) evidence.push({ recordKind: aggKinds.get(v) ?? v.recordKind, recordId: id });
        if (a.value === null) { missing.push(v.text); missingFacts.add(v.text); }
        return a.value;
      }
      default: return null; // field/person only occur inside aggregate filters, evaluated by the source
    }
  };

  const leaf = (c: CompareNode | InNode | TruthyNode): Truth => {
    const missing: string[] = [], evidence: EvidenceRef[] = [];
    let outcome: Truth, actual: Scalar | null, threshold: Scalar | readonly Scalar[] | null;
    if (c.kind === 'compare') {
      actual = value(c.left, missing, evidence);
      threshold = value(c.right, missing, evidence);
      outcome = compare3(c.op, actual, threshold);
    } else if (c.kind === 'truthy') {
      actual = value(c.value, missing, evidence);
      threshold = true;
      outcome = compare3('=', actual, true);
    } else {
      actual = value(c.left, missing, evidence);
      const list = c.list.kind === 'listLiteral' ? c.list.values : src.list(c.list.path);
      if (list === undefined && c.list.kind === 'listRef') {
        const name = c.list.path.join('.');
        missing.push(name);
        warnings.push(issue(RuleErrors.RULE_MISSING_LIST, { name, condition: c.text }));
      }
      threshold = list ?? null;
      outcome = in3(c.negated, actual, list);
    }
    conditions.push({ text: c.text, line: c.pos.line, column: c.pos.column, outcome, actual, threshold, evidence, missing });
    return outcome;
  };

  const evalCond = (c: ConditionNode): Truth => visit<Truth>(c, {
    and: (n) => and3(n.items.map(evalCond)),
    or: (n) => or3(n.items.map(evalCond)),
    not: (n) => not3(evalCond(n.item)),
    compare: leaf, in: leaf, truthy: leaf,
    fact: () => 'unknown', field: () => 'unknown', person: () => 'unknown', literal: () => 'unknown',
    aggregate: () => 'unknown', listLiteral: () => 'unknown', listRef: () => 'unknown',
  });

  const outcome = evalCond(rule.ast);
  return { outcome, conditions, missingFacts: [...missingFacts], warnings };
}

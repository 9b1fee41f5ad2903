/**
 * The in-memory value source: facts and records held in JS objects, aggregates computed by
 * walking each aggregate's filter over the subject's records with the same three-valued logic
 * as SQL (a record counts only when its filter is `true`).
 */
import { visit, type AggregateNode, type ConditionNode, type Scalar, type ValueNode } from './ast.ts';
import type { CheckedRule } from './catalogue.ts';
import { and3, compare3, in3, not3, or3, type AggregateValue, type Truth, type ValueSource } from './evaluate.ts';

/** One record: its id, its time in epoch milliseconds, and its fields by field name (not column). */
export interface RecordRow {
  readonly id: string | number;
  readonly time?: number;
  readonly [field: string]: unknown;
}

/**
 * Facts and records in memory. `facts[subjectKey][factName]`; `records[kind]` holds every record
 * of that kind (linked to subjects through the catalogue's person-key fields).
 */
export interface InMemoryData {
  readonly subjects: readonly string[];
  readonly facts: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly records: Readonly<Record<string, readonly RecordRow[]>>;
}

/** What every run is evaluated against: the reference time, the context values and lists. */
export interface RunContext {
  /** Windows (`within 30d`) end at this instant, epoch ms inclusive. */
  readonly asOf: number;
  /** Nested context values and named lists, e.g. `{ case: { divisionCode: '320102' }, grid: { allowedDivisions: [...] } }`. */
  readonly values?: Readonly<Record<string, unknown>>;
  /** Evidence ids kept per aggregate (lowest ids first); default 20. */
  readonly evidenceLimit?: number;
}

/** Read a dotted path from nested context values; undefined when any step is absent. */
export function readPath(values: Readonly<Record<string, unknown>> | undefined, path: readonly string[]): unknown {
  let cur: unknown = values;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object' || !(p in (cur as object))) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

const byId = (a: RecordRow, b: RecordRow): number =>
  typeof a.id === 'number' && typeof b.id === 'number' ? a.id - b.id : String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0;

/** Records grouped by (kind, person-key field, key), built once per data set and reused by every rule. */
export class RecordIndex {
  private readonly cache = new Map<string, Map<string, RecordRow[]>>();
  constructor(private readonly data: InMemoryData) {}
  /** The records of `kind` whose `field` equals `key`, sorted by id. */
  rows(kind: string, field: string, key: string): readonly RecordRow[] {
    const k = `${kind}\u0000${field}`;
    let m = this.cache.get(k);
    if (!m) {
      m = new Map();
      for (const r of this.data.records[kind] ?? []) {
        const v = r[field];
        if (v === null || v === undefined) continue;
        const s = String(v);
        const list = m.get(s);
        if (list) list.push(r); else m.set(s, [r]);
      }
      for (const list of m.values()) list.sort(byId);
      this.cache.set(k, m);
    }
    return m.get(key) ?? [];
  }
}

function rowTruth(c: ConditionNode, row: RecordRow, subject: string, ctx: RunContext): Truth {
  const val = (v: ValueNode): Scalar | null => {
    switch (v.kind) {
      case 'literal': return v.value;
      case 'person': return subject;
      case 'field': { const x = row[v.name]; return x === undefined || x === null ? null : (x as Scalar); }
      case 'fact': { const x = readPath(ctx.values, v.path); return x === undefined || x === null ? null : (x as Scalar); }
      default: return null;
    }
  };
  return visit<Truth>(c, {
    and: (n) => and3(n.items.map((i) => rowTruth(i, row, subject, ctx))),
    or: (n) => or3(n.items.map((i) => rowTruth(i, row, subject, ctx))),
    not: (n) => not3(rowTruth(n.item, row, subject, ctx)),
    compare: (n) => compare3(n.op, val(n.left), val(n.right)),
    truthy: (n) => compare3('=', val(n.value), true),
    in: (n) => in3(n.negated, val(n.left), n.list.kind === 'listLiteral' ? n.list.values : (readPath(ctx.values, n.list.path) as Scalar[] | undefined)),
    fact: () => 'unknown', field: () => 'unknown', person: () => 'unknown', literal: () => 'unknown',
    aggregate: () => 'unknown', listLiteral: () => 'unknown', listRef: () => 'unknown',
  });
}

/** Compute one aggregate for one subject over in-memory records (count 0 / null on no records). */
export function aggregateInMemory(a: AggregateNode, link: string, subject: string, index: RecordIndex, ctx: RunContext): AggregateValue {
  const from = a.withinMs === undefined ? -Infinity : ctx.asOf - a.withinMs;
  const limit = ctx.evidenceLimit ?? 20;
  const evidence: string[] = [];
  let count = 0, acc: number | null = null;
  const distinct = new Set<Scalar>();
  for (const r of index.rows(a.recordKind, link, subject)) {
    if (a.withinMs !== undefined && (r.time === undefined || r.time < from || r.time > ctx.asOf)) continue;
    if (a.filter && rowTruth(a.filter, r, subject, ctx) !== 'true') continue;
    const v = a.field === undefined ? undefined : (r[a.field] as Scalar | null | undefined);
    if (a.field !== undefined && (v === undefined || v === null)) continue;
    if (evidence.length < limit) evidence.push(String(r.id));
    count++;
    if (a.fn === 'distinctCount') distinct.add(v!);
    else if (a.fn === 'sum') acc = (acc ?? 0) + (v as number);
    else if (a.fn === 'min') acc = acc === null || (v as number) < acc ? (v as number) : acc;
    else if (a.fn === 'max') acc = acc === null || (v as number) > acc ? (v as number) : acc;
  }
  const value = a.fn === 'count' ? count : a.fn === 'distinctCount' ? distinct.size : acc;
  return { value, evidence };
}

/** A `ValueSource` over in-memory data for one subject of one checked rule. */
export function memorySource(rule: CheckedRule, data: InMemoryData, index: RecordIndex, subject: string, ctx: RunContext): ValueSource {
  return {
    fact: (name) => data.facts[subject]?.[name],
    context: (path) => readPath(ctx.values, path),
    list: (path) => {
      const l = readPath(ctx.values, path);
      return Array.isArray(l) ? (l as Scalar[]) : undefined;
    },
    aggregate: (node) => aggregateInMemory(node, rule.personLink.get(node)!, subject, index, ctx),
  };
}

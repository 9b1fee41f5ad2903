/**
 * Compile a checked rule to one SQL query through Kysely's `sql` builder, for SQLite and
 * PostgreSQL alike. The query returns, per subject for which the rule is TRUE, the subject key,
 * each scalar fact used (`f<i>`), and per aggregate its value (`a<i>_v`) and up to N evidence
 * record ids (`a<i>_e`, comma-separated). SQL's own three-valued logic (ISO/IEC 9075-2 §8)
 * matches the JS evaluator's: a WHERE keeps only TRUE rows, so unknown never fires.
 *
 * Shape: one CTE per aggregate, grouped by the record's person-key column, with
 * row_number() over (partition by key order by id) to keep the lowest N ids as evidence;
 * the subjects table left-joined to those CTEs and to one derived table per scalar fact.
 * Rule text reaches SQL only as catalogue identifiers or bound parameters/numeric literals.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../../store/database.ts';
import { aggregatesOf, visit, type AggregateNode, type ConditionNode, type Scalar, type ValueNode } from './ast.ts';
import type { CheckedRule, FactCatalogue, RecordKindDef } from './catalogue.ts';
import { readPath, type RunContext } from './memory.ts';

type Sql = RawBuilder<unknown>;

/** What each returned column means, for reading rows back into explanations. */
export interface SqlPlan {
  readonly facts: ReadonlyMap<string, string>;
  readonly aggregates: ReadonlyMap<AggregateNode, { readonly value: string; readonly evidence: string }>;
}

export interface CompiledRuleSql {
  readonly query: RawBuilder<Record<string, unknown>>;
  readonly plan: SqlPlan;
}

const nullBool = sql`cast(null as boolean)`;

function literal(v: Scalar | null): Sql {
  if (v === null) return sql`null`;
  if (typeof v === 'boolean') return v ? sql`TRUE` : sql`FALSE`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return sql`null`;
    return sql.lit(v);
  }
  return sql`cast(${v} as text)`;
}

function inList(left: Sql, negated: boolean, list: readonly Scalar[] | undefined): Sql {
  if (list === undefined) return nullBool;
  if (list.length === 0) return sql`(case when ${left} is null then ${nullBool} else ${negated ? sql`TRUE` : sql`FALSE`} end)`;
  const items = sql.join(list.map(literal));
  return negated ? sql`(${left} not in (${items}))` : sql`(${left} in (${items}))`;
}

/** The boolean SQL for a condition, given how value nodes render. */
function condition(c: ConditionNode, val: (v: ValueNode) => Sql, list: (path: readonly string[]) => readonly Scalar[] | undefined): Sql {
  const cond = (x: ConditionNode): Sql => condition(x, val, list);
  return visit<Sql>(c, {
    and: (n) => sql`(${sql.join(n.items.map(cond), sql` and `)})`,
    or: (n) => sql`(${sql.join(n.items.map(cond), sql` or `)})`,
    not: (n) => sql`(not ${cond(n.item)})`,
    compare: (n) => sql`(${val(n.left)} ${sql.raw(n.op === '!=' ? '<>' : n.op)} ${val(n.right)})`,
    truthy: (n) => sql`(${val(n.value)} = TRUE)`,
    in: (n) => inList(val(n.left), n.negated, n.list.kind === 'listLiteral' ? n.list.values : list(n.list.path)),
    fact: () => nullBool, field: () => nullBool, person: () => nullBool, literal: () => nullBool,
    aggregate: () => nullBool, listLiteral: () => nullBool, listRef: () => nullBool,
  });
}

const contextList = (ctx: RunContext) => (path: readonly string[]): readonly Scalar[] | undefined => {
  const l = readPath(ctx.values, path);
  return Array.isArray(l) ? (l as Scalar[]) : undefined;
};
const contextValue = (ctx: RunContext, path: readonly string[]): Sql => {
  const v = readPath(ctx.values, path);
  return literal(v === undefined ? null : (v as Scalar | null));
};

function aggregateCte(a: AggregateNode, link: string, def: RecordKindDef, dialect: DialectName, ctx: RunContext): Sql {
  const col = (name: string): Sql => sql.raw(def.fields[name]!.column);
  const linkCol = col(link);
  const val = (v: ValueNode): Sql => {
    switch (v.kind) {
      case 'field': return col(v.name);
      case 'person': return linkCol;
      case 'literal': return literal(v.value);
      case 'fact': return contextValue(ctx, v.path);
      default: return sql`null`;
    }
  };
  const where: Sql[] = [sql`${linkCol} is not null`];
  if (a.filter) where.push(sql`${condition(a.filter, val, contextList(ctx))} = TRUE`);
  if (a.field !== undefined) where.push(sql`${col(a.field)} is not null`);
  if (a.withinMs !== undefined && def.time !== undefined) {
    const iso = def.timeFormat === 'iso';
    const bound = (ms: number): Sql => (iso ? sql`${new Date(ms).toISOString()}` : sql.lit(ms));
    where.push(sql`${sql.ref(def.time)} >= ${bound(ctx.asOf - a.withinMs)}`, sql`${sql.ref(def.time)} <= ${bound(ctx.asOf)}`);
  }
  const from = def.source ? sql`${sql.raw(def.source)} as r` : sql`${sql.table(def.table)} as r`;
  const fieldExpr = a.field !== undefined ? col(a.field) : sql`null`;
  const agg = a.fn === 'count' ? sql`count(*)` : a.fn === 'distinctCount' ? sql`count(distinct x.f)` : sql`${sql.raw(a.fn)}(x.f)`;
  const limit = sql.lit(ctx.evidenceLimit ?? 20);
  const ids = dialect === 'postgres'
    ? sql`string_agg(case when x.rn <= ${limit} then cast(x.id as text) end, ',')`
    : sql`group_concat(case when x.rn <= ${limit} then x.id end, ',')`;
  return sql`select x.k as k, ${agg} as v, ${ids} as e from (
    select ${linkCol} as k, ${sql.ref(def.id)} as id, ${fieldExpr} as f,
      row_number() over (partition by ${linkCol} order by ${sql.ref(def.id)}) as rn
    from ${from} where ${sql.join(where, sql` and `)}) as x group by x.k`;
}

/**
 * Compile `rule` for `dialect`. Context values, named lists, the window's end (`ctx.asOf`) and the
 * evidence limit are bound into the query, so compile once per run. A named list missing from
 * the context compiles to an unknown condition (the run reports RULE_MISSING_LIST).
 * `opts.subjectKey` replaces the condition by "this subject", returning its values and evidence
 * whether or not the rule holds (used by `explainSubjectSql`).
 */
export function compileRuleSql(rule: CheckedRule, catalogue: FactCatalogue, dialect: DialectName, ctx: RunContext, opts: { readonly subjectKey?: string } = {}): CompiledRuleSql {
  const aggs = aggregatesOf(rule.ast);
  const aggCols = new Map<AggregateNode, { value: string; evidence: string }>();
  const ctes: Sql[] = [], joins: Sql[] = [], select: Sql[] = [sql`cast(s.${sql.ref(catalogue.subjects.key)} as text) as subject_key`];
  const subjectKey = sql`s.${sql.ref(catalogue.subjects.key)}`;
  aggs.forEach((a, i) => {
    const def = catalogue.records![a.recordKind]!;
    ctes.push(sql`${sql.raw(`a${i}`)} as (${aggregateCte(a, rule.personLink.get(a)!, def, dialect, ctx)})`);
    joins.push(sql`left join ${sql.raw(`a${i}`)} on ${sql.raw(`a${i}`)}.k = ${subjectKey}`);
    select.push(sql`${sql.raw(`a${i}`)}.v as ${sql.raw(`a${i}_v`)}`, sql`${sql.raw(`a${i}`)}.e as ${sql.raw(`a${i}_e`)}`);
    aggCols.set(a, { value: `a${i}_v`, evidence: `a${i}_e` });
  });
  const factCols = new Map<string, string>();
  const factRef = (name: string): Sql => {
    let alias = factCols.get(name);
    if (!alias) {
      alias = `f${factCols.size}`;
      factCols.set(name, alias);
      const def = catalogue.facts![name]!;
      joins.push(sql`left join (select ${sql.ref(def.key)} as k, ${sql.raw(def.value)} as v from ${sql.table(def.table)}) as ${sql.raw(alias)} on ${sql.raw(alias)}.k = ${subjectKey}`);
      select.push(sql`${sql.raw(alias)}.v as ${sql.raw(alias)}`);
    }
    return sql`${sql.raw(alias)}.v`;
  };
  const val = (v: ValueNode): Sql => {
    switch (v.kind) {
      case 'literal': return literal(v.value);
      case 'fact': return v.path.length === 1 && catalogue.facts?.[v.path[0]!] ? factRef(v.path[0]!) : contextValue(ctx, v.path);
      case 'aggregate': {
        const col = sql`${sql.raw(`a${aggs.indexOf(v)}`)}.v`;
        return v.fn === 'count' || v.fn === 'distinctCount' ? sql`coalesce(${col}, 0)` : col;
      }
      default: return sql`null`;
    }
  };
  // With a subject key, return that subject's row whatever the outcome (to explain a non-hit).
  const where = opts.subjectKey === undefined ? condition(rule.ast, val, contextList(ctx)) : sql`cast(${subjectKey} as text) = cast(${opts.subjectKey} as text)`;
  const withClause = ctes.length ? sql`with ${sql.join(ctes)} ` : sql``;
  const query = sql<Record<string, unknown>>`${withClause}select ${sql.join(select)} from ${sql.table(catalogue.subjects.table)} as s ${sql.join(joins, sql` `)} where ${where} order by subject_key`;
  return { query, plan: { facts: factCols, aggregates: aggCols } };
}

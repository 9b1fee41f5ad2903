/**
 * The fact catalogue an app gives the engine (the engine knows no app), and the type check of a
 * rule's AST against it. A catalogue names the subjects (persons), their scalar facts, the record
 * kinds that aggregates run over (with their SQL source), run-context values and named lists.
 * SQL text in a catalogue (`value`, `column`, `source`) is written by the app, never by rule
 * authors; rule text reaches SQL only as checked identifiers from here or as bound parameters.
 */
import { issue, type Issue } from '../../core/errors.ts';
import { type AggregateNode, type ConditionNode, type Pos, type ValueNode } from './ast.ts';
import { RuleErrors } from './errors.ts';

export type FactType = 'number' | 'string' | 'boolean';

/** A scalar fact per subject: one row per subject key in `table`; `value` is an SQL expression. */
export interface ScalarFactDef { readonly type: FactType; readonly table: string; readonly key: string; readonly value: string }

/** A field of a record kind: its type and the SQL column (or expression) holding it. */
export interface FieldDef { readonly type: FactType; readonly column: string }

/**
 * A kind of record that aggregates run over. `table` is a table name, or `source` an SQL derived
 * table (e.g. a join: "phones shared with another person"). `time` holds epoch milliseconds
 * (`timeFormat: 'epochMs'`, default) or ISO 8601 UTC text (`'iso'`). `personKeys` lists the fields
 * that may be tied to the subject with `field = person`; `defaultPersonKey` is used when the
 * filter names none.
 */
export interface RecordKindDef {
  readonly table: string;
  readonly source?: string;
  readonly id: string;
  /** Absent for kinds without a time (then `within` is refused). */
  readonly time?: string;
  readonly timeFormat?: 'epochMs' | 'iso';
  readonly personKeys: readonly string[];
  readonly defaultPersonKey?: string;
  readonly fields: Readonly<Record<string, FieldDef>>;
}

export interface FactCatalogue {
  /** The subjects rules are evaluated for: one row per person key (text). */
  readonly subjects: { readonly table: string; readonly key: string };
  readonly facts?: Readonly<Record<string, ScalarFactDef>>;
  readonly records?: Readonly<Record<string, RecordKindDef>>;
  /** Run-context values by dotted path (`case.divisionCode`), supplied per run. */
  readonly context?: Readonly<Record<string, FactType>>;
  /** Named lists by dotted path (`grid.allowedDivisions`) and element type, supplied per run. */
  readonly lists?: Readonly<Record<string, 'number' | 'string'>>;
}

/** A rule that passed the type check: the AST plus, per aggregate, the field tied to the subject. */
export interface CheckedRule {
  readonly ast: ConditionNode;
  readonly personLink: ReadonlyMap<AggregateNode, string>;
}

type T = FactType | 'null';

function at(pos: Pos): { line: number; column: number } { return { line: pos.line, column: pos.column }; }

/**
 * Type-check `ast` against `catalogue`: every fact, record kind, field and list is declared; the
 * sides of a comparison have one type; `<`/`>` compare numbers only (string order differs between
 * SQLite and PostgreSQL collations); sum/min/max run over number fields; every aggregate is tied to
 * the subject. Returns all problems found as `Issue`s with positions (never throws).
 */
export function checkRule(ast: ConditionNode, catalogue: FactCatalogue): { ok: true; rule: CheckedRule } | { ok: false; errors: Issue[] } {
  const errors: Issue[] = [];
  const personLink = new Map<AggregateNode, string>();

  const valueType = (v: ValueNode, kind: string | undefined): T | undefined => {
    switch (v.kind) {
      case 'literal': return v.value === null ? 'null' : (typeof v.value as FactType);
      case 'person': return 'string';
      case 'fact': {
        const name = v.path.join('.');
        const f = catalogue.facts?.[name];
        if (f && v.path.length === 1) return f.type;
        const c = catalogue.context?.[name];
        if (c) return c;
        errors.push(issue(RuleErrors.RULE_UNKNOWN_FACT, { name, ...at(v.pos) }));
        return undefined;
      }
      case 'field': {
        const def = kind ? catalogue.records?.[kind]?.fields[v.name] : undefined;
        if (!def) { errors.push(issue(RuleErrors.RULE_UNKNOWN_FIELD, { kind: kind ?? '', name: v.name, ...at(v.pos) })); return undefined; }
        return def.type;
      }
      case 'aggregate': checkAggregate(v); return 'number';
    }
  };

  const checkAggregate = (a: AggregateNode): void => {
    const def = catalogue.records?.[a.recordKind];
    if (!def) { errors.push(issue(RuleErrors.RULE_UNKNOWN_RECORD_KIND, { name: a.recordKind, ...at(a.pos) })); return; }
    if (a.field !== undefined) {
      const f = def.fields[a.field];
      if (!f) errors.push(issue(RuleErrors.RULE_UNKNOWN_FIELD, { kind: a.recordKind, name: a.field, ...at(a.pos) }));
      else if ((a.fn === 'sum' || a.fn === 'min' || a.fn === 'max') && f.type !== 'number') {
        errors.push(issue(RuleErrors.RULE_TYPE_MISMATCH, { reason: `${a.fn} needs a number field, ${a.field} is ${f.type}`, ...at(a.pos) }));
      }
    }
    if (a.withinMs !== undefined && def.time === undefined) errors.push(issue(RuleErrors.RULE_TYPE_MISMATCH, { reason: `${a.recordKind} has no time, "within" cannot apply`, ...at(a.pos) }));
    if (a.filter) checkCondition(a.filter, a.recordKind);
    const conjuncts = !a.filter ? [] : a.filter.kind === 'and' ? a.filter.items : [a.filter];
    for (const c of conjuncts) {
      if (c.kind !== 'compare' || c.op !== '=') continue;
      const f = c.left.kind === 'field' && c.right.kind === 'person' ? c.left : c.right.kind === 'field' && c.left.kind === 'person' ? c.right : undefined;
      if (f && def.personKeys.includes(f.name)) { personLink.set(a, f.name); break; }
    }
    if (!personLink.has(a)) {
      if (def.defaultPersonKey) personLink.set(a, def.defaultPersonKey);
      else errors.push(issue(RuleErrors.RULE_PERSON_LINK, { kind: a.recordKind, reason: `add "<${def.personKeys.join('|')}> = person" to the filter`, ...at(a.pos) }));
    }
  };

  const checkCondition = (c: ConditionNode, kind: string | undefined): void => {
    switch (c.kind) {
      case 'and': case 'or': c.items.forEach((i) => checkCondition(i, kind)); return;
      case 'not': checkCondition(c.item, kind); return;
      case 'truthy': {
        const t = valueType(c.value, kind);
        if (t && t !== 'boolean') errors.push(issue(RuleErrors.RULE_TYPE_MISMATCH, { reason: `"${c.text}" is ${t}, a bare condition must be boolean`, ...at(c.pos) }));
        return;
      }
      case 'compare': {
        const l = valueType(c.left, kind), r = valueType(c.right, kind);
        if (l && r && l !== 'null' && r !== 'null' && l !== r) errors.push(issue(RuleErrors.RULE_TYPE_MISMATCH, { reason: `"${c.text}" compares ${l} with ${r}`, ...at(c.pos) }));
        const ordered = c.op !== '=' && c.op !== '!=';
        if (ordered && ((l && l !== 'number' && l !== 'null') || (r && r !== 'number' && r !== 'null'))) {
          errors.push(issue(RuleErrors.RULE_TYPE_MISMATCH, { reason: `"${c.op}" compares numbers only`, ...at(c.pos) }));
        }
        return;
      }
      case 'in': {
        const l = valueType(c.left, kind);
        let el: T | undefined;
        if (c.list.kind === 'listRef') {
          const name = c.list.path.join('.');
          el = catalogue.lists?.[name];
          if (!el) errors.push(issue(RuleErrors.RULE_UNKNOWN_LIST, { name, ...at(c.list.pos) }));
        } else {
          const types = new Set(c.list.values.map((v) => typeof v as FactType));
          if (types.size > 1) errors.push(issue(RuleErrors.RULE_TYPE_MISMATCH, { reason: 'a list mixes value types', ...at(c.list.pos) }));
          el = [...types][0];
        }
        if (l && el && l !== el && l !== 'null') errors.push(issue(RuleErrors.RULE_TYPE_MISMATCH, { reason: `"${c.text}" tests a ${l} against a list of ${el}`, ...at(c.pos) }));
        return;
      }
    }
  };

  checkCondition(ast, undefined);
  return errors.length ? { ok: false, errors } : { ok: true, rule: { ast, personLink } };
}


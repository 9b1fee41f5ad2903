/**
 * The compiled JS evaluator over columnar facts: one typed array per scalar fact, each rule
 * compiled with `new Function` into a loop body of typed-array reads and integer three-valued
 * logic (F=0, U=1, T=2: `and` = min, `or` = max, `not` = 2 − x; Kleene's logic, as in SQL).
 * For whole-population screening (bench:rules); hits are explained afterwards with `explain`
 * through `columnarSource`. Aggregates are not compiled here: give their values as facts
 * (e.g. a `flaggedCount30d` column computed by SQL), or run the rule through SQL or memory.
 */
import { aggregatesOf, descendants, type ConditionNode, type Scalar, type ValueNode } from './ast.ts';
import type { CheckedRule, FactCatalogue } from './catalogue.ts';
import type { ValueSource } from './evaluate.ts';
import { readPath, type RunContext } from './memory.ts';

/** A number column (NaN = missing), a boolean column (0, 1, 2 = missing) or dictionary-coded strings (−1 = missing). */
export type Column =
  | { readonly type: 'number'; readonly values: Float64Array }
  | { readonly type: 'boolean'; readonly values: Uint8Array }
  | { readonly type: 'string'; readonly codes: Int32Array; readonly dict: readonly string[] };

/** Facts for `size` subjects; `keys[i]` is subject i's key. */
export interface ColumnarFacts {
  readonly size: number;
  readonly keys: readonly string[];
  readonly columns: Readonly<Record<string, Column>>;
}

/** A compiled rule: `hits()` lists subject indexes where the rule is TRUE, `truth(i)` gives 0/1/2. */
export interface CompiledColumnar {
  readonly truth: (i: number) => number;
  hits(): Int32Array;
}

/**
 * Build columns from row objects (`rows[i][fact]`; null/undefined = missing), typed by the
 * catalogue's scalar facts. Strings are dictionary-coded in first-seen order.
 */
export function toColumns(catalogue: FactCatalogue, keys: readonly string[], rows: ReadonlyArray<Readonly<Record<string, unknown>>>): ColumnarFacts {
  const n = rows.length;
  const columns: Record<string, Column> = {};
  for (const [name, def] of Object.entries(catalogue.facts ?? {})) {
    if (def.type === 'number') {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) { const v = rows[i]![name]; values[i] = v === null || v === undefined ? NaN : Number(v); }
      columns[name] = { type: 'number', values };
    } else if (def.type === 'boolean') {
      const values = new Uint8Array(n);
      for (let i = 0; i < n; i++) { const v = rows[i]![name]; values[i] = v === null || v === undefined ? 2 : v ? 1 : 0; }
      columns[name] = { type: 'boolean', values };
    } else {
      const codes = new Int32Array(n), dict: string[] = [], index = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const v = rows[i]![name];
        if (v === null || v === undefined) { codes[i] = -1; continue; }
        const s = String(v);
        let c = index.get(s);
        if (c === undefined) { c = dict.length; dict.push(s); index.set(s, c); }
        codes[i] = c;
      }
      columns[name] = { type: 'string', codes, dict };
    }
  }
  return { size: n, keys, columns };
}

const JS_OP: Record<string, string> = { '=': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/**
 * Compile a checked rule over scalar facts and context values to a columnar evaluator. Context
 * values and named lists are folded in at compile time (missing → unknown). Throws a plain Error
 * (a programming error) if the rule holds aggregates — callers route such rules to SQL or memory.
 */
export function compileColumnar(rule: CheckedRule, catalogue: FactCatalogue, facts: ColumnarFacts, ctx: RunContext): CompiledColumnar {
  if (aggregatesOf(rule.ast).length) throw new Error('compileColumnar: aggregates must be given as facts');
  const args: unknown[] = [];
  const arg = (v: unknown): string => { args.push(v); return `k${args.length - 1}`; };
  const colArg = new Map<string, string>();
  const column = (name: string): { c: Column; ref: string } => {
    const c = facts.columns[name];
    if (!c) throw new Error(`compileColumnar: no column ${name}`);
    let ref = colArg.get(name);
    if (!ref) { ref = arg(c.type === 'string' ? c.codes : c.values); colArg.set(name, ref); }
    return { c, ref };
  };
  const isFact = (v: ValueNode): v is Extract<ValueNode, { kind: 'fact' }> => v.kind === 'fact' && v.path.length === 1 && catalogue.facts?.[v.path[0]!] !== undefined;
  const constant = (v: ValueNode): Scalar | null => {
    if (v.kind === 'literal') return v.value;
    if (v.kind === 'fact') { const x = readPath(ctx.values, v.path); return x === undefined || x === null ? null : (x as Scalar); }
    return null;
  };
  /** JS source testing `v` against a constant predicate; yields 0/1/2. */
  const leafOnFact = (v: ValueNode, test: (value: string, c: Column) => string): string => {
    const { c, ref } = column((v as Extract<ValueNode, { kind: 'fact' }>).path[0]!);
    if (c.type === 'number') return `(${ref}[i] !== ${ref}[i] ? 1 : (${test(`${ref}[i]`, c)}) ? 2 : 0)`;
    if (c.type === 'boolean') return `(${ref}[i] === 2 ? 1 : (${test(`${ref}[i]`, c)}) ? 2 : 0)`;
    return `(${ref}[i] < 0 ? 1 : (${test(`${ref}[i]`, c)}) ? 2 : 0)`;
  };
  const encode = (x: Scalar, c: Column): string => {
    if (c.type === 'number') return String(Number(x));
    if (c.type === 'boolean') return x ? '1' : '0';
    const code = c.dict.indexOf(String(x));
    return String(code); // −1 never equals a present code
  };
  const gen = (n: ConditionNode): string => {
    switch (n.kind) {
      case 'and': return n.items.map(gen).reduce((a, b) => `Math.min(${a}, ${b})`);
      case 'or': return n.items.map(gen).reduce((a, b) => `Math.max(${a}, ${b})`);
      case 'not': return `(2 - ${gen(n.item)})`;
      case 'truthy': return isFact(n.value) ? leafOnFact(n.value, (x) => `${x} === 1`) : (constant(n.value) === null ? '1' : constant(n.value) === true ? '2' : '0');
      case 'compare': {
        const [l, r, op] = isFact(n.left) || !isFact(n.right) ? [n.left, n.right, n.op] : [n.right, n.left, flip(n.op)];
        if (isFact(l) && isFact(r)) {
          const a = column(l.path[0]!), b = column(r.path[0]!);
          if (a.c.type !== 'number' || b.c.type !== 'number') throw new Error('compileColumnar: fact-to-fact comparison of non-numbers');
          return `(${a.ref}[i] !== ${a.ref}[i] || ${b.ref}[i] !== ${b.ref}[i] ? 1 : ${a.ref}[i] ${JS_OP[op]} ${b.ref}[i] ? 2 : 0)`;
        }
        const k = constant(r);
        if (!isFact(l)) { const lk = constant(l); return lk === null || k === null ? '1' : cmpConst(op, lk, k) ? '2' : '0'; }
        if (k === null) return '1';
        return leafOnFact(l, (x, c) => `${x} ${JS_OP[op]} ${encode(k, c)}`);
      }
      case 'in': {
        const list = n.list.kind === 'listLiteral' ? n.list.values : (readPath(ctx.values, n.list.path) as Scalar[] | undefined);
        if (!Array.isArray(list)) return '1';
        if (!isFact(n.left)) { const lk = constant(n.left); return lk === null ? '1' : list.includes(lk) !== n.negated ? '2' : '0'; }
        const { c } = column(n.left.path[0]!);
        if (c.type === 'string') {
          const member = new Uint8Array(c.dict.length);
          c.dict.forEach((s, j) => { member[j] = list.includes(s) ? 1 : 0; });
          const m = arg(member);
          return leafOnFact(n.left, (x) => `${m}[${x}] ${n.negated ? '===' : '!=='} 0`);
        }
        const set = arg(new Set(list.map((x) => encode(x, c)).map(Number)));
        return leafOnFact(n.left, (x) => `${n.negated ? '!' : ''}${set}.has(${x})`);
      }
    }
  };
  const body = gen(rule.ast);
  const names = args.map((_, j) => `k${j}`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const truth = new Function(...names, `return function truth(i) { return ${body}; };`)(...args) as (i: number) => number;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const scan = new Function(...names, 'n', `return function hits() { const out = []; for (let i = 0; i < n; i++) if (${body} === 2) out.push(i); return Int32Array.from(out); };`)(...args, facts.size) as () => Int32Array;
  return { truth, hits: scan };
}

function flip(op: Extract<ConditionNode, { kind: 'compare' }>['op']): Extract<ConditionNode, { kind: 'compare' }>['op'] {
  return op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
}
function cmpConst(op: string, a: Scalar, b: Scalar): boolean {
  switch (op) { case '=': return a === b; case '!=': return a !== b; case '<': return a < b; case '<=': return a <= b; case '>': return a > b; default: return a >= b; }
}

/** A `ValueSource` reading subject `i` of columnar facts, to explain a columnar hit with `explain`. */
export function columnarSource(facts: ColumnarFacts, i: number, ctx: RunContext): ValueSource {
  return {
    fact: (name) => {
      const c = facts.columns[name];
      if (!c) return undefined;
      if (c.type === 'number') { const v = c.values[i]!; return Number.isNaN(v) ? null : v; }
      if (c.type === 'boolean') { const v = c.values[i]!; return v === 2 ? null : v === 1; }
      const code = c.codes[i]!;
      return code < 0 ? null : c.dict[code];
    },
    context: (path) => readPath(ctx.values, path),
    list: (path) => { const l = readPath(ctx.values, path); return Array.isArray(l) ? (l as Scalar[]) : undefined; },
    aggregate: () => ({ value: null, evidence: [] }),
  };
}

/** True when `rule` can be compiled by `compileColumnar` (no aggregates). */
export function isColumnar(rule: CheckedRule): boolean {
  return !descendants(rule.ast).some((n) => n.kind === 'aggregate');
}

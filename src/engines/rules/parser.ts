/**
 * A hand-written recursive-descent parser for the rule expression grammar (README.md, "Grammar").
 * Syntax errors are returned as a `RULE_SYNTAX` Issue with line and column, never thrown.
 *
 *   expr      := or
 *   or        := and ('or' and)*
 *   and       := unary ('and' unary)*
 *   unary     := 'not' unary | primary
 *   primary   := '(' expr ')' | operand [cmpop operand | ['not'] 'in' list | 'is' ['not'] operand]
 *   operand   := aggregate | path | 'person' | literal
 *   aggregate := ('count'|'distinctCount'|'sum'|'min'|'max') '(' kind ['.' field] ['where' expr] ['within' duration] ')'
 *   list      := '[' literal (',' literal)* ']' | path
 */
import { issue, type Issue } from '../../core/errors.ts';
import { Node, type AggregateFn, type CompareOp, type ConditionNode, type ListNode, type Pos, type Scalar, type ValueNode } from './ast.ts';
import { parseDuration } from './duration.ts';
import { RuleErrors } from './errors.ts';

type TokType = 'ident' | 'number' | 'string' | 'duration' | 'op' | 'eof';
interface Token { readonly type: TokType; readonly text: string; readonly value: string | number; readonly pos: Pos }

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'where', 'within', 'true', 'false', 'null', 'person']);
const AGGREGATES = new Set<AggregateFn>(['count', 'distinctCount', 'sum', 'min', 'max']);
const OPS = ['<=', '>=', '!=', '<>', '==', '=', '<', '>', '(', ')', '[', ']', ',', '.'];

class SyntaxFail { constructor(readonly pos: Pos, readonly reason: string) {} }

/** Where the expression starts in its file, so positions are file positions (line/column 1-based). */
export interface SourceOrigin { readonly line: number; readonly column: number }

function tokenize(src: string, origin: SourceOrigin): Token[] {
  const out: Token[] = [];
  let i = 0, line = origin.line, col = origin.column;
  const pos = (): Pos => ({ line, column: col, offset: i });
  const adv = (n: number): void => {
    for (let k = 0; k < n; k++) {
      if (src[i] === '\n') { line++; col = 1; } else col++;
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { adv(1); continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') adv(1); continue; }
    const p = pos();
    const num = /^-?\d+(\.\d+)?([\p{L}_][\p{L}\p{N}_]*)?/u.exec(src.slice(i));
    if (num && (c !== '-' || !/[\p{L}\p{N}_)\]]/u.test(out.length ? out[out.length - 1]!.text.slice(-1) : ''))) {
      const text = num[0];
      if (num[2]) out.push({ type: 'duration', text, value: text, pos: p });
      else out.push({ type: 'number', text, value: Number(text), pos: p });
      adv(text.length);
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1, s = '';
      while (j < src.length && src[j] !== c) { if (src[j] === '\\' && j + 1 < src.length) j++; s += src[j]; j++; }
      if (j >= src.length) throw new SyntaxFail(p, 'unterminated string');
      out.push({ type: 'string', text: src.slice(i, j + 1), value: s, pos: p });
      adv(j + 1 - i);
      continue;
    }
    const id = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(src.slice(i));
    if (id) { out.push({ type: 'ident', text: id[0], value: id[0], pos: p }); adv(id[0].length); continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) { out.push({ type: 'op', text: op, value: op, pos: p }); adv(op.length); continue; }
    throw new SyntaxFail(p, `unexpected character "${c}"`);
  }
  const last = out[out.length - 1];
  const end = last ? { line: last.pos.line, column: last.pos.column + last.text.length, offset: last.pos.offset + last.text.length } : pos();
  out.push({ type: 'eof', text: '', value: '', pos: last && !last.text.includes('\n') ? end : pos() });
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[], private readonly src: string) {}

  private get t(): Token { return this.toks[this.i]!; }
  private isKw(k: string): boolean { return this.t.type === 'ident' && this.t.text === k; }
  private isOp(o: string): boolean { return this.t.type === 'op' && this.t.text === o; }
  private fail(reason: string, tok: Token = this.t): never {
    throw new SyntaxFail(tok.pos, `${reason}, found ${tok.type === 'eof' ? 'end of rule' : `"${tok.text}"`}`);
  }
  private expectOp(o: string): Token { if (!this.isOp(o)) this.fail(`expected "${o}"`); return this.toks[this.i++]!; }
  private textFrom(start: Token): string { return this.src.slice(start.pos.offset, this.toks[this.i - 1]!.pos.offset + this.toks[this.i - 1]!.text.length); }

  parseRule(): ConditionNode {
    const e = this.or(false);
    if (this.t.type !== 'eof') this.fail('expected "and", "or" or the end of the rule');
    return e;
  }

  private or(rec: boolean): ConditionNode {
    const first = this.t;
    const items = [this.and(rec)];
    while (this.isKw('or')) { this.i++; items.push(this.and(rec)); }
    return items.length === 1 ? items[0]! : Node.or({ items, pos: first.pos });
  }
  private and(rec: boolean): ConditionNode {
    const first = this.t;
    const items = [this.unary(rec)];
    while (this.isKw('and')) { this.i++; items.push(this.unary(rec)); }
    return items.length === 1 ? items[0]! : Node.and({ items, pos: first.pos });
  }
  private unary(rec: boolean): ConditionNode {
    if (this.isKw('not')) { const p = this.t.pos; this.i++; return Node.not({ item: this.unary(rec), pos: p }); }
    return this.primary(rec);
  }
  private primary(rec: boolean): ConditionNode {
    if (this.isOp('(')) { this.i++; const e = this.or(rec); this.expectOp(')'); return e; }
    const start = this.t;
    const left = this.operand(rec);
    if (this.t.type === 'op' && ['=', '==', '!=', '<>', '<', '<=', '>', '>='].includes(this.t.text)) {
      const raw = this.toks[this.i++]!.text;
      const op: CompareOp = raw === '==' ? '=' : raw === '<>' ? '!=' : (raw as CompareOp);
      const right = this.operand(rec);
      return Node.compare({ op, left, right, pos: start.pos, text: this.textFrom(start) });
    }
    if (this.isKw('is')) {
      this.i++;
      let op: CompareOp = '=';
      if (this.isKw('not')) { this.i++; op = '!='; }
      const right = this.operand(rec);
      return Node.compare({ op, left, right, pos: start.pos, text: this.textFrom(start) });
    }
    let negated = false;
    if (this.isKw('not')) { this.i++; negated = true; if (!this.isKw('in')) this.fail('expected "in" after "not"'); }
    if (this.isKw('in')) {
      this.i++;
      const list = this.list();
      return Node.in({ negated, left, list, pos: start.pos, text: this.textFrom(start) });
    }
    return Node.truthy({ value: left, pos: start.pos, text: this.textFrom(start) });
  }
  private list(): ListNode {
    const p = this.t.pos;
    if (this.isOp('[')) {
      this.i++;
      const values: Scalar[] = [];
      if (!this.isOp(']')) {
        for (;;) {
          const v = this.literal();
          if (v === undefined || v === null) this.fail('expected a string, number or boolean in the list');
          values.push(v);
          if (this.isOp(',')) { this.i++; continue; }
          break;
        }
      }
      this.expectOp(']');
      return Node.listLiteral({ values, pos: p });
    }
    if (this.t.type !== 'ident' || KEYWORDS.has(this.t.text)) this.fail('expected a list "[…]" or a list name');
    return Node.listRef({ path: this.path(), pos: p });
  }
  /** A literal value, advancing; undefined (not advancing) when the token is not a literal. */
  private literal(): Scalar | null | undefined {
    const t = this.t;
    if (t.type === 'number' || t.type === 'string') { this.i++; return t.value; }
    if (this.isKw('true')) { this.i++; return true; }
    if (this.isKw('false')) { this.i++; return false; }
    if (this.isKw('null')) { this.i++; return null; }
    return undefined;
  }
  private path(): string[] {
    const parts = [this.t.text];
    this.i++;
    while (this.isOp('.')) {
      this.i++;
      if (this.t.type !== 'ident') this.fail('expected a name after "."');
      parts.push(this.t.text);
      this.i++;
    }
    return parts;
  }
  private operand(rec: boolean): ValueNode {
    const t = this.t;
    const lit = this.literal();
    if (lit !== undefined) return Node.literal({ value: lit, pos: t.pos });
    if (t.type === 'duration') this.fail('a duration is only allowed after "within"');
    if (t.type !== 'ident') this.fail('expected a fact, a value or an aggregate');
    if (t.text === 'person') {
      if (!rec) this.fail('"person" is only allowed inside an aggregate filter');
      this.i++;
      return Node.person({ pos: t.pos });
    }
    if (KEYWORDS.has(t.text)) this.fail('expected a fact, a value or an aggregate');
    if (AGGREGATES.has(t.text as AggregateFn) && this.toks[this.i + 1]?.text === '(') return this.aggregate(rec);
    const parts = this.path();
    if (rec) {
      if (parts.length !== 1) this.fail('a record field is a single name inside a filter', t);
      return Node.field({ name: parts[0]!, pos: t.pos });
    }
    return Node.fact({ path: parts, pos: t.pos });
  }
  private aggregate(rec: boolean): ValueNode {
    const start = this.t;
    if (rec) this.fail('aggregates cannot be nested');
    const fn = start.text as AggregateFn;
    this.i++;
    this.expectOp('(');
    if (this.t.type !== 'ident' || KEYWORDS.has(this.t.text)) this.fail('expected a record kind');
    const recordKind = this.t.text;
    this.i++;
    let field: string | undefined;
    if (this.isOp('.')) {
      this.i++;
      if (this.t.type !== 'ident') this.fail('expected a field name');
      field = this.t.text;
      this.i++;
    }
    if (fn !== 'count' && field === undefined) this.fail(`${fn} needs a field: ${fn}(kind.field …)`);
    let filter: ConditionNode | undefined;
    if (this.isKw('where')) { this.i++; filter = this.or(true); }
    let withinMs: number | undefined;
    if (this.isKw('within')) {
      this.i++;
      const d = this.t;
      const ms = d.type === 'duration' || d.type === 'ident' ? parseDuration(d.text) : undefined;
      if (ms === undefined) this.fail('expected a duration such as 30d, 12h, 2w or P90D');
      this.i++;
      withinMs = ms;
    }
    this.expectOp(')');
    return Node.aggregate({ fn, recordKind, field, filter, withinMs, pos: start.pos, text: this.textFrom(start) });
  }
}

export type ParseResult = { readonly ok: true; readonly ast: ConditionNode } | { readonly ok: false; readonly error: Issue };

/**
 * Parse one rule expression into a frozen AST. `origin` is where the text starts in its file
 * (default line 1, column 1), so errors name file positions. Never throws on bad input.
 * Example: `parseExpression("count(parcels where flagged and sender = person within 30d) >= 3")`.
 */
export function parseExpression(src: string, origin: SourceOrigin = { line: 1, column: 1 }): ParseResult {
  try {
    const ast = new Parser(tokenize(src, origin), src).parseRule();
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof SyntaxFail) {
      return { ok: false, error: issue(RuleErrors.RULE_SYNTAX, { line: e.pos.line, column: e.pos.column, reason: e.reason }) };
    }
    throw e;
  }
}

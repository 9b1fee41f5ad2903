/**
 * Rule files: YAML documents holding one rule or `rules: [...]`. Each rule has id, version,
 * name {zh, en}, description, weight, expiry (e.g. P90D), enabled and `when:` — an expression
 * string, or structured `all:` / `any:` / `not:` over expression strings. Positions in errors are
 * positions in the file (the expression parser is given each scalar's origin).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Scalar as YamlScalar } from 'yaml';
import { issue, type Issue } from '../../core/errors.ts';
import { Node, type ConditionNode } from './ast.ts';
import { parseDuration } from './duration.ts';
import { RuleErrors } from './errors.ts';
import { parseExpression } from './parser.ts';

/** A parsed rule (not yet type-checked against a catalogue). */
export interface RuleDef {
  readonly id: string;
  readonly version: number;
  readonly name: { readonly zh: string; readonly en: string };
  readonly description: string;
  readonly weight: number;
  /** How long a tag from this rule stays valid, in ms, and as written. */
  readonly expiryMs: number;
  readonly expiry: string;
  readonly enabled: boolean;
  /** The `when:` source as written (expression strings joined for structured forms). */
  readonly whenText: string;
  readonly ast: ConditionNode;
}

class FileFail { constructor(readonly issue: Issue) {} }

function parseWhen(node: YamlNode | null | undefined, src: string, lc: LineCounter, ruleId: string, texts: string[]): ConditionNode {
  if (isScalar(node) && typeof node.value === 'string') {
    const s = node as YamlScalar<string>;
    const [start, end] = [s.range![0], s.range![1]];
    let text: string, origin: { line: number; column: number };
    if (s.type === 'BLOCK_LITERAL' || s.type === 'BLOCK_FOLDED') {
      const body = src.indexOf('\n', start) + 1;
      text = src.slice(body, end);
      origin = { line: lc.linePos(body).line, column: 1 };
    } else if (s.type === 'PLAIN') {
      text = src.slice(start, end);
      const p = lc.linePos(start);
      origin = { line: p.line, column: p.col };
    } else {
      text = s.value;
      const p = lc.linePos(start);
      origin = { line: p.line, column: p.col + 1 };
    }
    texts.push(s.value.trim());
    const r = parseExpression(text, origin);
    if (!r.ok) throw new FileFail(r.error);
    return r.ast;
  }
  if (isMap(node) && node.items.length === 1 && isScalar(node.items[0]!.key)) {
    const key = String((node.items[0]!.key as YamlScalar).value);
    const val = node.items[0]!.value as YamlNode | null;
    const p = lc.linePos(node.range![0]);
    const pos = { line: p.line, column: p.col, offset: node.range![0] };
    if ((key === 'all' || key === 'any') && isSeq(val) && val.items.length > 0) {
      const items = val.items.map((i) => parseWhen(i as YamlNode, src, lc, ruleId, texts));
      return key === 'all' ? Node.and({ items, pos }) : Node.or({ items, pos });
    }
    if (key === 'not') return Node.not({ item: parseWhen(val, src, lc, ruleId, texts), pos });
  }
  throw new FileFail(issue(RuleErrors.RULE_FIELD_INVALID, { ruleId, field: 'when', reason: 'expected an expression, or one of all: [...], any: [...], not: ...' }));
}

function ruleFrom(node: YamlNode, src: string, lc: LineCounter): RuleDef {
  if (!isMap(node)) throw new FileFail(issue(RuleErrors.RULE_FILE_INVALID, { reason: 'a rule is a mapping' }));
  const obj = node.toJSON() as Record<string, unknown>;
  const id = typeof obj.id === 'string' && /^[A-Za-z0-9_.:-]+$/.test(obj.id) ? obj.id : undefined;
  if (!id) throw new FileFail(issue(RuleErrors.RULE_FIELD_INVALID, { ruleId: String(obj.id ?? '?'), field: 'id', reason: 'a name of letters, digits, _ . : -' }));
  const bad = (field: string, reason: string): never => { throw new FileFail(issue(RuleErrors.RULE_FIELD_INVALID, { ruleId: id, field, reason })); };
  const version = obj.version ?? 1;
  if (!Number.isInteger(version) || (version as number) < 1) bad('version', 'a positive integer');
  const name = obj.name as { zh?: unknown; en?: unknown } | undefined;
  if (!name || typeof name.zh !== 'string' || typeof name.en !== 'string') bad('name', 'needs zh and en');
  const weight = obj.weight ?? 1;
  if (typeof weight !== 'number' || !Number.isFinite(weight)) bad('weight', 'a number');
  const expiry = String(obj.expiry ?? 'P90D');
  const expiryMs = parseDuration(expiry);
  if (expiryMs === undefined) throw new FileFail(issue(RuleErrors.RULE_DURATION_INVALID, { value: expiry }));
  const enabled = obj.enabled ?? true;
  if (typeof enabled !== 'boolean') bad('enabled', 'true or false');
  if (obj.description !== undefined && typeof obj.description !== 'string') bad('description', 'text');
  const texts: string[] = [];
  const ast = parseWhen(node.get('when', true) as YamlNode | undefined, src, lc, id, texts);
  return Object.freeze({
    id, version: version as number, name: Object.freeze({ zh: name!.zh as string, en: name!.en as string }),
    description: (obj.description as string | undefined) ?? '', weight: weight as number, expiry, expiryMs: expiryMs!,
    enabled: enabled as boolean, whenText: texts.join('\n'), ast,
  });
}

/**
 * Parse a YAML rule file. Returns every rule that parsed and an `Issue` per rule that did not
 * (a syntax error names the file line and column); one bad rule does not hide the others.
 * Duplicate ids are reported (RULE_DUPLICATE_ID) and the later rule is dropped.
 */
export function parseRuleFile(text: string): { rules: RuleDef[]; errors: Issue[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return { rules: [], errors: [issue(RuleErrors.RULE_SYNTAX, { line: e.linePos?.[0].line ?? 0, column: e.linePos?.[0].col ?? 0, reason: e.message.split('\n')[0]! })] };
  }
  const root = doc.contents as YamlNode | null;
  const list = isMap(root) && root.has('rules') ? root.get('rules', true) : root;
  const items = isSeq(list) ? (list.items as YamlNode[]) : list ? [list as YamlNode] : [];
  const rules: RuleDef[] = [], errors: Issue[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    try {
      const r = ruleFrom(item, text, lc);
      if (seen.has(r.id)) errors.push(issue(RuleErrors.RULE_DUPLICATE_ID, { ruleId: r.id }));
      else { seen.add(r.id); rules.push(r); }
    } catch (e) {
      if (e instanceof FileFail) errors.push(e.issue); else throw e;
    }
  }
  return { rules, errors };
}

/** Build a rule from an expression string and defaults (tests, the API's "try a rule" box). */
export function ruleFromExpression(id: string, expression: string, meta: Partial<Omit<RuleDef, 'id' | 'ast' | 'whenText'>> = {}): { ok: true; rule: RuleDef } | { ok: false; error: Issue } {
  const r = parseExpression(expression);
  if (!r.ok) return r;
  const expiry = meta.expiry ?? 'P90D';
  return {
    ok: true,
    rule: Object.freeze({
      id, version: meta.version ?? 1, name: meta.name ?? { zh: id, en: id }, description: meta.description ?? '',
      weight: meta.weight ?? 1, expiry, expiryMs: meta.expiryMs ?? parseDuration(expiry)!, enabled: meta.enabled ?? true,
      whenText: expression, ast: r.ast,
    }),
  };
}

/**
 * bench:rules — 20 tag rules over N persons' facts (default 1,000,000), against json-rules-engine
 * 7 evaluating the same rules on the same facts in the same run (issue 3).
 *
 * Our side: the compiled columnar JS evaluator (src/engines/rules/columnar.ts): facts as typed
 * arrays (Float64Array numbers, Uint8Array booleans, dictionary-coded Int32Array strings), each
 * rule parsed from YAML, type-checked, and compiled with `new Function` to a scan with integer
 * three-valued logic. Not SQL. The facts are per-person aggregates (counts in windows etc.), the
 * same for both sides; the aggregation itself is not timed on either side.
 *
 * Baseline: json-rules-engine 7.3.1, the same 20 rules translated mechanically from our AST
 * (all/any/not; equal, notEqual, lessThan…, in, notIn), `engine.run(facts)` per person on plain
 * objects. It is slow, so it runs on the first --baseline persons (default 50,000); the ratio
 * compares time per person (the baseline on its subset, ours on all N and on the same subset).
 * Hits on the subset are checked to be identical rule by rule.
 *
 * Usage: npm run bench:rules -- [--persons 1000000] [--baseline 50000] [--reps 3]
 */
import os from 'node:os';
import { Engine, type TopLevelCondition, type NestedCondition } from 'json-rules-engine';
import { checkRule, type FactCatalogue } from '../src/engines/rules/catalogue.ts';
import { compileColumnar, toColumns, type CompiledColumnar } from '../src/engines/rules/columnar.ts';
import type { ConditionNode, ValueNode } from '../src/engines/rules/ast.ts';
import { readPath } from '../src/engines/rules/memory.ts';
import { parseRuleFile } from '../src/engines/rules/ruleFile.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const PERSONS = Number(args.get('persons') ?? 1_000_000);
const BASELINE = Math.min(PERSONS, Number(args.get('baseline') ?? 50_000));
const REPS = Number(args.get('reps') ?? 3);

const num = (type: 'number' | 'string' | 'boolean') => ({ type, table: 'person_facts', key: 'person_key', value: 'v' });
const catalogue: FactCatalogue = {
  subjects: { table: 'person_facts', key: 'person_key' },
  facts: {
    parcelCount30d: num('number'), flaggedCount30d: num('number'), distinctProvinces90d: num('number'), sumWeight30d: num('number'),
    householdSize: num('number'), age: num('number'), divisionCode: num('string'), registered: num('boolean'), sharedPhones: num('number'), nightShare: num('number'),
  },
  lists: { 'grid.allowedDivisions': 'string' },
};
const WHEN = [
  'flaggedCount30d >= 3',
  'distinctProvinces90d >= 10',
  'householdSize is not 1 and sharedPhones >= 2',
  'divisionCode in grid.allowedDivisions and flaggedCount30d >= 1',
  'divisionCode not in grid.allowedDivisions and parcelCount30d > 20',
  'not registered and parcelCount30d >= 10',
  'sumWeight30d > 50000 or flaggedCount30d >= 5',
  'age < 18 and parcelCount30d > 15',
  'nightShare >= 0.5 and parcelCount30d >= 5',
  'sharedPhones >= 3 or (not registered and sharedPhones >= 1)',
  'distinctProvinces90d >= 5 and flaggedCount30d >= 2 and age >= 18',
  'parcelCount30d >= 30',
  'householdSize >= 6 and distinctProvinces90d >= 8',
  'age >= 70 and parcelCount30d >= 10',
  'divisionCode in ["320102", "320104", "320105"] and nightShare > 0.3',
  'not registered and not (divisionCode in grid.allowedDivisions)',
  'flaggedCount30d >= 1 and sumWeight30d > 20000',
  'flaggedCount30d >= 4 and nightShare >= 0.2',
  'age < 25 and distinctProvinces90d >= 6 and sharedPhones >= 1',
  'sumWeight30d > 80000 or distinctProvinces90d >= 12 or sharedPhones >= 4',
];
const yamlText = `rules:\n${WHEN.map((w, i) => `  - id: r${i + 1}\n    name: { zh: 规则${i + 1}, en: rule ${i + 1} }\n    when: '${w.replace(/'/g, "''")}'\n`).join('')}`;

// mulberry32, seeded: the same facts on every run
let seed = 20261130;
const rnd = (): number => { seed = (seed + 0x6d2b79f5) | 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const expo = (mean: number): number => Math.floor(-Math.log(1 - rnd()) * mean);
const DIVISIONS = Array.from({ length: 60 }, (_, i) => String(320102 + i));
const ctx = { asOf: 0, values: { grid: { allowedDivisions: DIVISIONS.slice(0, 12) } } };

function makeFacts(n: number): Array<Record<string, number | string | boolean>> {
  const rows = new Array<Record<string, number | string | boolean>>(n);
  for (let i = 0; i < n; i++) {
    const parcels = expo(4);
    rows[i] = {
      parcelCount30d: parcels, flaggedCount30d: expo(0.6), distinctProvinces90d: expo(3), sumWeight30d: parcels * (500 + Math.floor(rnd() * 2500)),
      householdSize: 1 + Math.floor(rnd() * 7), age: 12 + Math.floor(rnd() * 79), divisionCode: DIVISIONS[Math.floor(rnd() * DIVISIONS.length)]!,
      registered: rnd() < 0.9, sharedPhones: expo(0.7), nightShare: Math.round(rnd() * 100) / 100,
    };
  }
  return rows;
}

/** Translate our AST to a json-rules-engine condition (scalar facts, literals and named lists only). */
function toJre(n: ConditionNode): NestedCondition {
  const OPS = { '=': 'equal', '!=': 'notEqual', '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive' } as const;
  const fact = (v: ValueNode): string => { if (v.kind !== 'fact') throw new Error('left side must be a fact'); return v.path[0]!; };
  switch (n.kind) {
    case 'and': return { all: n.items.map(toJre) };
    case 'or': return { any: n.items.map(toJre) };
    case 'not': return { not: toJre(n.item) };
    case 'truthy': return { fact: fact(n.value), operator: 'equal', value: true };
    case 'compare': {
      if (n.right.kind !== 'literal') throw new Error('right side must be a literal');
      return { fact: fact(n.left), operator: OPS[n.op], value: n.right.value };
    }
    case 'in': {
      const list = n.list.kind === 'listLiteral' ? n.list.values : readPath(ctx.values, n.list.path);
      return { fact: fact(n.left), operator: n.negated ? 'notIn' : 'in', value: list as never };
    }
  }
}
const top = (c: NestedCondition): TopLevelCondition => ('all' in c || 'any' in c || 'not' in c ? (c as TopLevelCondition) : { all: [c] });

function best(fn: () => void): number {
  let b = Infinity;
  for (let r = 0; r < REPS; r++) { const t = process.hrtime.bigint(); fn(); b = Math.min(b, Number(process.hrtime.bigint() - t) / 1e6); }
  return b;
}

async function main(): Promise<void> {
  const parsed = parseRuleFile(yamlText);
  if (parsed.errors.length) throw new Error(parsed.errors[0]!.messageEn);
  const checked = parsed.rules.map((r) => { const c = checkRule(r.ast, catalogue); if (!c.ok) throw new Error(`${r.id}: ${c.errors[0]!.messageEn}`); return c.rule; });
  console.log(`bench:rules — ${WHEN.length} rules, ${PERSONS.toLocaleString('en')} persons, baseline on ${BASELINE.toLocaleString('en')}; Node ${process.version}, ${os.cpus().length} CPU, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  let t = performance.now();
  const rows = makeFacts(PERSONS);
  const keys = rows.map((_, i) => `p${i}`);
  console.log(`facts generated: ${(performance.now() - t).toFixed(0)} ms (not timed on either side)`);
  t = performance.now();
  const facts = toColumns(catalogue, keys, rows);
  const columnsMs = performance.now() - t;
  t = performance.now();
  const compiled: CompiledColumnar[] = checked.map((c) => compileColumnar(c, catalogue, facts, ctx));
  const compileMs = performance.now() - t;

  const ourHits = new Array<number>(WHEN.length).fill(0);
  const ourMs = best(() => compiled.forEach((c, i) => { ourHits[i] = c.hits().length; }));

  const subRows = rows.slice(0, BASELINE);
  const subFacts = toColumns(catalogue, keys.slice(0, BASELINE), subRows);
  const subCompiled = checked.map((c) => compileColumnar(c, catalogue, subFacts, ctx));
  const subHits: Int32Array[] = [];
  const ourSubMs = best(() => { subHits.length = 0; subCompiled.forEach((c) => subHits.push(c.hits())); });

  const engine = new Engine([], { allowUndefinedFacts: true });
  checked.forEach((c, i) => engine.addRule({ name: `r${i + 1}`, conditions: top(toJre(c.ast)), event: { type: `r${i + 1}` } }));
  const jreHits: number[][] = WHEN.map(() => []);
  t = performance.now();
  for (let i = 0; i < BASELINE; i++) {
    const { events } = await engine.run(subRows[i]!);
    for (const e of events) jreHits[Number(e.type.slice(1)) - 1]!.push(i);
  }
  const jreMs = performance.now() - t;

  const mismatched = WHEN.filter((_, r) => jreHits[r]!.join(',') !== [...subHits[r]!].join(','));
  const perPersonUs = (ms: number, n: number): string => ((ms * 1000) / n).toFixed(3);
  console.log('\n| measure | value |\n|---|---|');
  console.log(`| columns built from row objects | ${columnsMs.toFixed(0)} ms |`);
  console.log(`| 20 rules compiled | ${compileMs.toFixed(1)} ms |`);
  console.log(`| ours: 20 rules × ${PERSONS.toLocaleString('en')} persons (best of ${REPS}) | ${ourMs.toFixed(0)} ms (${perPersonUs(ourMs, PERSONS)} µs/person, ${(PERSONS / ourMs / 1000).toFixed(1)} M persons/s) |`);
  console.log(`| ours: 20 rules × ${BASELINE.toLocaleString('en')} persons (best of ${REPS}) | ${ourSubMs.toFixed(1)} ms (${perPersonUs(ourSubMs, BASELINE)} µs/person) |`);
  console.log(`| json-rules-engine: 20 rules × ${BASELINE.toLocaleString('en')} persons | ${jreMs.toFixed(0)} ms (${perPersonUs(jreMs, BASELINE)} µs/person) |`);
  console.log(`| ratio, same ${BASELINE.toLocaleString('en')} persons (json-rules-engine / ours) | **${(jreMs / ourSubMs).toFixed(0)}×** |`);
  console.log(`| ratio per person, ours on ${PERSONS.toLocaleString('en')} | **${((jreMs / BASELINE) / (ourMs / PERSONS)).toFixed(0)}×** |`);
  console.log(`| json-rules-engine extrapolated to ${PERSONS.toLocaleString('en')} persons | ${((jreMs / BASELINE) * PERSONS / 1000).toFixed(0)} s |`);
  console.log(`| hits on the baseline subset identical | ${mismatched.length === 0 ? 'yes, all 20 rules' : `NO: ${mismatched.join('; ')}`} |`);
  console.log(`| hits per rule on ${PERSONS.toLocaleString('en')} | ${ourHits.join(', ')} |`);
  if (mismatched.length) process.exitCode = 1;
}

await main();

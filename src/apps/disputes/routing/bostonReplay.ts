/**
 * The Boston 311 replay (issue 5, "What it must show"): cases are split deterministically by
 * CASE_ENQUIRY_ID parity (even = training half, odd = test half); routing rules for Department
 * and QUEUE are learned from the training half (`learnRoutingRules`, base TYPE, refined by one
 * place/channel field per type, inner 2-fold CV on the next bit of the id) and checked on the
 * test half; the remaining confusion is listed, beside the ceiling of any TYPE × one-field rule
 * (the majority of each group measured on the test half itself).
 *
 * SLA: every case's on-time verdict comes from the workflow engine's `slaVerdict` with
 * start OPEN_DT, due TARGET_DT and completed CLOSED_DT, and is compared with OnTime_Status.
 * Boston's definition, read from the rows: a closed case is ONTIME when CLOSED_DT ≤ TARGET_DT;
 * a case without a target date is ONTIME (it cannot be overdue); an open case is OVERDUE once
 * its target has passed at the moment of the export. The export moment is not in the file; it
 * is estimated as the instant that best separates open ONTIME from open OVERDUE cases and
 * reported separately. Cases with an empty OnTime_Status are counted apart (no label).
 */
import { slaVerdict } from '../../../engines/workflow/index.ts';
import { BOSTON_PLACE_FIELDS, type BostonCase } from './bostonData.ts';
import { learnRoutingRules, routeCase, type CaseField, type RuleTable } from './ruleLearner.ts';

/** Fields of a Boston case as the rule learner reads them. */
export const BOSTON_FIELDS: readonly CaseField<BostonCase>[] = [
  { name: 'TYPE', get: (c) => c.type },
  { name: 'Department', get: (c) => c.department },
  { name: 'QUEUE', get: (c) => c.queue },
  ...BOSTON_PLACE_FIELDS.map((f) => ({ name: f, get: (c: BostonCase) => c.places[f] })),
];
const field = (name: string) => BOSTON_FIELDS.find((f) => f.name === name)!;
const CANDIDATES = BOSTON_PLACE_FIELDS.map((f) => field(f));

/** Accuracy of one routed target on the test half. */
export interface RoutingFigures {
  readonly correct: number;
  readonly total: number;
  readonly accuracy: number;
  readonly byLevel: Readonly<Record<'specific' | 'base' | 'default', { correct: number; total: number }>>;
  /** Misrouted cases grouped by (actual, predicted), most frequent first. */
  readonly confusion: readonly { actual: string; predicted: string; count: number }[];
  /** The best accuracy any TYPE × one-field majority rule could reach on the test half, and its field. */
  readonly ceiling: { readonly field: string; readonly accuracy: number };
  readonly table: RuleTable;
}

/** SLA agreement figures. */
export interface SlaFigures {
  /** Closed cases and cases without a target, with a label: verdict equals OnTime_Status. */
  readonly judged: number;
  readonly agree: number;
  readonly share: number;
  readonly closedWithTarget: { agree: number; total: number };
  readonly withoutTarget: { agree: number; total: number };
  readonly unlabelled: number;
  readonly mismatches: readonly { id: string; expected: string; verdict: string }[];
  /** Open cases with a target: agreement at the estimated export instant. */
  readonly openWithTarget: { readonly agree: number; readonly total: number; readonly exportedAt: string | null };
}

/** Everything the replay measures. */
export interface BostonReplayReport {
  readonly cases: number;
  readonly train: number;
  readonly test: number;
  readonly department: RoutingFigures;
  readonly queue: RoutingFigures;
  readonly sla: SlaFigures;
}

const idBit = (c: BostonCase, bit: number) => Number((BigInt(c.id.replace(/\D/g, '') || '0') >> BigInt(bit)) & 1n);

/** The deterministic split: even CASE_ENQUIRY_ID = training half, odd = test half. */
export function splitCases(cases: readonly BostonCase[]): { train: BostonCase[]; test: BostonCase[] } {
  return { train: cases.filter((c) => idBit(c, 0) === 0), test: cases.filter((c) => idBit(c, 0) === 1) };
}

function ceiling(test: readonly BostonCase[], target: CaseField<BostonCase>): { field: string; accuracy: number } {
  let best = { field: 'TYPE', accuracy: 0 };
  for (const f of [null, ...CANDIDATES]) {
    const groups = new Map<string, Map<string, number>>();
    for (const c of test) {
      const k = `${c.type}\u0000${f ? f.get(c) : ''}`;
      const m = groups.get(k) ?? new Map<string, number>();
      m.set(target.get(c), (m.get(target.get(c)) ?? 0) + 1);
      groups.set(k, m);
    }
    let hit = 0;
    for (const m of groups.values()) hit += Math.max(...m.values());
    const accuracy = test.length ? hit / test.length : 0;
    if (accuracy > best.accuracy) best = { field: f ? `TYPE × ${f.name}` : 'TYPE', accuracy };
  }
  return best;
}

function evaluateRouting(train: readonly BostonCase[], test: readonly BostonCase[], targetName: 'Department' | 'QUEUE'): RoutingFigures {
  const target = field(targetName);
  const table = learnRoutingRules(train, { target, base: field('TYPE'), candidates: CANDIDATES, minSupport: 2, foldOf: (c) => idBit(c, 1), folds: 2 });
  const byLevel = { specific: { correct: 0, total: 0 }, base: { correct: 0, total: 0 }, default: { correct: 0, total: 0 } };
  const confusion = new Map<string, number>();
  let correct = 0;
  for (const c of test) {
    const d = routeCase(table, BOSTON_FIELDS, c);
    const ok = d.value === target.get(c);
    byLevel[d.level].total += 1;
    if (ok) {
      correct += 1;
      byLevel[d.level].correct += 1;
    } else {
      const k = `${target.get(c)}\u0000${d.value}`;
      confusion.set(k, (confusion.get(k) ?? 0) + 1);
    }
  }
  const list = [...confusion].map(([k, count]) => ({ actual: k.split('\u0000')[0]!, predicted: k.split('\u0000')[1]!, count }));
  list.sort((a, b) => b.count - a.count || (a.actual < b.actual ? -1 : 1));
  return { correct, total: test.length, accuracy: test.length ? correct / test.length : 0, byLevel, confusion: list, ceiling: ceiling(test, target), table };
}

/** Boston's on-time label for a case at an instant, through the workflow engine's verdict. */
export function bostonOnTime(c: BostonCase, now: Date): 'ONTIME' | 'OVERDUE' {
  return slaVerdict({ start: c.opened, due: c.target, completed: c.caseStatus === 'Closed' ? c.closed : null, now }).onTime ?? 'ONTIME';
}

function exportInstant(open: readonly BostonCase[]): { at: Date | null; agree: number } {
  // OVERDUE iff target < export instant: sweep the candidate instants just after each target.
  const sorted = [...open].sort((a, b) => a.target!.getTime() - b.target!.getTime());
  let agree = sorted.filter((c) => c.onTimeStatus === 'ONTIME').length;
  let best = { at: sorted[0] ? new Date(sorted[0].target!.getTime()) : null, agree };
  sorted.forEach((c, i) => {
    agree += c.onTimeStatus === 'OVERDUE' ? 1 : -1;
    const next = sorted[i + 1];
    if (agree > best.agree && (!next || next.target!.getTime() > c.target!.getTime())) best = { at: new Date(c.target!.getTime() + 1), agree };
  });
  return best;
}

function evaluateSla(cases: readonly BostonCase[]): SlaFigures {
  const labelled = cases.filter((c) => c.onTimeStatus === 'ONTIME' || c.onTimeStatus === 'OVERDUE');
  const closedWithTarget = { agree: 0, total: 0 };
  const withoutTarget = { agree: 0, total: 0 };
  const mismatches: { id: string; expected: string; verdict: string }[] = [];
  const openTargeted: BostonCase[] = [];
  for (const c of labelled) {
    if (c.target && c.caseStatus === 'Open') {
      openTargeted.push(c);
      continue;
    }
    // Closed cases are judged at their closing; open cases without a target are never overdue.
    const verdict = bostonOnTime(c, c.closed ?? c.opened);
    const bucket = c.target ? closedWithTarget : withoutTarget;
    bucket.total += 1;
    if (verdict === c.onTimeStatus) bucket.agree += 1;
    else mismatches.push({ id: c.id, expected: c.onTimeStatus, verdict });
  }
  const judged = closedWithTarget.total + withoutTarget.total;
  const agree = closedWithTarget.agree + withoutTarget.agree;
  const exp = exportInstant(openTargeted);
  const openAgree = exp.at ? openTargeted.filter((c) => bostonOnTime(c, exp.at!) === c.onTimeStatus).length : 0;
  return {
    judged, agree, share: judged ? agree / judged : 0, closedWithTarget, withoutTarget, unlabelled: cases.length - labelled.length, mismatches,
    openWithTarget: { agree: openAgree, total: openTargeted.length, exportedAt: exp.at?.toISOString() ?? null },
  };
}

/** Run the whole replay on accepted cases. Pure and deterministic. */
export function replayBoston(cases: readonly BostonCase[]): BostonReplayReport {
  const { train, test } = splitCases(cases);
  return { cases: cases.length, train: train.length, test: test.length, department: evaluateRouting(train, test, 'Department'), queue: evaluateRouting(train, test, 'QUEUE'), sla: evaluateSla(cases) };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** The report as printed by `gongzhi disputes boston-replay`. */
export function formatBostonReport(r: BostonReplayReport, confusionRows = 12): string {
  const lines = [`Boston 311 replay: ${r.cases} cases; rules learned on ${r.train} (even CASE_ENQUIRY_ID), checked on ${r.test} (odd)`];
  for (const [name, f] of [['Department', r.department], ['QUEUE', r.queue]] as const) {
    lines.push(`${name}: ${f.correct}/${f.total} = ${pct(f.accuracy)} (ceiling of any ${f.ceiling.field} rule on the test half: ${pct(f.ceiling.accuracy)})`);
    for (const [level, v] of Object.entries(f.byLevel)) if (v.total) lines.push(`  ${level} rules: ${v.correct}/${v.total}`);
    lines.push(`  refined types: ${Object.entries(f.table.refinement).filter(([, v]) => v.field).map(([t, v]) => `${t} by ${v.field}`).join('; ') || 'none'}`);
    lines.push(`  remaining confusion (actual → predicted: cases):`);
    for (const c of f.confusion.slice(0, confusionRows)) lines.push(`    ${c.actual} → ${c.predicted}: ${c.count}`);
    const rest = f.confusion.slice(confusionRows).reduce((s, c) => s + c.count, 0);
    if (rest) lines.push(`    … ${f.confusion.length - confusionRows} more pairs, ${rest} cases`);
  }
  const s = r.sla;
  lines.push(`SLA verdict = OnTime_Status for closed cases and cases without a target: ${s.agree}/${s.judged} = ${pct(s.share)}`);
  lines.push(`  closed with target ${s.closedWithTarget.agree}/${s.closedWithTarget.total}; without target ${s.withoutTarget.agree}/${s.withoutTarget.total}; no OnTime_Status (not judged) ${s.unlabelled}`);
  for (const m of s.mismatches.slice(0, 10)) lines.push(`  mismatch ${m.id}: file ${m.expected}, engine ${m.verdict}`);
  lines.push(`  open cases with a target: ${s.openWithTarget.agree}/${s.openWithTarget.total} at the estimated export instant ${s.openWithTarget.exportedAt ?? '-'}`);
  return lines.join('\n');
}

/**
 * The GB/T 2260 division table at run time: `divisions.generated.json` (built by
 * build-data.ts, committed) loaded once, lazily, on first use, with the meaning of a code in a
 * given year and the successor of a retired code.
 */
import fs from 'node:fs';

/** One meaning of a code: years inclusive; `from` null = in force before the first edition (1980), `to` null = still in force. */
export interface DivisionSpan {
  readonly from: number | null;
  readonly to: number | null;
  readonly name: string;
}

export interface DivisionTable {
  readonly timelineCompleteThrough: number;
  readonly tableYear: number;
  /** Codes from the supplementary timeline (seen on ID cards, never published). */
  readonly supplementary: ReadonlySet<string>;
  readonly codes: ReadonlyMap<string, readonly DivisionSpan[]>;
}

let table: DivisionTable | undefined;

/** The division table, read from the generated JSON on the first call (≈0.3 MB, ≈7,300 codes). */
export function divisionTable(): DivisionTable {
  if (table) return table;
  const raw = JSON.parse(fs.readFileSync(new URL('./divisions.generated.json', import.meta.url), 'utf8')) as {
    timelineCompleteThrough: number;
    tableYear: number;
    supplementary: string[];
    codes: Record<string, Array<[number | null, number | null, string]>>;
  };
  const codes = new Map<string, DivisionSpan[]>();
  for (const [code, spans] of Object.entries(raw.codes)) {
    codes.set(code, spans.map(([from, to, name]) => Object.freeze({ from, to, name })));
  }
  table = { timelineCompleteThrough: raw.timelineCompleteThrough, tableYear: raw.tableYear, supplementary: new Set(raw.supplementary), codes };
  return table;
}

/** All meanings of a code, oldest first, or undefined for an unknown code. */
export function spansOf(code: string): readonly DivisionSpan[] | undefined {
  return divisionTable().codes.get(code);
}

/**
 * The meaning of a code in force in `year`: among the spans containing the year, the one that
 * started last (the timeline has a few short overriding periods, e.g. 430300 邵阳市 in 1982–83
 * inside 湘潭市). Undefined when the code did not exist that year.
 */
export function spanAt(spans: readonly DivisionSpan[], year: number): DivisionSpan | undefined {
  let best: DivisionSpan | undefined;
  for (const s of spans) {
    if ((s.from === null || s.from <= year) && (s.to === null || year <= s.to)) {
      if (!best || (s.from ?? -1) > (best.from ?? -1)) best = s;
    }
  }
  return best;
}

/**
 * The latest meaning: the meaning in force today (an open span; the latest-starting one if
 * several), else the one that ended last.
 */
export function latestSpan(spans: readonly DivisionSpan[]): DivisionSpan {
  let best: DivisionSpan | undefined;
  for (const s of spans) {
    if (s.to !== null) continue;
    if (!best || (s.from ?? -1) > (best.from ?? -1)) best = s;
  }
  if (best) return best;
  best = spans[0]!;
  for (const s of spans) if ((s.to ?? 0) > (best.to ?? 0)) best = s;
  return best;
}

/**
 * The meaning closest to `year`: the span in force, else the nearest one before or after (used to
 * name parents of a code in a year where the parent code itself was not yet published).
 */
export function nearestSpan(spans: readonly DivisionSpan[], year: number): DivisionSpan {
  const at = spanAt(spans, year);
  if (at) return at;
  let best = spans[0]!;
  let bestGap = Infinity;
  for (const s of spans) {
    const gap = s.from !== null && year < s.from ? s.from - year : s.to !== null && year > s.to ? year - s.to : 0;
    if (gap < bestGap) {
      best = s;
      bestGap = gap;
    }
  }
  return best;
}

/** True when the code's last meaning is still in force. */
export function isCurrent(spans: readonly DivisionSpan[]): boolean {
  return spans.some((s) => s.to === null);
}

const SUFFIXES = ['自治县', '自治旗', '林区', '特区', '县', '区', '市', '旗'];

/** A division name without its level word: 六合县 / 六合区 → 六合, 平果县 / 平果市 → 平果. */
export function nameStem(name: string): string {
  for (const s of SUFFIXES) if (name.endsWith(s) && name.length > s.length) return name.slice(0, -s.length);
  return name;
}

let successors: Map<string, string | null> | undefined;

function successorIndex(): Map<string, string | null> {
  if (successors) return successors;
  const { codes } = divisionTable();
  // (province, stem, start year) → codes starting then under that stem
  const starts = new Map<string, string[]>();
  for (const [code, spans] of codes) {
    for (const s of spans) {
      if (s.from === null) continue;
      const key = `${code.slice(0, 2)}|${nameStem(s.name)}|${s.from}`;
      const list = starts.get(key);
      if (list) list.push(code);
      else starts.set(key, [code]);
    }
  }
  successors = new Map();
  for (const [code, spans] of codes) {
    if (isCurrent(spans) || code.endsWith('00')) continue;
    const last = latestSpan(spans);
    if (last.to === null) continue;
    const cands = (starts.get(`${code.slice(0, 2)}|${nameStem(last.name)}|${last.to + 1}`) ?? []).filter((c) => c !== code);
    const samePrefecture = cands.filter((c) => c.slice(0, 4) === code.slice(0, 4));
    const pick = cands.length === 1 ? cands[0]! : samePrefecture.length === 1 ? samePrefecture[0]! : null;
    successors.set(code, pick);
  }
  return successors;
}

/**
 * The chain of successors of a retired county-level code, derived from the timeline: the code
 * that starts the year after the old one ended, in the same province, under the same name stem
 * (县 → 区/市 conversions keep the stem). Follows the chain to a code in force; returns [] when
 * the code is current or no unique successor exists (merges, splits). C03: 320123 → [320116];
 * C04: 452624 → [451023, 451082].
 */
export function successorChain(code: string): string[] {
  const index = successorIndex();
  const chain: string[] = [];
  let next = index.get(code);
  while (next && !chain.includes(next)) {
    chain.push(next);
    next = index.get(next);
  }
  return chain;
}

/**
 * GB/T 2260 行政区划代码: look-up of a 6-digit code (optionally as it was in a given year), its
 * hierarchy (province XX0000 / prefecture XXYY00 / county XXYYZZ), and whether it is retired,
 * with the code that succeeded it.
 */
import { CoreErrors, issue, type Issue } from '../errors.ts';
import { fail, ok, type ValidationResult } from '../result.ts';
import { divisionTable, isCurrent, latestSpan, nearestSpan, spanAt, spansOf, successorChain, type DivisionSpan } from './data.ts';

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export interface DivisionRef {
  readonly code: string;
  readonly name: string;
}

export interface DivisionInfo {
  readonly code: string;
  /** Name in the year asked (or the latest name). */
  readonly name: string;
  readonly level: DivisionLevel;
  readonly province: DivisionRef | null;
  /** Null for placeholders (市辖区 of a municipality, 省直辖县级行政区划) and for provinces. */
  readonly prefecture: DivisionRef | null;
  readonly county: DivisionRef | null;
  /** Names from province down, placeholders omitted: ['广西壮族自治区', '百色市', '平果市']. */
  readonly path: readonly string[];
  /** The year the names are given for; null when no year was asked (latest meaning). */
  readonly year: number | null;
  /** Span of the meaning returned (years inclusive; null = open). */
  readonly validFrom: number | null;
  readonly validTo: number | null;
  /** The code is in force today (in the 2023 table). */
  readonly current: boolean;
  readonly retired: boolean;
  /** For a retired code: the code in force it became (end of `successorChain`), else null. */
  readonly successor: string | null;
  readonly successorChain: readonly string[];
  /** From the supplementary timeline: on real ID cards but never in a published edition. */
  readonly supplementary: boolean;
  readonly history: readonly DivisionSpan[];
}

const PLACEHOLDER_PARENTS = new Set(['市辖区', '县', '省直辖县级行政单位', '自治区直辖县级行政单位', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const SIX_DIGITS = /^\d{6}$/;

/** Level of a 6-digit code from its zero suffixes (GB/T 2260 §4). */
export function divisionLevel(code: string): DivisionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

function refAt(code: string, year: number): DivisionRef | null {
  const spans = spansOf(code);
  if (!spans) return null;
  const s = nearestSpan(spans, year);
  return PLACEHOLDER_PARENTS.has(s.name) ? null : { code, name: s.name };
}

/** Describe a known code using the meaning `span`, naming its parents as they were in `year`. */
export function describeDivision(code: string, span: DivisionSpan, year: number | null): DivisionInfo {
  const spans = spansOf(code)!;
  const level = divisionLevel(code);
  const y = year ?? span.to ?? divisionTable().tableYear;
  const self: DivisionRef | null = PLACEHOLDER_PARENTS.has(span.name) ? null : { code, name: span.name };
  const province = level === 'province' ? self : refAt(`${code.slice(0, 2)}0000`, y);
  const prefecture = level === 'prefecture' ? self : level === 'county' ? refAt(`${code.slice(0, 4)}00`, y) : null;
  const county = level === 'county' ? { code, name: span.name } : null;
  const path: string[] = [];
  for (const r of [province, prefecture, county]) if (r && !path.includes(r.name)) path.push(r.name);
  const current = isCurrent(spans);
  const chain = current ? [] : successorChain(code);
  return {
    code,
    name: span.name,
    level,
    province,
    prefecture,
    county,
    path: Object.freeze(path),
    year,
    validFrom: span.from,
    validTo: span.to,
    current,
    retired: !current,
    successor: chain.at(-1) ?? null,
    successorChain: chain,
    supplementary: divisionTable().supplementary.has(code),
    history: spans,
  };
}

/**
 * Look up a GB/T 2260 code.
 * @param code 6 digits
 * @param options.year return the meaning in force that year (null when the code did not exist
 *   then); without a year, the latest meaning. `nearest: true` falls back to the meaning nearest
 *   the year instead of null.
 * @returns DivisionInfo, or null for a malformed or unknown code.
 * @example lookupDivision('451082')?.path // ['广西壮族自治区', '百色市', '平果市']
 * @example lookupDivision('362324', { year: 1985 })?.name // '铅山县' (丰城县 until 1981)
 */
export function lookupDivision(code: string, options: { year?: number; nearest?: boolean } = {}): DivisionInfo | null {
  if (!SIX_DIGITS.test(code)) return null;
  const spans = spansOf(code);
  if (!spans) return null;
  if (options.year === undefined) return describeDivision(code, latestSpan(spans), null);
  const span = options.nearest ? nearestSpan(spans, options.year) : spanAt(spans, options.year);
  return span ? describeDivision(code, span, options.year) : null;
}

/**
 * Validate a division code (GB/T 2260): 6 digits, known, and (with `year`) in force that year.
 * A retired code is valid with the warning DIVISION_RETIRED naming its successor.
 * Errors: VALUE_EMPTY, DIVISION_FORMAT, DIVISION_UNKNOWN, DIVISION_NOT_IN_YEAR.
 */
export function validateDivision(value: string, options: { year?: number } = {}): ValidationResult<DivisionInfo> {
  const code = value.trim();
  if (code === '') return fail([issue(CoreErrors.VALUE_EMPTY)]);
  if (!SIX_DIGITS.test(code)) return fail([issue(CoreErrors.DIVISION_FORMAT, { value: code })]);
  if (!spansOf(code)) return fail([issue(CoreErrors.DIVISION_UNKNOWN, { code })]);
  const info = lookupDivision(code, options);
  if (!info) return fail([issue(CoreErrors.DIVISION_NOT_IN_YEAR, { code, year: options.year ?? null })]);
  const warnings: Issue[] = [];
  if (info.retired) warnings.push(issue(CoreErrors.DIVISION_RETIRED, { code, name: info.name, successor: info.successor ?? '—' }));
  return ok(code, info, warnings);
}

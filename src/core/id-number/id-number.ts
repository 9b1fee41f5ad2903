/**
 * 居民身份证号码 — GB 11643-1999 citizen identity number: 6-digit address code (GB/T 2260),
 * 8-digit birth date (GB/T 7408), 3-digit sequence (odd = male), check character (ISO 7064
 * MOD 11-2). 15-digit numbers of GB 11643-1989 are upgraded to 18. Residence permits for Hong
 * Kong/Macao (810000/820000) and Taiwan (830000) residents use the same structure.
 *
 * Modes (decided and documented in docs/id-number-modes.md):
 * - default (`strict: false`): the address code must be known in some year; a birth year
 *   outside the code's years is normal (numbers are issued at first registration, often years
 *   after birth, under the code then in force) and yields a warning. A code absent from the
 *   table but inside a known province is accepted with ID_DIVISION_UNVERIFIED (the published
 *   tables omit codes found on real cards). This is the mode for ingest.
 * - strict (`strict: true`): the address code must be in the table and in force in the birth
 *   year (supplementary codes — x01 市辖区, x20 市区 — excepted). The `null` vectors of
 *   cn_id_vectors.json are valid only in the default mode.
 */
import { CoreErrors, issue, type Issue } from '../errors.ts';
import { fail, type ValidationResult } from '../result.ts';
import { isRealDate } from '../date/calendar.ts';
import { divisionTable, nearestSpan, spanAt, spansOf } from '../division/data.ts';
import { describeDivision, type DivisionInfo } from '../division/division.ts';
import { idCheckChar } from './checksum.ts';

export interface IdNumberParsed {
  /** The 18-character number, check character upper case. */
  readonly idNumber18: string;
  readonly divisionCode: string;
  /** Names of the birthplace division as they were in the birth year, e.g. ['江西省', '上饶地区', '铅山县']. */
  readonly division: readonly string[];
  /** 'YYYY-MM-DD' */
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  readonly legacy15: boolean;
  readonly residencePermit: null | 'hk' | 'mo' | 'tw';
  readonly divisionRetired: boolean;
  /** The code in force today that the retired address code became (when derivable). */
  readonly successor?: string;
}

export interface IdNumberOptions {
  /** See the module doc; default false. */
  readonly strict?: boolean;
  /** "Today" for the not-in-the-future check (default: now, as a calendar day in China, UTC+8). */
  readonly today?: Date;
}

const SCIENTIFIC = /^[0-9](?:\.[0-9]+)?[eE]\+?[0-9]+$/;
const PERMITS: Record<string, 'hk' | 'mo' | 'tw'> = { '810000': 'hk', '820000': 'mo', '830000': 'tw' };
/**
 * What the address code says for one (code, birth year, mode): computed once, then shared (issues
 * are immutable). Only what a result uses is kept — not the DivisionInfo, which is ten times the
 * size — and equal paths and empty issue lists are one object each: a million demo parcels have
 * about 59,000 distinct (code, year) pairs, which took 36–62 MB of long-lived heap per thread that
 * validates when each outcome held its DivisionInfo.
 */
interface DivisionOutcome {
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly path: readonly string[];
  readonly retired: boolean;
  readonly successor: string | null;
}
const outcomes = new Map<number, DivisionOutcome>();
const OUTCOME_CACHE_MAX = 500_000;
const NO_ISSUES: readonly Issue[] = Object.freeze([]);
/** One frozen array per distinct path (bounded by the division table). */
const paths = new Map<string, readonly string[]>();
let todayCache = { minute: -1, value: 0 };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The day, as the number YYYYMMDD in China Standard Time (UTC+8, no DST since 1991), against
 * which validateIdNumber judges the birth date code of GB 11643-1999 "in the future": `today`
 * (default now; recomputed once a minute). validateIdNumber's result depends on
 * `options.today` only through this number, so a cache of results may be keyed on it.
 * @example idReferenceDay(new Date('2026-11-29T16:00:00Z')) // 20261130
 */
export function idReferenceDay(today?: Date): number {
  return todayNumber(today);
}

function todayNumber(today: Date | undefined): number {
  const ms = today === undefined ? Date.now() : today.getTime();
  const minute = Math.floor(ms / 60_000);
  if (today === undefined && minute === todayCache.minute) return todayCache.value;
  const d = new Date(ms + 8 * 3_600_000);
  const value = d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
  if (today === undefined) todayCache = { minute, value };
  return value;
}

function num(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** Character-level checks; returns the 17-digit body (+ given check char) or errors. */
function readCharacters(v: string): { id18: string; legacy15: boolean; given: string } | Issue[] {
  const len = v.length;
  if (len !== 15 && len !== 18) return [issue(CoreErrors.ID_FORMAT, { reason: `${len} characters (15 or 18 expected)`, length: len })];
  const bad: Issue[] = [];
  for (let i = 0; i < len; i++) {
    const c = v.charCodeAt(i);
    if (isDigit(c) || (i === 17 && (c === 88 || c === 120))) continue;
    bad.push(issue(CoreErrors.ID_INVALID_CHARACTER, { position: i + 1, char: v[i]! }));
  }
  if (bad.length > 0) return bad;
  if (len === 15) {
    const body = `${v.slice(0, 6)}19${v.slice(6)}`;
    return { id18: body + idCheckChar(body), legacy15: true, given: '' };
  }
  const given = v.charCodeAt(17) === 120 ? 'X' : v[17]!;
  return { id18: v.slice(0, 17) + given, legacy15: false, given };
}

function divisionOutcome(code: string, year: number, strict: boolean): DivisionOutcome {
  const key = (num(code, 0, 6) * 10_000 + year) * 2 + (strict ? 1 : 0);
  const cached = outcomes.get(key);
  if (cached) return cached;
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const info = divisionFindings(code, year, strict, errors, warnings);
  if (info?.retired) warnings.push(issue(CoreErrors.ID_DIVISION_RETIRED, { code, name: info.name, successor: info.successor ?? '—' }));
  const path = info ? info.path : provincePath(code);
  const pathKey = path.join('/');
  let shared = paths.get(pathKey);
  if (!shared) paths.set(pathKey, (shared = Object.freeze([...path])));
  const outcome: DivisionOutcome = {
    errors: errors.length > 0 ? errors : NO_ISSUES,
    warnings: warnings.length > 0 ? warnings : NO_ISSUES,
    path: shared,
    retired: info?.retired ?? false,
    successor: info?.successor ?? null,
  };
  if (outcomes.size < OUTCOME_CACHE_MAX) outcomes.set(key, outcome);
  return outcome;
}

function divisionFindings(code: string, year: number, strict: boolean, errors: Issue[], warnings: Issue[]): DivisionInfo | null {
  const spans = spansOf(code);
  const province = spansOf(`${code.slice(0, 2)}0000`);
  if (!province || (code.endsWith('0000') && !PERMITS[code]) || (code.startsWith('8') && !PERMITS[code])) {
    errors.push(issue(CoreErrors.ID_DIVISION_UNKNOWN, { code }));
    return null;
  }
  if (!spans) {
    if (strict) errors.push(issue(CoreErrors.ID_DIVISION_UNKNOWN, { code }));
    else warnings.push(issue(CoreErrors.ID_DIVISION_UNVERIFIED, { code, province: `${code.slice(0, 2)}0000` }));
    return null;
  }
  const at = spanAt(spans, year);
  if (!at && !divisionTable().supplementary.has(code)) {
    const validity = spans.map((s) => `${s.from ?? '…'}–${s.to ?? '…'}`).join(', ');
    (strict ? errors : warnings).push(issue(CoreErrors.ID_DIVISION_NOT_AT_BIRTH, { code, year, validity }));
  }
  return describeDivision(code, at ?? nearestSpan(spans, year), year);
}

/** The province name alone, for an address code absent from the table. */
function provincePath(code: string): string[] {
  const spans = spansOf(`${code.slice(0, 2)}0000`);
  return spans ? [spans[spans.length - 1]!.name] : [];
}

/**
 * Validate a resident ID number (GB 11643-1999) or a HK/MO/TW residence permit number.
 * @param value 18 characters (last may be X/x) or 15 digits; surrounding spaces are ignored
 * @param options.strict address code must be in force in the birth year (default false; see module doc)
 * @param options.today reference day for "not in the future" (default now, UTC+8)
 * @returns normalized = 18-character form (15-digit numbers upgraded, x → X); parsed fields.
 *   Errors: VALUE_EMPTY, ID_FORMAT, ID_INVALID_CHARACTER (C02: letter O, with its position),
 *   ID_CHECKSUM {expected, actual}, ID_SPREADSHEET_DAMAGED (C14: scientific notation, or a
 *   check failure on a tail of zeros), ID_BIRTH_DATE_INVALID (no rollover, C16),
 *   ID_BIRTH_DATE_FUTURE, ID_DIVISION_UNKNOWN, ID_DIVISION_NOT_AT_BIRTH (strict).
 *   Warnings: ID_LEGACY_15, ID_DIVISION_RETIRED, ID_DIVISION_UNVERIFIED, ID_DIVISION_NOT_AT_BIRTH.
 * @example validateIdNumber('11010519880815108x').normalized // '11010519880815108X'
 */
export function validateIdNumber(value: string, options: IdNumberOptions = {}): ValidationResult<IdNumberParsed> {
  const v = value.trim();
  if (v === '') return fail([issue(CoreErrors.VALUE_EMPTY)]);
  if (SCIENTIFIC.test(v)) return fail([issue(CoreErrors.ID_SPREADSHEET_DAMAGED, { reason: 'scientific notation', value: v })]);
  const chars = readCharacters(v);
  if (Array.isArray(chars)) return fail(chars);
  const { id18, legacy15, given } = chars;
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  if (!legacy15) {
    const expected = idCheckChar(id18);
    if (expected !== given) {
      const zeroed = id18.endsWith('000');
      errors.push(zeroed
        ? issue(CoreErrors.ID_SPREADSHEET_DAMAGED, { reason: 'trailing digits zeroed', value: v })
        : issue(CoreErrors.ID_CHECKSUM, { expected, actual: given }));
    }
  }
  const year = num(id18, 6, 10);
  const month = num(id18, 10, 12);
  const day = num(id18, 12, 14);
  const birthDate = `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`;
  const birthOk = year >= 1800 && isRealDate(year, month, day);
  if (!birthOk) errors.push(issue(CoreErrors.ID_BIRTH_DATE_INVALID, { date: birthDate }));
  else if (year * 10_000 + month * 100 + day > todayNumber(options.today)) errors.push(issue(CoreErrors.ID_BIRTH_DATE_FUTURE, { date: birthDate }));
  const code = id18.slice(0, 6);
  const outcome = divisionOutcome(code, year, options.strict ?? false);
  if (outcome.errors.length > 0) errors.push(...outcome.errors);
  if (errors.length > 0) return fail(errors, [...outcome.warnings]);
  if (legacy15) warnings.push(issue(CoreErrors.ID_LEGACY_15, { idNumber18: id18 }));
  if (outcome.warnings.length > 0) warnings.push(...outcome.warnings);
  const parsed: { -readonly [K in keyof IdNumberParsed]: IdNumberParsed[K] } = {
    idNumber18: id18,
    divisionCode: code,
    division: outcome.path,
    birthDate,
    sex: (id18.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
    legacy15,
    residencePermit: PERMITS[code] ?? null,
    divisionRetired: outcome.retired,
  };
  if (outcome.successor) parsed.successor = outcome.successor;
  return { valid: true, normalized: id18, parsed, errors: [], warnings };
}

/**
 * 运单号 — waybill numbers of the main courier companies, checked against the format table in
 * couriers.json (data: prefix, lengths, characters, optional UPU S10 check digit). Policy (C06):
 * a number that fits a format except for an unlisted length is valid but 'unverified'
 * (warning WAYBILL_UNVERIFIED); characters a format does not allow (letters in a digits-only
 * format) make it invalid.
 */
import fs from 'node:fs';
import { CoreErrors, issue } from '../errors.ts';
import { fail, ok, type ValidationResult } from '../result.ts';

export interface WaybillFormat {
  readonly prefix: string;
  readonly lengths: readonly number[];
  /** Regular expression (source) the part after the prefix must match entirely. */
  readonly rest: string;
  readonly check?: 's10';
  readonly basis: 'published' | 'observed';
}

export interface Courier {
  /** Stable code, e.g. 'ZTO'. */
  readonly code: string;
  /** Full Chinese name, e.g. 中通快递. */
  readonly name: string;
  /** Short name, e.g. 中通. */
  readonly shortName: string;
  readonly formats: readonly WaybillFormat[];
}

export interface WaybillParsed {
  readonly courier: string;
  readonly courierName: string;
  readonly status: 'verified' | 'unverified';
  /** The format matched, e.g. 'SF + 13 digits'; null when unverified. */
  readonly format: string | null;
}

interface RawCourier {
  code: string;
  name: string;
  shortName: string;
  formats: Array<{ prefix?: string; lengths: number[]; rest: string; check?: 's10'; basis: 'published' | 'observed' }>;
}

const raw = JSON.parse(fs.readFileSync(new URL('./couriers.json', import.meta.url), 'utf8')) as { couriers: RawCourier[] };

/** The 20 courier companies of couriers.json (code, name, shortName, formats), frozen. */
export const COURIERS: readonly Courier[] = Object.freeze(
  raw.couriers.map((c) => Object.freeze({ ...c, formats: Object.freeze(c.formats.map((f) => Object.freeze({ ...f, prefix: f.prefix ?? '' }))) })),
);

const compiled = new Map<WaybillFormat, RegExp>();
for (const c of COURIERS) for (const f of c.formats) compiled.set(f, new RegExp(`^(?:${f.rest})$`));

const byKey = new Map<string, Courier>();
for (const c of COURIERS) for (const k of [c.code.toUpperCase(), c.name, c.shortName]) byKey.set(k, c);

/** Find a courier by code (any case), full name or short name; undefined when unknown. */
export function findCourier(courier: string): Courier | undefined {
  const k = courier.trim();
  return byKey.get(k.toUpperCase()) ?? byKey.get(k);
}

/** UPU S10 check digit over the 8 serial digits: weights 8 6 4 2 3 5 9 7; 11 − Σ mod 11, 10 → 0, 11 → 5. */
export function s10CheckDigit(serial8: string): string {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (serial8.charCodeAt(i) - 48) * w[i]!;
  const c = 11 - (sum % 11);
  return String(c === 10 ? 0 : c === 11 ? 5 : c);
}

const REST_NAMES: Record<string, string> = { '[0-9]+': 'digits', '[0-9A-Z]+': 'letters or digits' };

function describe(f: WaybillFormat): string {
  return `${f.prefix ? `'${f.prefix}' + ` : ''}${REST_NAMES[f.rest] ?? f.rest}, ${f.lengths.join(' or ')} characters in all`;
}

type Fit = 'exact' | 'length' | 'none';

function fit(f: WaybillFormat, no: string): Fit {
  if (!no.startsWith(f.prefix)) return 'none';
  if (!compiled.get(f)!.test(no.slice(f.prefix.length))) return 'none';
  return f.lengths.includes(no.length) ? 'exact' : 'length';
}

const SPACES = /[\s-]/g;

/**
 * Validate a waybill number for a courier.
 * @param courier code ('ZTO'), full name (中通快递) or short name (中通)
 * @param waybillNo spaces and hyphens are removed, letters upper-cased
 * @returns normalized number; parsed { courier code, courierName, status, format }.
 *   Errors: VALUE_EMPTY, WAYBILL_COURIER_UNKNOWN, WAYBILL_FORMAT, WAYBILL_CHECKSUM (S10).
 *   Warning: WAYBILL_UNVERIFIED (length not in the table; status 'unverified').
 * @example validateWaybill('中通', '78912345678901').parsed?.status // 'verified'
 */
export function validateWaybill(courier: string, waybillNo: string): ValidationResult<WaybillParsed> {
  const c = findCourier(courier);
  if (!c) return fail([issue(CoreErrors.WAYBILL_COURIER_UNKNOWN, { courier })]);
  const no = waybillNo.replace(SPACES, '').toUpperCase();
  if (no === '') return fail([issue(CoreErrors.VALUE_EMPTY)]);
  let lengthOnly = false;
  for (const f of c.formats) {
    const r = fit(f, no);
    if (r === 'length') lengthOnly = true;
    if (r !== 'exact') continue;
    if (f.check === 's10') {
      const expected = s10CheckDigit(no.slice(2, 10));
      if (no[10] !== expected) return fail([issue(CoreErrors.WAYBILL_CHECKSUM, { expected })]);
    }
    return ok(no, { courier: c.code, courierName: c.name, status: 'verified', format: describe(f) });
  }
  if (lengthOnly) {
    return ok(no, { courier: c.code, courierName: c.name, status: 'unverified', format: null }, [
      issue(CoreErrors.WAYBILL_UNVERIFIED, { courier: c.shortName, length: no.length }),
    ]);
  }
  return fail([issue(CoreErrors.WAYBILL_FORMAT, { reason: `${c.shortName} numbers are ${c.formats.map(describe).join(' or ')}` })]);
}

/**
 * Which couriers' formats a waybill number fits exactly (prefix, characters, length, check digit).
 * @returns candidates ordered with prefixed formats first; `courier` is set when the number fits a
 *   prefixed format of one company, or only one company at all.
 * @example detectCourier('SF1234567890123') // { courier: 'SF', candidates: ['SF'] }
 */
export function detectCourier(waybillNo: string): { courier: string | null; candidates: string[] } {
  const no = waybillNo.replace(SPACES, '').toUpperCase();
  const prefixed: string[] = [];
  const plain: string[] = [];
  for (const c of COURIERS) {
    for (const f of c.formats) {
      if (fit(f, no) !== 'exact') continue;
      if (f.check === 's10' && no[10] !== s10CheckDigit(no.slice(2, 10))) continue;
      const list = f.prefix ? prefixed : plain;
      if (!list.includes(c.code)) list.push(c.code);
    }
  }
  const candidates = [...prefixed, ...plain.filter((p) => !prefixed.includes(p))];
  const courier = prefixed.length === 1 ? prefixed[0]! : candidates.length === 1 ? candidates[0]! : null;
  return { courier, candidates };
}

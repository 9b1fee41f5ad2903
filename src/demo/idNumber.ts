/**
 * Building resident ID numbers (GB 11643-1999) for generated persons: six-digit division
 * code (GB/T 2260), birth date YYYYMMDD, three-digit sequence code (odd = male, even =
 * female, clause 5.4), and the check character of ISO 7064:1983 MOD 11-2 (clause 5.5).
 * The validators live in src/core; this file only builds numbers and damages them on purpose.
 */

import { idCheckChar as coreCheckChar } from '../core/index.ts';

const BODY = /^\d{17}$/;

/**
 * The check character of a 17-digit body, GB 11643-1999 clause 5.5 (ISO 7064 MOD 11-2):
 * S = Σ a_i·W_i with W_i = 2^(i-1) mod 11 for positions 18..2, check = (12 − S mod 11) mod 11,
 * written 'X' for 10 — computed by src/core's `idCheckChar`, guarded here: throws on a body that
 * is not 17 ASCII digits (a programming error: the generator only builds digit bodies).
 */
export function idCheckChar(body17: string): string {
  if (!BODY.test(body17)) throw new Error(`ID body must be 17 digits, got '${body17}'`);
  return coreCheckChar(body17);
}

/** True when the 18th character matches the MOD 11-2 check of the first 17 (X case-insensitive). */
export function idCheckOk(id18: string): boolean {
  return id18.length === 18 && /^\d{17}[\dXx]$/.test(id18) && idCheckChar(id18.slice(0, 17)) === id18[17]!.toUpperCase();
}

/**
 * A full 18-character ID number.
 * @param divisionCode six-digit county-level code valid at the birth date.
 * @param birth 'YYYYMMDD'.
 * @param sequence 0–999; its parity gives the sex (odd male, even female).
 */
export function makeIdNumber(divisionCode: string, birth: string, sequence: number): string {
  const body = divisionCode + birth + String(sequence).padStart(3, '0');
  return body + idCheckChar(body);
}

/**
 * A typist's error: one digit of the sequence code (positions 15–17) replaced by another, so
 * the number keeps a real division and birth date but fails the MOD 11-2 check (any single
 * substitution changes S mod 11, so the check always fails). Never produces a number ending
 * in '000', which the validators read as spreadsheet damage (case C14) rather than a typo.
 * @param pick a function giving integers in [0, n) (the generator's PRNG).
 */
export function idWithTypo(id18: string, pick: (n: number) => number): string {
  for (;;) {
    const pos = 14 + pick(3);
    const old = id18.charCodeAt(pos) - 48;
    const digit = (old + 1 + pick(9)) % 10;
    const out = id18.slice(0, pos) + String(digit) + id18.slice(pos + 1);
    if (!out.endsWith('000')) return out;
  }
}

/**
 * How a spreadsheet shows an 18-digit ID stored as a number in 'General' format: six
 * significant digits in scientific notation, e.g. 320102199001011234 → '3.20102E+17' (C14).
 * Trailing zeros of the mantissa are dropped as Excel does ('1.1E+17').
 */
export function idAsScientific(id18: string): string {
  const digits = id18.slice(0, 7);
  const rounded = Math.round(Number(digits) / 10);
  let mantissa = String(rounded);
  let exp = 17;
  if (mantissa.length > 6) {
    mantissa = mantissa.slice(0, 6);
    exp = 18;
  }
  const frac = mantissa.slice(1).replace(/0+$/, '');
  return `${mantissa[0]}${frac ? '.' + frac : ''}E+${exp}`;
}

/**
 * How a spreadsheet keeps an 18-digit ID typed as a number: 15 significant digits, so the
 * last three become '000' (C14, '320102199001011000'). Returns null when the damaged value
 * would still pass the check (then nobody could tell it was damaged) or the ID ends in 'X'
 * (a spreadsheet keeps such a value as text).
 */
export function idTailZeroed(id18: string): string | null {
  if (!/^\d{18}$/.test(id18) || id18.endsWith('000')) return null;
  const out = id18.slice(0, 15) + '000';
  return idCheckOk(out) ? null : out;
}

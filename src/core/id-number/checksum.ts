/**
 * GB 11643-1999 §8.2: the check character of a citizen identity number is ISO 7064:1983
 * MOD 11-2 over the 17 body digits: weights W_i = 2^(i-1) mod 11 (i = 18 … 2, i.e. 7 9 10 5 8 4 2
 * 1 6 3 7 9 10 5 8 4 2 from the left), check a_1 with (sum + a_1) ≡ 1 (mod 11), written 'X' for 10.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * The check character for 17 body digits (a string of at least 17 chars; only the first 17 are
 * read; no validation — callers check digits first).
 * @returns '0'–'9' or 'X'
 * @example idCheckChar('11010519880815108') // 'X'
 */
export function idCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/**
 * Upgrade a 15-digit legacy number (GB 11643-1989: 6-digit address, YYMMDD, 3-digit sequence) to
 * 18 characters (GB 11643-1999 Annex: insert the century '19' and append the check character).
 * The input must be 15 digits (not checked).
 * @example upgradeIdNumber15('320123750620213') // '320123197506202133'
 */
export function upgradeIdNumber15(id15: string): string {
  const body = `${id15.slice(0, 6)}19${id15.slice(6, 15)}`;
  return body + idCheckChar(body);
}

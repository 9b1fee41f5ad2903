/**
 * Throughput of the src/core validators on the ingest hot path, as ratios to baselines measured
 * in the same run:
 * - `validateIdNumber` (full GB 11643 check: characters, MOD 11-2, birth date, division at birth
 *   year, names) vs. the bare MOD 11-2 check character (`idCheckChar`) on the same numbers;
 * - `validatePhone` vs. one precompiled regular expression test (`/^1[3-9]\d{9}$/`).
 * Run: `node --import tsx bench/validators.ts [rows]` (default 1,000,000 rows).
 */
import { idCheckChar } from '../src/core/id-number/checksum.ts';
import { validateIdNumber } from '../src/core/id-number/id-number.ts';
import { validatePhone } from '../src/core/phone/phone.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const CODES = ['110105', '320102', '440104', '420102', '620102', '650102', '330106', '210102', '320123', '452624', '362324', '510104'];

function makeIds(n: number): string[] {
  const out: string[] = [];
  let seed = 42;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = 0; i < n; i++) {
    const y = 1950 + Math.floor(rnd() * 55);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const body = `${CODES[i % CODES.length]}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
    out.push(i % 50 === 0 ? `${body}0` : body + idCheckChar(body)); // 2% bad check characters
  }
  return out;
}

function rate(label: string, n: number, f: () => number): number {
  const t0 = process.hrtime.bigint();
  const sink = f();
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const r = n / s;
  process.stdout.write(`${label.padEnd(44)} ${Math.round(r).toLocaleString('en-US').padStart(12)} rows/s  (sink ${sink})\n`);
  return r;
}

const ids = makeIds(rows);
validateIdNumber(ids[0]!); // load the division table outside the timing
const base = rate('baseline: idCheckChar only', rows, () => {
  let ok = 0;
  for (const id of ids) if (idCheckChar(id) === id[17]) ok++;
  return ok;
});
const full = rate('validateIdNumber (full, default mode)', rows, () => {
  let ok = 0;
  for (const id of ids) if (validateIdNumber(id).valid) ok++;
  return ok;
});
process.stdout.write(`ratio validateIdNumber / idCheckChar baseline: ${(full / base).toFixed(3)}\n`);

const phones = ids.map((id, i) => `1${'3589'[i % 4]}${id.slice(8, 17)}`);
const re = /^1[3-9]\d{9}$/;
const pbase = rate('baseline: one regex test', rows, () => {
  let ok = 0;
  for (const p of phones) if (re.test(p)) ok++;
  return ok;
});
const pfull = rate('validatePhone (blocks table)', rows, () => {
  let ok = 0;
  for (const p of phones) if (validatePhone(p).valid) ok++;
  return ok;
});
process.stdout.write(`ratio validatePhone / regex baseline: ${(pfull / pbase).toFixed(3)}\n`);

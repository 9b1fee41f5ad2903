/**
 * Waybill numbers for the demo: for each courier one of its real number formats from
 * src/core/waybill/couriers.json (the table validateWaybill checks against: literal prefix,
 * length, characters), filled with serial numbers made unique per courier by an affine
 * bijection modulo 10^digits, so numbers look random and never repeat within a data set.
 * Formats with a UPU S10 check digit are not used (the digit-only ones of the same courier are).
 */
import fs from 'node:fs';
import { AppError } from '../core/errors.ts';
import { DemoErrors } from './errors.ts';
import { hashString, mix32 } from './prng.ts';
import { reference } from './reference.ts';

interface Format {
  readonly prefix?: string;
  readonly lengths: readonly number[];
  readonly rest: string;
  readonly check?: string;
}

interface CourierRow {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly formats: readonly Format[];
}

/**
 * Leading digits the demo puts after the prefix of digit-only formats, so numbers look like
 * issued ones (中通 7…, 申通 77…, 韵达 43…, 百世 55…, 天天 66…, 安能 30…, EMS 1…, 邮政 9…, 宅急送 8…).
 * Only for realism of the demo; validation rules live in the core table.
 */
const LEAD: Readonly<Record<string, string>> = { ZTO: '7', STO: '77', YUNDA: '43', BEST: '55', TTK: '66', ANE: '30', EMS: '1', CHINAPOST: '9', ZJS: '8' };

let table: readonly CourierRow[] | undefined;

/** The core courier table (20 companies), read once. */
export function courierTable(): readonly CourierRow[] {
  table ??= (JSON.parse(fs.readFileSync(new URL('../core/waybill/couriers.json', import.meta.url), 'utf8')) as { couriers: CourierRow[] }).couriers;
  return table;
}

/** The demo's courier codes, largest market share first (1..20 of the core table). Throws outside that range. */
export function demoCouriers(n: number): string[] {
  const shares = reference().courierShares;
  const known = courierTable().map((c) => c.code).filter((c) => c in shares);
  known.sort((a, b) => shares[b]! - shares[a]! || a.localeCompare(b));
  if (!Number.isInteger(n) || n < 1 || n > known.length) throw new AppError(DemoErrors.DEMO_COURIERS_INVALID, { max: known.length, value: String(n) });
  return known.slice(0, n);
}

/** Chinese name of a courier code as courier systems write it in exports, e.g. 'ZTO' → '中通快递'. */
export function courierName(code: string): string {
  return courierTable().find((c) => c.code === code)?.name ?? code;
}

interface Plan {
  readonly head: string;
  readonly digits: number;
  readonly modulus: bigint;
  readonly mul: bigint;
  readonly add: bigint;
  serial: number;
}

/**
 * A waybill generator for a data set: `make(courierIndex)` returns the next number of that
 * courier (index into `couriers`). Distinct serials give distinct numbers (affine map with a
 * multiplier coprime to 10 is a bijection modulo 10^digits). Throws for a courier code not in
 * the core table.
 */
export function waybillMaker(seed: number, couriers: readonly string[]): (courierIndex: number) => string {
  const plans: Plan[] = couriers.map((code) => {
    const row = courierTable().find((c) => c.code === code);
    if (!row) throw new Error(`courier ${code} is not in src/core/waybill/couriers.json`);
    const f = row.formats.find((x) => !x.check && x.rest.startsWith('[0-9')) ?? row.formats[0]!;
    const length = Math.max(...f.lengths);
    const head = (f.prefix ?? '') + (f.prefix ? '' : (LEAD[code] ?? '1'));
    const digits = length - head.length;
    const modulus = 10n ** BigInt(digits);
    const h = mix32(seed, hashString(code));
    // Multiplier: a large odd number not ending in 5, below the modulus.
    let mul = (BigInt(h) * 2654435761n + 1n) % modulus;
    while (mul % 2n === 0n || mul % 5n === 0n) mul = (mul + 1n) % modulus;
    return { head, digits, modulus, mul, add: (BigInt(mix32(h, 7)) * 4294967311n + BigInt(mix32(h, 8))) % modulus, serial: 0 };
  });
  return (i) => {
    const p = plans[i]!;
    const v = (p.mul * BigInt(p.serial++) + p.add) % p.modulus;
    return p.head + v.toString().padStart(p.digits, '0');
  };
}

import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenItem } from '../apps/parcels/screening.ts';
import type { ParcelInput } from '../apps/parcels/types.ts';
import { parseAddress, validateIdNumber, validatePhone, validateWaybill } from '../core/index.ts';
import { generateParcels } from './parcels.ts';
import { reference } from './reference.ts';
import type { DefectKind, GroundTruth } from './truth.ts';

function hashOf(parcels: Iterable<ParcelInput>, n: number): string {
  const h = crypto.createHash('sha256');
  let i = 0;
  for (const p of parcels) {
    h.update(JSON.stringify(p));
    if (++i === n) break;
  }
  return h.digest('hex');
}

function defectsByWaybill(truth: GroundTruth): Map<string, DefectKind> {
  return new Map(truth.defectParcels.map((d) => [`${d.courier}/${d.waybillNo}`, d.kind]));
}

describe('determinism', () => {
  it('same seed gives the same first 1,000 parcels; another seed does not', () => {
    const a = hashOf(generateParcels({ count: 5000, seed: 42 }), 1000);
    const b = hashOf(generateParcels({ count: 5000, seed: 42 }), 1000);
    const c = hashOf(generateParcels({ count: 5000, seed: 43 }), 1000);
    const text = hashOf(generateParcels({ count: 5000, seed: '42' }), 1000);
    expect(b).toBe(a);
    expect(text).toBe(a);
    expect(c).not.toBe(a);
  });

  it('re-iterating a stream repeats it and rebuilds the ground truth', () => {
    const s = generateParcels({ count: 2000, seed: 9 });
    const first = [...s];
    const truth1 = JSON.stringify(s.truth);
    const second = [...s];
    expect(second).toEqual(first);
    expect(JSON.stringify(s.truth)).toBe(truth1);
    expect(s.truth.total).toBe(2000);
  });

  it('refuses impossible options', () => {
    expect(() => generateParcels({ count: -1, seed: 1 })).toThrow(/non-negative integer/);
    expect(() => generateParcels({ count: 10, seed: 1, couriers: 21 })).toThrow(/couriers must be 1 to 20/);
  });
});

describe('validity of a 20,000-parcel sample', () => {
  let sample: ParcelInput[];
  let defects: Map<string, DefectKind>;
  beforeAll(() => {
    const s = generateParcels({ count: 20_000, seed: 20261111 });
    sample = [...s];
    defects = defectsByWaybill(s.truth);
  });

  it('every ID number validates except the planted typos and omissions', () => {
    let typos = 0;
    for (const p of sample) {
      const d = defects.get(`${p.courier}/${p.waybillNo}`);
      if (d === 'ID_MISSING') {
        expect(p.senderIdNumber).toBe('');
        continue;
      }
      const r = validateIdNumber(p.senderIdNumber);
      if (d === 'ID_TYPO') {
        typos++;
        expect(r.errors.map((e) => e.code)).toEqual(['ID_CHECKSUM']);
      } else expect(r.valid, `${p.senderIdNumber} ${JSON.stringify(r.errors)}`).toBe(true);
    }
    expect(typos).toBeGreaterThan(0);
  });

  it('every waybill validates for its courier, without warnings, and none repeats', () => {
    const seen = new Set<string>();
    for (const p of sample) {
      const r = validateWaybill(p.courier, p.waybillNo);
      expect(r.valid, `${p.courier} ${p.waybillNo}`).toBe(true);
      expect(r.warnings).toEqual([]);
      seen.add(`${p.courier}/${p.waybillNo}`);
    }
    expect(seen.size).toBe(sample.length);
  });

  it('phones validate except planted typos; one phone and one ID belong to one person', () => {
    const byPhone = new Map<string, string>();
    const byId = new Map<string, string>();
    for (const p of sample) {
      const d = defects.get(`${p.courier}/${p.waybillNo}`);
      for (const f of ['senderPhone', 'receiverPhone'] as const) {
        const ok = validatePhone(p[f]).valid;
        if (d === 'PHONE_TYPO' && p[f].length === 10) expect(ok).toBe(false);
        else expect(ok, p[f]).toBe(true);
      }
      if (d !== 'PHONE_TYPO') {
        const who = byPhone.get(p.senderPhone);
        if (who !== undefined) expect(who).toBe(p.senderName + p.senderAddress);
        byPhone.set(p.senderPhone, p.senderName + p.senderAddress);
      }
      if (p.senderIdNumber && d !== 'ID_TYPO') {
        const who = byId.get(p.senderIdNumber);
        if (who !== undefined) expect(who).toBe(p.senderName);
        byId.set(p.senderIdNumber, p.senderName);
      }
    }
  });

  it('addresses parse to the division they were built from', () => {
    const ref = reference();
    const prefixes = new Map(ref.counties.map((c) => [c.prefix, c]));
    const lengths = [...new Set(ref.counties.map((c) => c.prefix.length))].sort((a, b) => b - a);
    for (const p of sample.slice(0, 5000)) {
      for (const a of [p.senderAddress, p.receiverAddress]) {
        const parsed = parseAddress(a);
        expect(parsed, a).not.toBeNull();
        const county = lengths.map((l) => prefixes.get(a.slice(0, l))).find((c) => c !== undefined);
        expect(county, a).toBeDefined();
        expect([county!.code, `${county!.cityCode}00`], a).toContain(parsed!.divisionCode);
      }
    }
  });
});

describe('distributions on 200,000 parcels', () => {
  let parcels: ParcelInput[];
  let truth: GroundTruth;
  beforeAll(() => {
    const s = generateParcels({ count: 200_000, seed: 1 });
    parcels = [...s];
    truth = s.truth;
  });

  it('courier shares are within 1.5 points of the market shares', () => {
    const shares = reference().courierShares;
    const total = Object.values(shares).reduce((s, x) => s + x, 0);
    const counts: Record<string, number> = {};
    for (const p of parcels) counts[p.courier] = (counts[p.courier] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(Object.keys(shares).sort());
    for (const [c, share] of Object.entries(shares)) {
      expect(Math.abs((100 * counts[c]!) / parcels.length - (100 * share) / total), c).toBeLessThan(1.5);
      expect(truth.byCourier[c]!.total).toBe(counts[c]);
    }
  });

  it('plants about 2% defects, and the ground truth counts them exactly', () => {
    const recount: Record<string, Record<DefectKind, number>> = {};
    const defects = defectsByWaybill(truth);
    for (const p of parcels) {
      const r = (recount[p.courier] ??= { ID_MISSING: 0, ID_TYPO: 0, NOT_INSPECTED: 0, PHONE_TYPO: 0 });
      if (p.senderIdNumber === '') r.ID_MISSING++;
      if (!p.inspected) r.NOT_INSPECTED++;
      const d = defects.get(`${p.courier}/${p.waybillNo}`);
      if (d === 'ID_TYPO' || d === 'PHONE_TYPO') r[d]++;
    }
    for (const [c, r] of Object.entries(recount)) expect(truth.byCourier[c]!.defects, c).toEqual(r);
    const all = Object.values(truth.defects).reduce((s, x) => s + x, 0);
    expect(all).toBe(truth.defectParcels.length);
    expect(all / parcels.length).toBeGreaterThan(0.017);
    expect(all / parcels.length).toBeLessThan(0.023);
    // franchise networks are worse than direct-operated ones
    const rate = (c: string) => Object.values(truth.byCourier[c]!.defects).reduce((s, x) => s + x, 0) / truth.byCourier[c]!.total;
    expect(rate('STO')).toBeGreaterThan(2 * rate('SF'));
  });

  it('11 November carries about three ordinary days', () => {
    const perDay = new Map<string, number>();
    for (const p of parcels) perDay.set(p.acceptedAt.slice(0, 10), (perDay.get(p.acceptedAt.slice(0, 10)) ?? 0) + 1);
    expect(Object.fromEntries(perDay)).toEqual(truth.daily);
    const september = [...perDay.entries()].filter(([d]) => d.startsWith('2026-09')).map(([, n]) => n).sort((a, b) => a - b);
    const ratio = perDay.get('2026-11-11')! / september[september.length >> 1]!;
    expect(ratio).toBeGreaterThan(2.6);
    expect(ratio).toBeLessThan(3.4);
    let unordered = 0;
    for (let i = 1; i < parcels.length; i++) if (parcels[i]!.acceptedAt < parcels[i - 1]!.acceptedAt) unordered++;
    expect(unordered).toBe(0);
  });

  it('origins follow express volume, receivers mostly live in other provinces', () => {
    const origin = new Map<string, number>();
    let otherProvince = 0;
    for (const p of parcels) {
      const o = p.senderAddress.slice(0, 3);
      origin.set(o, (origin.get(o) ?? 0) + 1);
      if (p.receiverAddress.slice(0, 3) !== o) otherProvince++;
    }
    const top = [...origin.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k]) => k);
    expect(top).toContain('广东省');
    expect(top).toContain('浙江省');
    expect(origin.size).toBe(31);
    expect(otherProvince / parcels.length).toBeGreaterThan(0.7);
    expect(otherProvince / parcels.length).toBeLessThan(0.9);
    expect(truth.senders.shops / parcels.length).toBeGreaterThan(0.6);
  });

  it('prohibited items (≈0.05%) are all found by the screening, ordinary items never', () => {
    expect(truth.prohibited.length).toBeGreaterThan(50);
    expect(truth.prohibited.length).toBeLessThan(160);
    const planted = new Set(truth.prohibited.map((x) => `${x.courier}/${x.waybillNo}`));
    const names = new Map<string, boolean>();
    for (const p of parcels) names.set(p.itemName, planted.has(`${p.courier}/${p.waybillNo}`));
    for (const x of truth.prohibited) expect(screenItem(x.itemName).map((h) => h.category), x.itemName).toContain(x.category);
    for (const [name, isPlanted] of names) if (!isPlanted) expect(screenItem(name), name).toEqual([]);
  });
});

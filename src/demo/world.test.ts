import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '../core/index.ts';
import { drawIdFacts, idOf, rngFor, KIND } from './persons.ts';
import { buildWorld } from './world.ts';

describe('world', () => {
  it('gives every individual sender a distinct ID number, replacing the sequence code of drawn duplicates', () => {
    // 200,000 individuals around one outlet: duplicates of (division, birth date, sequence) are drawn.
    const w = buildWorld({ seed: 4, count: 1_600_000, end: '2026-11-29', couriers: ['ZTO'], outlets: 1 });
    const n = w.individualsPerOutlet;
    expect(n).toBe(200_000);
    expect(w.idOverrides.size).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (let i = 0; i < n; i++) ids.add(w.individual(i).idNumber);
    for (const list of w.shopsByOutlet) for (const s of list) ids.add(s.person.idNumber);
    expect(ids.size).toBe(n + w.shopCount);
    for (const [i, seq] of w.idOverrides) {
      const id = w.individual(i).idNumber;
      expect(Number(id.slice(14, 17))).toBe(seq);
      expect(validateIdNumber(id).valid).toBe(true);
    }
  });

  it('reserves planted IDs apart from everyone else, keeping the sex', () => {
    const w = buildWorld({ seed: 4, count: 10_000, end: '2026-11-29', couriers: ['ZTO', 'SF'], outlets: 10 });
    const taken = w.individual(3).idNumber;
    const facts = { divisionCode: taken.slice(0, 6), birth: taken.slice(6, 14), sequence: Number(taken.slice(14, 17)) };
    w.reserveId(facts);
    expect(idOf(facts)).not.toBe(taken);
    expect(facts.sequence % 2).toBe(Number(taken.slice(14, 17)) % 2);
    const again = { ...facts };
    w.reserveId(again);
    expect(idOf(again)).not.toBe(idOf(facts));
    const f = drawIdFacts(rngFor(1, KIND.plant, 0), w.ref, 0, 'female', w.endMs, w.endYear);
    expect(f.sequence % 2).toBe(0);
  });

  it('spreads outlets over all 31 provinces, heaviest where express volume is', () => {
    const w = buildWorld({ seed: 1, count: 10_000, end: '2026-11-29', couriers: ['ZTO', 'YTO', 'SF', 'JD'], outlets: 500 });
    const byProvince = new Map<string, number>();
    for (const o of w.outlets) byProvince.set(o.county.province.name, (byProvince.get(o.county.province.name) ?? 0) + 1);
    expect(byProvince.size).toBe(31);
    const top = [...byProvince.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k]) => k).sort();
    expect(top).toEqual(['广东省', '浙江省']);
    expect(new Set(w.outlets.map((o) => o.code)).size).toBe(500);
    expect(w.outlets.filter((o) => o.courier === 'ZTO').length).toBeGreaterThan(w.outlets.filter((o) => o.courier === 'JD').length);
  });
});

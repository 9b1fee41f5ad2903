import { beforeAll, describe, expect, it } from 'vitest';
import { screenItem } from '../../apps/parcels/screening.ts';
import type { ParcelInput } from '../../apps/parcels/types.ts';
import { validateIdNumber } from '../../core/index.ts';
import { generateParcels, type ParcelStream } from '../parcels.ts';
import type { PlantMember } from './plant.ts';

interface RingTruth {
  sizes: Record<string, number>;
  provinces: string[];
  members: PlantMember[];
  links: Array<{ from: string; to: string; parcels: number }>;
  parcels: Array<{ courier: string; waybillNo: string; from: string; to: string; itemName: string }>;
  decoys: { toyWholesaler: { sizes: Record<string, number>; members: PlantMember[] }; family: { members: PlantMember[] } };
  decoyIds: string[];
}

describe('planted imitation-gun ring (issue 3)', () => {
  let stream: ParcelStream;
  let parcels: ParcelInput[];
  let truth: RingTruth;
  beforeAll(() => {
    stream = generateParcels({ count: 60_000, seed: 31, ring: true });
    parcels = [...stream];
    truth = stream.plants[0]!.truth() as RingTruth;
  });

  it('has the stated sizes and spans all 31 provinces', () => {
    expect(truth.sizes).toEqual({ workshop: 7, seller: 18, middleman: 126, buyer: 2100 });
    expect(truth.provinces).toHaveLength(31);
    expect(new Set(truth.members.filter((m) => m.role === 'buyer').map((m) => m.province)).size).toBe(31);
    expect(new Set(truth.members.map((m) => m.key)).size).toBe(truth.members.length);
  });

  it('flows downwards only, and every member below the workshops has a supplier', () => {
    const role = new Map(truth.members.map((m) => [m.key, m.role]));
    const order = ['workshop', 'seller', 'middleman', 'buyer'];
    const supplied = new Set<string>();
    for (const l of truth.links) {
      expect(order.indexOf(role.get(l.to)!) - order.indexOf(role.get(l.from)!), `${l.from}→${l.to}`).toBe(1);
      supplied.add(l.to);
    }
    for (const m of truth.members) if (m.role !== 'workshop') expect(supplied.has(m.key), m.key).toBe(true);
    const customers = new Set(truth.links.map((l) => l.from));
    for (const m of truth.members) if (m.role !== 'buyer') expect(customers.has(m.key), m.key).toBe(true);
  });

  it('hides its parcels in the stream with the members as senders and receivers', () => {
    expect(parcels).toHaveLength(60_000);
    expect(stream.truth.total).toBe(60_000);
    const byKey = new Map(parcels.map((p) => [`${p.courier}/${p.waybillNo}`, p]));
    expect(byKey.size).toBe(60_000);
    const member = new Map(truth.members.map((m) => [m.key, m]));
    expect(truth.parcels.length).toBe(truth.links.reduce((s, l) => s + l.parcels, 0));
    for (const rp of truth.parcels) {
      const p = byKey.get(`${rp.courier}/${rp.waybillNo}`)!;
      expect(p, rp.waybillNo).toBeDefined();
      expect(p.senderIdNumber).toBe(member.get(rp.from)!.idNumber);
      expect(p.senderPhone).toBe(member.get(rp.from)!.phone);
      expect(p.receiverPhone).toBe(member.get(rp.to)!.phone);
      expect(p.receiverAddress).toBe(member.get(rp.to)!.address);
    }
    // most descriptions disguise the goods; a few slip and are caught by the screening
    const flagged = truth.parcels.filter((p) => screenItem(p.itemName).length > 0).length;
    expect(flagged / truth.parcels.length).toBeGreaterThan(0.01);
    expect(flagged / truth.parcels.length).toBeLessThan(0.06);
    const planted = new Set(stream.truth.prohibited.map((x) => `${x.courier}/${x.waybillNo}`));
    for (const p of truth.parcels) if (screenItem(p.itemName).length) expect(planted.has(`${p.courier}/${p.waybillNo}`)).toBe(true);
  });

  it('gives senders valid ID numbers that no ordinary sender shares', () => {
    const ringIds = new Set(truth.members.filter((m) => m.idNumber).map((m) => m.idNumber));
    expect(ringIds.size).toBe(7 + 18 + 126);
    for (const id of ringIds) expect(validateIdNumber(id).valid, id).toBe(true);
    const ringPhones = new Set(truth.members.map((m) => m.phone));
    expect(ringPhones.size).toBe(truth.members.length);
    const ringSenders = new Set(truth.parcels.map((p) => p.waybillNo));
    const others = parcels.filter((p) => !ringSenders.has(p.waybillNo) && ringIds.has(p.senderIdNumber));
    expect(others).toEqual([]);
  });

  it('plants two decoys disjoint from the ring: a toy wholesaler with a similar fan-out and a busy family', () => {
    const toy = truth.decoys.toyWholesaler;
    expect(toy.sizes).toEqual({ wholesaler: 1, distributor: 16, retailer: 110, customer: 1800 });
    expect(toy.members[0]!.address.startsWith('广东省汕头市澄海区')).toBe(true);
    const family = truth.decoys.family.members;
    expect(family.filter((m) => m.role === 'family')).toHaveLength(3);
    expect(new Set(family.filter((m) => m.role === 'relative').map((m) => m.province)).size).toBeGreaterThanOrEqual(25);
    const ringPhones = new Set(truth.members.map((m) => m.phone));
    for (const m of [...toy.members, ...family]) expect(ringPhones.has(m.phone)).toBe(false);
    expect(truth.decoyIds).toHaveLength(toy.members.length + family.length);
    const phones = new Set(toy.members.map((m) => m.phone));
    const toyParcels = parcels.filter((p) => phones.has(p.senderPhone));
    expect(toyParcels.length).toBeGreaterThan(2000);
    for (const p of toyParcels) expect(screenItem(p.itemName), p.itemName).toEqual([]);
  });

  it('refuses to plant the ring in too few parcels', () => {
    expect(() => generateParcels({ count: 10_000, seed: 1, ring: true })).toThrow(/hide/);
  });
});

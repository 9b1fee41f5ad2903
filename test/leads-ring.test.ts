/**
 * Issue 3's "must show", through the leads application inside a case: the demo parcels with the
 * planted ring are loaded by the parcels app, a case is opened, and from one seller's ID number
 * a 6-hop expansion over parcel edges finds exactly the planted ring (every member, no decoy,
 * no ordinary person), roles right for ≥ 95%, all 31 provinces; every node, edge and role lists
 * its evidence parcel ids; a path between a workshop and a buyer lists its evidence. The ground
 * truth comes from the generator's plant and is read only by this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadParcels } from '../src/apps/parcels/loader.ts';
import { parcelsModule } from '../src/apps/parcels/index.ts';
import { expandNetwork, exportNetwork, leadsModule, listLeads, listTags, networkPath, nodeKeyOf, openCase, personKeyOf, runTagRules, scoreLeads } from '../src/apps/leads/index.ts';
import { generateParcels } from '../src/demo/parcels.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { listAudit } from '../src/security/audit.ts';
import { securityModule } from '../src/security/index.ts';
import { createUser } from '../src/security/users.ts';
import { testDialects } from '../src/store/testing.ts';

interface Member { readonly key: string; readonly role: string; readonly phone: string; readonly idNumber: string; readonly province: string }
interface RingTruth { readonly members: Member[]; readonly decoys: { readonly toyWholesaler: { members: Member[] }; readonly family: { members: Member[] } } }

const COUNT = 45_000;
const investigator = { username: 'inv1', role: 'investigator' };

describe.each(testDialects())('leads network on the demo ring ($name)', (dialect) => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  let truth: RingTruth;
  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule, parcelsModule, leadsModule], now: () => new Date('2026-11-30T02:00:00Z') });
    const stream = generateParcels({ count: COUNT, seed: 20261111, ring: true, end: '2026-11-29' });
    const r = await loadParcels(ctx, stream, { source: 'demo' });
    expect(r.accepted).toBe(COUNT);
    truth = stream.plants.find((p) => p.name === 'ring')!.truth() as RingTruth;
    await createUser(ctx, { username: 'inv1', role: 'investigator', password: 'inv1-password-long' });
    await openCase(ctx, investigator, { caseNo: 'RING-1', legalBasis: '刑法第一百二十八条 立案决定书', purpose: '仿真枪制售网络研判', owner: 'inv1' });
  });
  afterAll(async () => {
    await ctx?.database.close();
    await drop?.();
  });

  it('finds exactly the planted ring from one seller, with roles and all 31 provinces', async () => {
    const seller = truth.members.find((m) => m.role === 'seller')!;
    const view = await expandNetwork(ctx, investigator, 'RING-1', { seed: { idNumber: seller.idNumber }, hops: 6 });
    const key = new Map(truth.members.map((m) => [nodeKeyOf(ctx, m.phone), m]));
    const found = new Set(view.nodes.map((n) => n.key));
    expect(key.size).toBeGreaterThanOrEqual(7 + 18 + 120 + 2000);
    expect([...key.keys()].filter((k) => !found.has(k))).toEqual([]);
    const extra = [...found].filter((k) => !key.has(k));
    expect(extra).toEqual([]);
    const decoys = [...truth.decoys.toyWholesaler.members, ...truth.decoys.family.members].map((m) => nodeKeyOf(ctx, m.phone));
    expect(decoys.filter((k) => found.has(k))).toEqual([]);
    const right = view.nodes.filter((n) => key.get(n.key)?.role === n.role).length;
    expect(right / key.size).toBeGreaterThanOrEqual(0.95);
    for (const role of ['workshop', 'seller', 'middleman', 'buyer']) expect([role, view.roles[role]]).toEqual([role, truth.members.filter((m) => m.role === role).length]);
    expect(view.spread.values).toHaveLength(31);
    expect(view.truncated).toBe(false);
    for (const n of view.nodes) {
      expect(n.evidence.length, n.key).toBeGreaterThan(0);
      expect(n.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(n.roleReason.length).toBeGreaterThan(0);
    }
    for (const e of view.edges) expect(e.evidence.length).toBeGreaterThan(0);
    expect(view.edges.reduce((s, e) => s + e.flagged, 0)).toBeGreaterThan(0);
    const audit = await listAudit(ctx, { limit: 1 });
    expect(audit[0]).toMatchObject({ actor: 'inv1', action: 'leads.graph.read', legalBasis: 'RING-1', purpose: '仿真枪制售网络研判', outcome: 'allowed' });
    expect(audit[0]!.recordIds).toHaveLength(view.nodes.length);
  });

  it('gives a shortest path from a workshop to a buyer with the evidence of every hop', async () => {
    const workshop = truth.members.find((m) => m.role === 'workshop')!;
    const buyer = truth.members.find((m) => m.role === 'buyer')!;
    const r = await networkPath(ctx, investigator, 'RING-1', { source: { idNumber: workshop.idNumber }, target: { nodeKey: nodeKeyOf(ctx, buyer.phone) }, direction: 'out' });
    expect(r.path).not.toBeNull();
    const p = r.path!;
    expect(p.nodes[0]!.key).toBe(nodeKeyOf(ctx, workshop.phone));
    expect(p.nodes.at(-1)!.key).toBe(nodeKeyOf(ctx, buyer.phone));
    expect(p.edges.length).toBeGreaterThanOrEqual(3);
    for (const e of p.edges) expect([e.kind, e.evidence.length > 0]).toEqual(['parcel', true]);
  });

  it('tags ring senders from disguised descriptions and the screening, and a top lead leads into the ring', async () => {
    const run = await runTagRules(ctx, investigator, 'RING-1', { ruleIds: ['generic-descriptions', 'prohibited-item-screening'] });
    const ring = new Set(truth.members.filter((m) => m.idNumber).map((m) => personKeyOf(ctx, m.idNumber)));
    const decoys = new Set([...truth.decoys.toyWholesaler.members, ...truth.decoys.family.members].filter((m) => m.idNumber).map((m) => personKeyOf(ctx, m.idNumber)));
    const tags = await listTags(ctx, investigator, 'RING-1');
    expect(tags.length).toBe(run.rules.reduce((s, r) => s + r.stored, 0));
    const generic = tags.filter((t) => t.ruleId === 'generic-descriptions').map((t) => t.personKey);
    expect(generic.length).toBeGreaterThan(20);
    expect(generic.filter((k) => !ring.has(k))).toEqual([]);
    const screened = tags.filter((t) => t.ruleId === 'prohibited-item-screening').map((t) => t.personKey);
    expect(screened.filter((k) => ring.has(k)).length).toBeGreaterThan(screened.length / 2);
    expect([...generic, ...screened].filter((k) => decoys.has(k))).toEqual([]);
    for (const t of tags) expect(t.evidence.length, t.ruleId).toBeGreaterThan(0);
    await scoreLeads(ctx, investigator, 'RING-1');
    const top = (await listLeads(ctx, investigator, 'RING-1', { limit: 1 })).leads[0]!;
    expect(top.score).toBe(5);
    expect(ring.has(top.personKey)).toBe(true);
    const view = await expandNetwork(ctx, investigator, 'RING-1', { seed: { personKey: top.personKey }, hops: 8 });
    const phones = new Set(truth.members.map((m) => nodeKeyOf(ctx, m.phone)));
    expect(view.nodes.length).toBe(phones.size);
    expect(view.nodes.every((n) => phones.has(n.key))).toBe(true);
  });

  it('exports the ring as GEXF with pseudonymous node ids and masked labels', async () => {
    const seller = truth.members.find((m) => m.role === 'seller')!;
    const r = await exportNetwork(ctx, investigator, 'RING-1', { seed: { idNumber: seller.idNumber }, hops: 6, format: 'gexf' });
    expect(r.content).toContain('<gexf');
    expect((r.content.match(/<node /g) ?? []).length).toBe(r.nodes);
    expect(r.content).not.toContain(seller.phone);
    expect(r.content).not.toContain(seller.idNumber);
  });
});

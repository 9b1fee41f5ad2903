/**
 * Cross-module: the graph engine on the demo stream with issue 3's planted ring and decoys
 * (src/demo plants/ring.ts). From one seller's phone, a 6-hop expansion over parcel edges must
 * find the planted ring exactly (every member, no decoy, no ordinary person), the explainable
 * role rules (src/engines/graph/roles.yaml) must give ≥ 95% of members their planted role, and
 * the ring must span all 31 provinces. The ground truth is only read by this test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateParcels } from '../src/demo/parcels.ts';
import { assignRoles, GraphBuilder, spreadBy, Traverser, type Graph } from '../src/engines/graph/index.ts';

interface Member { readonly role: string; readonly phone: string }
interface RingTruth { readonly members: Member[]; readonly decoys: { readonly toyWholesaler: { members: Member[] }; readonly family: { members: Member[] } } }

const province = (address: string) => /^(.+?(?:省|自治区|市))/.exec(address)?.[1];

describe('graph engine on the demo ring', () => {
  let g: Graph;
  let truth: RingTruth;
  beforeAll(() => {
    const stream = generateParcels({ count: 60_000, seed: 20261111, ring: true });
    const b = new GraphBuilder(60_000);
    let row = 0;
    for (const p of stream) {
      b.addNode(p.senderPhone, { province: province(p.senderAddress) });
      b.addNode(p.receiverPhone, { province: province(p.receiverAddress) });
      b.addEdge(p.senderPhone, p.receiverPhone, { kind: 'parcel', time: Date.parse(p.acceptedAt) / 1000, evidence: row++ });
    }
    g = b.build();
    truth = stream.plants.find((p) => p.name === 'ring')!.truth() as RingTruth;
  });

  it('finds exactly the planted ring from one seller, with roles and all 31 provinces', () => {
    const seller = truth.members.find((m) => m.role === 'seller')!;
    const x = new Traverser(g).expand([seller.phone], { hops: 6, direction: 'any', kinds: ['parcel'] });
    const found = new Set(Array.from(x.nodes, (n) => g.idOf(n)));
    const members = new Set(truth.members.map((m) => m.phone));
    expect(members.size).toBeGreaterThanOrEqual(7 + 18 + 120 + 2000);
    expect([...members].filter((p) => !found.has(p))).toEqual([]);
    expect([...found].filter((p) => !members.has(p))).toEqual([]);
    const decoys = [...truth.decoys.toyWholesaler.members, ...truth.decoys.family.members].map((m) => m.phone);
    expect(decoys.filter((p) => found.has(p))).toEqual([]);

    const planted = new Map(truth.members.map((m) => [m.phone, m.role]));
    const roles = assignRoles(g, undefined, x.nodes);
    const right = roles.filter((r) => planted.get(g.idOf(r.node)) === r.role).length;
    expect(right / members.size).toBeGreaterThanOrEqual(0.95);
    for (const role of ['workshop', 'seller', 'middleman', 'buyer']) {
      const want = truth.members.filter((m) => m.role === role).length;
      expect([role, roles.filter((r) => r.role === role).length]).toEqual([role, want]);
    }
    expect(spreadBy(g, 'province', x.nodes).values).toHaveLength(31);
    for (const e of x.edges) expect(g.evidenceOf(e).length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { GraphBuilder } from './builder.ts';
import type { Graph } from './graph.ts';
import { assignRoles, loadRolesConfig, parseRolesConfig, type RolesConfig } from './roles.ts';

/**
 * A small flow network: workshops W1, W2 → sellers S1–S3 → middlemen M1–M6 → buyers B1–B24,
 * a supplier X that sent W1 one parcel, and a shop T that sends to five buyers R1–R5 but
 * receives nothing. Each parcel is one record; the row ids count up.
 */
function flowGraph(): Graph {
  const b = new GraphBuilder();
  let row = 0;
  const send = (from: string, to: string, parcels: number) => {
    for (let i = 0; i < parcels; i++) b.addEdge(from, to, { kind: 'parcel', evidence: row++ });
  };
  send('W1', 'S1', 30); send('W1', 'S2', 20); send('W2', 'S2', 25); send('W2', 'S3', 15);
  send('X', 'W1', 1);
  for (let s = 1; s <= 3; s++) for (const m of [2 * s - 1, 2 * s]) send(`S${s}`, `M${m}`, 3);
  for (let m = 1; m <= 6; m++) for (let k = 1; k <= 4; k++) send(`M${m}`, `B${(m - 1) * 4 + k}`, 1 + (k % 2));
  for (let r = 1; r <= 5; r++) send('T', `R${r}`, 1);
  b.addEdge('M1', 'M2', { kind: 'shared_phone', directed: false }); // not a flow edge: ignored by roles
  return b.build();
}

const expected = (id: string): string | null =>
  /^W/.test(id) ? 'workshop' : /^S/.test(id) ? 'seller' : /^M/.test(id) ? 'middleman' : /^[BR]/.test(id) ? 'buyer' : null;

describe('assignRoles', () => {
  const g = flowGraph();

  it('gives every node of the flow graph exactly the expected role', () => {
    const roles = assignRoles(g);
    expect(roles).toHaveLength(g.nodeCount);
    const got = Object.fromEntries(roles.map((r) => [g.idOf(r.node), r.role]));
    const want = Object.fromEntries(Object.keys(got).map((id) => [id, expected(id)]));
    expect(got).toEqual(want);
    const counts = roles.reduce<Record<string, number>>((c, r) => ({ ...c, [String(r.role)]: (c[String(r.role)] ?? 0) + 1 }), {});
    expect(counts).toEqual({ workshop: 2, seller: 3, middleman: 6, buyer: 29, null: 2 });
  });

  it('explains each role with the measured values and the conditions that held', () => {
    const roles = new Map(assignRoles(g).map((r) => [g.idOf(r.node), r]));
    const w1 = roles.get('W1')!;
    expect(w1.values).toMatchObject({ inDegree: 1, outDegree: 2, inVolume: 1, outVolume: 50, 'outTo:seller': 2, 'shareOutTo:seller': 1 });
    expect(w1.checks.every((c) => c.ok)).toBe(true);
    expect(w1.reason).toBe('workshop (sends high volume to a few sellers and receives little): outTo:seller = 2 ≥ 1; shareOutTo:seller = 1 ≥ 0.50; outDegree = 2 ≤ 5; outVolume = 50 ≥ 10; inVolume = 1 ≤ 2');
    const s2 = roles.get('S2')!;
    expect(s2.values).toMatchObject({ inDegree: 2, inVolume: 45, outDegree: 2, 'outTo:middleman': 2, 'inFrom:workshop': 2 });
    expect(s2.checks.map((c) => c.metric)).toEqual(['outTo:middleman', 'shareOutTo:middleman']);
    const m1 = roles.get('M1')!;
    expect(m1.values).toMatchObject({ inDegree: 1, outDegree: 4, outVolume: 6, 'outTo:buyer': 4 });
    expect(m1.reasonZh).toContain('中间商');
    expect(m1.reasonZh).toContain('outTo:buyer = 4 ≥ 3');
  });

  it('says why no rule fired, naming the first failing condition of every rule', () => {
    const t = assignRoles(g).find((r) => g.idOf(r.node) === 'T')!;
    expect(t.role).toBeNull();
    expect(t.checks.map((c) => [c.metric, c.value])).toEqual([['outVolume', 5], ['inDegree', 0], ['outTo:middleman', 0], ['outTo:seller', 0]]);
    expect(t.reason).toBe('no role rule fired — buyer: outVolume = 5 fails ≤ 0; middleman: inDegree = 0 fails ≥ 1; seller: outTo:middleman = 0 fails ≥ 2; workshop: outTo:seller = 0 fails ≥ 1');
  });

  it('measures only inside the given node set', () => {
    const keep = Array.from({ length: g.nodeCount }, (_, n) => n).filter((n) => !/^B[1-4]$/.test(g.idOf(n)));
    const roles = new Map(assignRoles(g, loadRolesConfig(), keep).map((r) => [g.idOf(r.node), r]));
    expect(roles.size).toBe(keep.length);
    // Inside this set M1 only receives, so the buyer rule fires: roles describe the analysed set.
    expect(roles.get('M1')!.role).toBe('buyer');
    expect(roles.get('M1')!.values.outDegree).toBe(0);
    expect(roles.get('M2')!.role).toBe('middleman');
    expect(roles.get('S1')!.role).toBeNull(); // only one middleman left downstream
  });

  it('takes thresholds from data: a stricter middleman rule changes the cascade', () => {
    const base = loadRolesConfig();
    const strict: RolesConfig = structuredClone(base);
    strict.roles.middleman!.when = [['inDegree', '>=', 1], ['outTo:buyer', '>=', 5]];
    const roles = assignRoles(g, strict);
    expect(roles.filter((r) => r.role === 'middleman')).toHaveLength(0);
    expect(roles.filter((r) => r.role === 'seller')).toHaveLength(0);
    expect(roles.filter((r) => r.role === 'buyer')).toHaveLength(29);
  });

  it('rejects configurations that use unknown metrics or roles not yet assigned', () => {
    const base = loadRolesConfig();
    const code = (v: unknown) => { try { parseRolesConfig(v); return 'none'; } catch (e) { return (e as AppError).code; } };
    const later = structuredClone(base);
    later.roles.buyer!.when = [['inFrom:seller', '>=', 1]];
    expect(code(later)).toBe('GRAPH_ROLES_CONFIG');
    const unknown = structuredClone(base);
    unknown.roles.buyer!.when = [['popularity', '>=', 1]];
    expect(code(unknown)).toBe('GRAPH_ROLES_CONFIG');
    expect(code({ ...base, order: [...base.order, 'smuggler'] })).toBe('GRAPH_ROLES_CONFIG');
    expect(code({ ...base, kinds: [] })).toBe('GRAPH_ROLES_CONFIG');
    expect(code(base)).toBe('none');
  });
});

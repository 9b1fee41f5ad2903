import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { GraphBuilder } from './builder.ts';
import { detectCommunities } from './communities.ts';

/** Two 5-cliques (a0–a4, b0–b4) joined by one bridge a0→b0, plus an isolated node z. */
function twoCliques() {
  const b = new GraphBuilder();
  for (const side of ['a', 'b']) for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) b.addEdge(`${side}${i}`, `${side}${j}`, { kind: 'parcel' });
  b.addEdge('a0', 'b0', { kind: 'shared_phone', directed: false });
  b.addNode('z');
  return b.build();
}

describe('detectCommunities', () => {
  const g = twoCliques();

  it('separates two cliques joined by a bridge, with the exact modularity', () => {
    const c = detectCommunities(g, { weighted: false });
    const of = (id: string) => c.community[Array.from(c.nodes).indexOf(g.require(id))];
    expect(c.count).toBe(3);
    expect(c.sizes).toEqual([5, 5, 1]);
    for (let i = 1; i < 5; i++) { expect(of(`a${i}`)).toBe(of('a0')); expect(of(`b${i}`)).toBe(of('b0')); }
    expect(of('a0')).not.toBe(of('b0'));
    // m = 21 edges; each side: 10 inner edges, degree sum 21. Q = 20/21 − 2·(21/42)² = 20/21 − 1/2.
    expect(c.modularity).toBeCloseTo(20 / 21 - 0.5, 12);
  });

  it('works on a node subset and an edge-kind filter', () => {
    const sub = detectCommunities(g, { nodes: ['a0', 'a1', 'a2', 'b0'].map((id) => g.require(id)), weighted: false });
    expect(Array.from(sub.nodes, (n) => g.idOf(n)).sort()).toEqual(['a0', 'a1', 'a2', 'b0']);
    expect(sub.sizes.reduce((x, y) => x + y, 0)).toBe(4);
    const parcelsOnly = detectCommunities(g, { kinds: ['parcel'] });
    expect(parcelsOnly.count).toBe(3);
    expect(parcelsOnly.modularity).toBeCloseTo(0.5, 12);
  });

  it('rejects a non-positive resolution', () => {
    expect(() => detectCommunities(g, { resolution: 0 })).toThrow(AppError);
  });
});

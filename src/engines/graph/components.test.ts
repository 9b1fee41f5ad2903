import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './builder.ts';
import { componentNodes, connectedComponents } from './components.ts';

describe('connectedComponents', () => {
  // a→b→c (parcel), c–d (shared_id), e→f (parcel), g alone, h→h (self-loop)
  const b = new GraphBuilder();
  b.addEdge('a', 'b', { kind: 'parcel', time: 1_700_000_000 });
  b.addEdge('b', 'c', { kind: 'parcel', time: 1_700_000_000 });
  b.addEdge('c', 'd', { kind: 'shared_id', directed: false });
  b.addEdge('e', 'f', { kind: 'parcel', weight: 3, time: 1_760_000_000 });
  b.addNode('g');
  b.addEdge('h', 'h', { kind: 'parcel' });
  const g = b.build();

  it('finds weak components numbered by size, with node and edge counts', () => {
    const c = connectedComponents(g);
    expect(c.count).toBe(4);
    expect(Array.from(c.sizes)).toEqual([4, 2, 1, 1]);
    expect(Array.from(c.edgeCounts)).toEqual([3, 1, 0, 1]);
    expect(c.largest).toEqual({ component: 0, nodes: 4, edges: 3 });
    expect(Array.from(componentNodes(c, 0), (n) => g.idOf(n))).toEqual(['a', 'b', 'c', 'd']);
    expect(Array.from(componentNodes(c, 2), (n) => g.idOf(n))).toEqual(['g']);
    expect(c.componentOf[g.require('h')]).toBe(3);
  });

  it('uses only edges that pass the filter', () => {
    expect(Array.from(connectedComponents(g, { kinds: ['parcel'] }).sizes)).toEqual([3, 2, 1, 1, 1]);
    expect(Array.from(connectedComponents(g, { minWeight: 2 }).sizes)).toEqual([2, 1, 1, 1, 1, 1, 1]);
    const recent = connectedComponents(g, { timeWindow: { from: 1_750_000_000 } });
    expect(recent.largest).toEqual({ component: 0, nodes: 2, edges: 1 });
    expect(recent.count).toBe(7);
  });
});

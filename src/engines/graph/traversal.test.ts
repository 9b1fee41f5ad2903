import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { GraphBuilder } from './builder.ts';
import type { Graph } from './graph.ts';
import { Traverser, describePath, type Expansion } from './traversal.ts';

const DAY = 86_400;
const T0 = 1_762_000_000;

/**
 * S→A (w5, day 0, rows 1-5), S→B (w1, day 1, row 6), A→C (w3, day 2, row 7), C→D (w2, day 9, row 8),
 * E→S (w4, day 0, row 9), B–F shared phone (undirected, row 10), G→H (row 11).
 */
function fixture(): Graph {
  const b = new GraphBuilder();
  for (const id of ['S', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']) b.addNode(id);
  b.addEdge('S', 'A', { kind: 'parcel', weight: 5, time: T0, evidence: [1, 2, 3, 4, 5] });
  b.addEdge('S', 'B', { kind: 'parcel', time: T0 + DAY, evidence: 6 });
  b.addEdge('A', 'C', { kind: 'parcel', weight: 3, time: T0 + 2 * DAY, evidence: 7 });
  b.addEdge('C', 'D', { kind: 'parcel', weight: 2, time: T0 + 9 * DAY, evidence: 8 });
  b.addEdge('E', 'S', { kind: 'parcel', weight: 4, time: T0, evidence: 9 });
  b.addEdge('F', 'B', { kind: 'shared_phone', directed: false, evidence: 10 });
  b.addEdge('G', 'H', { kind: 'parcel', time: T0, evidence: 11 });
  return b.build();
}

const byHop = (g: Graph, x: Expansion) => {
  const out: string[][] = [];
  x.nodes.forEach((n, i) => (out[x.hops[i]!] ??= []).push(g.idOf(n)));
  return out.map((l) => l.sort());
};
const edgeNames = (g: Graph, x: Expansion) => Array.from(x.edges, (e) => `${g.idOf(g.edgeSource[e]!)}${g.edgeDirected[e] ? '>' : '-'}${g.idOf(g.edgeTarget[e]!)}`).sort();

describe('Traverser.expand', () => {
  const g = fixture();
  const t = new Traverser(g);

  it('follows edge direction, with undirected edges both ways', () => {
    const out = t.expand(['S'], { hops: 3, direction: 'out' });
    expect(byHop(g, out)).toEqual([['S'], ['A', 'B'], ['C', 'F'], ['D']]);
    expect(out.countsByHop).toEqual([1, 2, 2, 1]);
    expect(edgeNames(g, out)).toEqual(['A>C', 'B-F', 'C>D', 'S>A', 'S>B']);
    expect(byHop(g, t.expand(['S'], { hops: 3, direction: 'in' }))).toEqual([['S'], ['E']]);
    expect(byHop(g, t.expand(['F'], { hops: 2, direction: 'in' }))).toEqual([['F'], ['B'], ['S']]);
    const any = t.expand(['S'], { hops: 3 });
    expect(byHop(g, any)).toEqual([['S'], ['A', 'B', 'E'], ['C', 'F'], ['D']]);
    expect(any.truncated).toBe(false);
  });

  it('returns the evidence of traversed edges', () => {
    const x = t.expand(['S'], { hops: 1, direction: 'out' });
    const rows = Array.from(x.edges, (e) => Array.from(g.evidenceOf(e))).flat().sort((a, b) => a - b);
    expect(rows).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('filters by kind, minimum weight and time window', () => {
    expect(byHop(g, t.expand(['S'], { hops: 3, kinds: ['parcel'] }))).toEqual([['S'], ['A', 'B', 'E'], ['C'], ['D']]);
    expect(byHop(g, t.expand(['S'], { hops: 3, minWeight: 2 }))).toEqual([['S'], ['A', 'E'], ['C'], ['D']]);
    expect(byHop(g, t.expand(['S'], { hops: 3, timeWindow: { from: T0, to: T0 + 3 * DAY } }))).toEqual([['S'], ['A', 'B', 'E'], ['C']]);
    expect(byHop(g, t.expand(['S'], { hops: 3, timeWindow: { from: T0 + DAY } }))).toEqual([['S'], ['B']]);
    expect(byHop(g, t.expand(['S'], { hops: 3, kinds: ['no_such_kind'] }))).toEqual([['S']]);
  });

  it('stops at maxNodes and says so; edges only join returned nodes', () => {
    const x = t.expand(['S'], { hops: 3, maxNodes: 3 });
    expect(x.truncated).toBe(true);
    expect(x.nodes.length).toBe(3);
    const inResult = new Set(x.nodes);
    for (const e of x.edges) expect(inResult.has(g.edgeSource[e]!) && inResult.has(g.edgeTarget[e]!)).toBe(true);
  });

  it('expands from many seeds at once, nearest seed wins, duplicates ignored', () => {
    const x = t.expand(['A', 'E', 'A', g.require('E')], { hops: 1 });
    expect(byHop(g, x)).toEqual([['A', 'E'], ['C', 'S']]);
    expect(x.countsByHop).toEqual([2, 2]);
    expect(byHop(g, t.expand(['S'], { hops: 0 }))).toEqual([['S']]);
  });

  it('gives the same answers over many reused queries and across a generation wrap-around', () => {
    const first = t.expand(['S'], { hops: 3 });
    for (let i = 0; i < 500; i++) t.expand([i % 2 ? 'G' : 'C'], { hops: 2 });
    (t as unknown as { gen: number }).gen = 0xffffffff - 1;
    for (let i = 0; i < 3; i++) {
      const again = t.expand(['S'], { hops: 3 });
      expect(Array.from(again.nodes)).toEqual(Array.from(first.nodes));
      expect(Array.from(again.edges)).toEqual(Array.from(first.edges));
    }
  });

  it('refuses unknown seeds and bad options with coded errors', () => {
    const code = (fn: () => unknown) => { try { fn(); return 'none'; } catch (e) { return (e as AppError).code; } };
    expect(code(() => t.expand(['nobody'], { hops: 1 }))).toBe('GRAPH_NODE_NOT_FOUND');
    expect(code(() => t.expand([99], { hops: 1 }))).toBe('GRAPH_NODE_NOT_FOUND');
    expect(code(() => t.expand(['S'], { hops: -1 }))).toBe('GRAPH_INVALID_OPTION');
    expect(code(() => t.expand(['S'], { hops: 1, minWeight: -2 }))).toBe('GRAPH_INVALID_OPTION');
    expect(code(() => t.expand(['S'], { hops: 1, direction: 'sideways' as 'in' }))).toBe('GRAPH_INVALID_OPTION');
    expect(code(() => t.expand(['S'], { hops: 1, timeWindow: { from: 10, to: 5 } }))).toBe('GRAPH_INVALID_OPTION');
  });
});

describe('Traverser shortest paths', () => {
  const g = fixture();
  const t = new Traverser(g);
  const names = (p: { nodes: readonly number[] } | null) => p && p.nodes.map((n) => g.idOf(n)).join('');

  it('respects direction', () => {
    expect(names(t.shortestPath('S', 'D', { direction: 'out' }))).toBe('SACD');
    expect(t.shortestPath('D', 'S', { direction: 'out' })).toBeNull();
    expect(names(t.shortestPath('D', 'S', { direction: 'in' }))).toBe('DCAS');
    expect(names(t.shortestPath('E', 'F', { direction: 'out' }))).toBe('ESBF');
    expect(names(t.shortestPath('F', 'E', { direction: 'any' }))).toBe('FBSE');
    expect(t.shortestPath('S', 'H')).toBeNull();
    expect(names(t.shortestPath('S', 'S'))).toBe('S');
  });

  it('returns the edge sequence with evidence, and respects filters and maxHops', () => {
    const p = t.shortestPath('E', 'C', { direction: 'out' })!;
    expect(p.edges.map((e) => Array.from(g.evidenceOf(e)))).toEqual([[9], [1, 2, 3, 4, 5], [7]]);
    const d = describePath(g, p);
    expect(d.nodeIds).toEqual(['E', 'S', 'A', 'C']);
    expect(d.edges.map((e) => [e.kind, e.weight, e.firstTime, e.evidence])).toEqual([['parcel', 4, T0, [9]], ['parcel', 5, T0, [1, 2, 3, 4, 5]], ['parcel', 3, T0 + 2 * DAY, [7]]]);
    expect(t.shortestPath('E', 'F', { kinds: ['parcel'] })).toBeNull();
    expect(t.shortestPath('S', 'D', { maxHops: 2 })).toBeNull();
    expect(names(t.shortestPath('S', 'D', { maxHops: 3 }))).toBe('SACD');
    expect(t.allShortestPaths('S', 'D', { maxHops: 2 })).toEqual([]);
    expect(t.allShortestPaths('E', 'F').map(names)).toEqual(['ESBF']);
  });

  it('enumerates every shortest path over parallel edges of different kinds, up to a limit', () => {
    const b = new GraphBuilder();
    b.addEdge('x', 'm1', { kind: 'parcel' });
    b.addEdge('x', 'm1', { kind: 'shared_address', directed: false });
    b.addEdge('x', 'm2', { kind: 'parcel' });
    b.addEdge('m1', 'y', { kind: 'parcel' });
    b.addEdge('m2', 'y', { kind: 'parcel' });
    const h = b.build();
    const th = new Traverser(h);
    const all = th.allShortestPaths('x', 'y', { direction: 'out' });
    expect(all).toHaveLength(3);
    expect(new Set(all.map((p) => p.edges.join(','))).size).toBe(3);
    expect(th.allShortestPaths('x', 'y', { direction: 'out', limit: 2 })).toHaveLength(2);
    expect(th.allShortestPaths('x', 'y', { direction: 'out', kinds: ['parcel'] })).toHaveLength(2);
  });
});

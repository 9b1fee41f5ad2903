import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { GraphBuilder } from './builder.ts';
import { resolveSelection } from './selection.ts';

describe('resolveSelection', () => {
  // a→b, b→c, c→d, a→d
  const b = new GraphBuilder();
  for (const [u, v] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['a', 'd']] as const) b.addEdge(u, v);
  const g = b.build();
  const ids = (xs: Uint32Array) => Array.from(xs, (n) => g.idOf(n));
  const edge = (u: string, v: string) => Array.from({ length: g.edgeCount }, (_, e) => e).find((e) => g.idOf(g.edgeSource[e]!) === u && g.idOf(g.edgeTarget[e]!) === v)!;

  it('selects everything by default', () => {
    const s = resolveSelection(g);
    expect([s.nodes.length, s.edges.length]).toEqual([4, 4]);
  });

  it('takes induced edges of a node set', () => {
    const s = resolveSelection(g, { nodes: [g.require('a'), g.require('b'), g.require('d')] });
    expect(ids(s.nodes)).toEqual(['a', 'b', 'd']);
    expect(Array.from(s.edges)).toEqual([edge('a', 'b'), edge('a', 'd')].sort((x, y) => x - y));
  });

  it('takes exactly the given edges plus their ends, deduplicated', () => {
    const e = edge('c', 'd');
    const s = resolveSelection(g, { edges: [e, e], nodes: [g.require('a')] });
    expect(ids(s.nodes)).toEqual(['a', 'c', 'd']);
    expect(Array.from(s.edges)).toEqual([e]);
  });

  it('rejects indices outside the graph', () => {
    expect(() => resolveSelection(g, { nodes: [4] })).toThrow(AppError);
    expect(() => resolveSelection(g, { edges: [4] })).toThrow(AppError);
  });
});

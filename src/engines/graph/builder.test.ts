import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { GraphBuilder } from './builder.ts';
import { Interner } from './interner.ts';

const T0 = 1_762_000_000; // 2025-11-01T12:26:40Z

function codeOf(fn: () => unknown): string | undefined {
  try { fn(); } catch (e) { return e instanceof AppError ? e.code : 'not an AppError'; }
  return undefined;
}

describe('GraphBuilder', () => {
  it('merges parallel records: weights summed, first/last time, evidence concatenated in insertion order', () => {
    const b = new GraphBuilder(2);
    b.addEdge('A', 'B', { kind: 'parcel', time: T0 + 50, evidence: 7 });
    b.addEdge('A', 'B', { kind: 'parcel', time: T0 + 10, evidence: [3, 4] });
    b.addEdge('A', 'B', { kind: 'parcel', time: T0 + 90, weight: 2, evidence: 9 });
    b.addEdge('A', 'B', { kind: 'shared_phone', directed: false, evidence: 11 });
    b.addEdge('B', 'A', { kind: 'parcel', time: T0, evidence: 1 });
    expect(b.recordCount).toBe(5);
    const g = b.build();
    expect(g.nodeCount).toBe(2);
    expect(g.edgeCount).toBe(3);
    const [ab, phone, ba] = [0, 1, 2].map((e) => g.edge(e));
    expect(ab).toMatchObject({ sourceId: 'A', targetId: 'B', kind: 'parcel', directed: true, weight: 4, firstTime: T0 + 10, lastTime: T0 + 90 });
    expect(ab!.evidence).toEqual([7, 3, 4, 9]);
    expect(phone).toMatchObject({ sourceId: 'A', targetId: 'B', kind: 'shared_phone', directed: false, weight: 1, firstTime: null, lastTime: null, evidence: [11] });
    expect(ba).toMatchObject({ sourceId: 'B', targetId: 'A', weight: 1, evidence: [1] });
    expect(Array.from(g.evidenceTime.subarray(g.evidenceOffsets[0]!, g.evidenceOffsets[1]!))).toEqual([T0 + 50, T0 + 10, T0 + 10, T0 + 90]);
  });

  it('stores an undirected edge once whichever way it was given', () => {
    const b = new GraphBuilder();
    b.addNode('x'); b.addNode('y');
    b.addEdge('y', 'x', { kind: 'shared_address', directed: false, evidence: 1 });
    b.addEdge('x', 'y', { kind: 'shared_address', directed: false, evidence: 2 });
    const g = b.build();
    expect(g.edgeCount).toBe(1);
    expect(g.edge(0)).toMatchObject({ sourceId: 'x', targetId: 'y', weight: 2, evidence: [1, 2] });
    expect(g.hasUndirected).toBe(true);
  });

  it('produces consistent CSR: sorted out-lists and an in-index that lists every edge once', () => {
    const b = new GraphBuilder();
    const ids = ['p', 'q', 'r', 's', 't'];
    let k = 0;
    for (let i = 0; i < 40; i++) b.addEdge(ids[(i * 7) % 5]!, ids[(i * 3 + 1) % 5]!, { kind: i % 3 === 0 ? 'shared_id' : 'parcel', evidence: k++ });
    const g = b.build();
    for (let n = 0; n < g.nodeCount; n++) {
      for (let e = g.outOffsets[n]!; e < g.outOffsets[n + 1]!; e++) {
        expect(g.edgeSource[e]).toBe(n);
        if (e > g.outOffsets[n]!) expect(g.edgeTarget[e]! >= g.edgeTarget[e - 1]!).toBe(true);
      }
      for (let i = g.inOffsets[n]!; i < g.inOffsets[n + 1]!; i++) {
        expect(g.edgeTarget[g.inEdges[i]!]).toBe(n);
        expect(g.inSources[i]).toBe(g.edgeSource[g.inEdges[i]!]);
      }
    }
    expect(new Set(g.inEdges).size).toBe(g.edgeCount);
    expect(g.outOffsets[g.nodeCount]).toBe(g.edgeCount);
    let total = 0;
    for (let e = 0; e < g.edgeCount; e++) total += g.edgeWeight[e]!;
    expect(total).toBe(40);
    expect(g.evidencePool.length).toBe(40);
    expect([...g.evidencePool].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('keeps node attributes as dictionary columns; later values win', () => {
    const b = new GraphBuilder();
    b.addNode('a', { province: '浙江省' });
    b.addNode('b', { province: '广东省', label: 'B' });
    b.addNode('a', { province: '江苏省', label: undefined });
    b.addEdge('a', 'c');
    const g = b.build();
    expect(g.attribute('province', g.require('a'))).toBe('江苏省');
    expect(g.attribute('province', g.require('c'))).toBeUndefined();
    expect(g.attribute('label', g.require('b'))).toBe('B');
    expect(g.attributeNames()).toEqual(['province', 'label']);
    expect(g.edge(0).kind).toBe('link');
  });

  it('rejects bad input with coded errors and refuses changes after build', () => {
    const b = new GraphBuilder();
    expect(codeOf(() => b.addEdge('a', 'b', { weight: -1 }))).toBe('GRAPH_INVALID_WEIGHT');
    expect(codeOf(() => b.addEdge('a', 'b', { weight: Number.NaN }))).toBe('GRAPH_INVALID_WEIGHT');
    expect(codeOf(() => b.addEdge('a', 'b', { time: 1.5 }))).toBe('GRAPH_INVALID_TIME');
    expect(codeOf(() => b.addEdge('a', 'b', { time: 2 ** 32 }))).toBe('GRAPH_INVALID_TIME');
    expect(codeOf(() => b.addEdge('a', 'b', { evidence: [5, -3] }))).toBe('GRAPH_INVALID_EVIDENCE');
    expect(b.recordCount).toBe(0);
    expect(codeOf(() => b.addEdgeByIndex(0, 99))).toBe('GRAPH_NODE_NOT_FOUND');
    for (let i = 0; i < 256; i++) b.addEdge('a', 'b', { kind: `k${i}` });
    expect(codeOf(() => b.addEdge('a', 'b', { kind: 'one-too-many' }))).toBe('GRAPH_TOO_MANY_KINDS');
    const g = b.build();
    expect(g.edgeCount).toBe(256);
    expect(codeOf(() => b.addNode('z'))).toBe('GRAPH_BUILDER_SEALED');
    expect(codeOf(() => b.build())).toBe('GRAPH_BUILDER_SEALED');
    expect(codeOf(() => g.require('nobody'))).toBe('GRAPH_NODE_NOT_FOUND');
    expect(codeOf(() => g.edge(256))).toBe('GRAPH_EDGE_NOT_FOUND');
  });
});

describe('Interner', () => {
  it('assigns dense indices in first-seen order across shards and finds them again', () => {
    const it = new Interner();
    const keys = Array.from({ length: 5000 }, (_, i) => `3201021990${String(i).padStart(8, '0')}`);
    const dense = keys.map((_, i) => i);
    expect(keys.map((k) => it.intern(k))).toEqual(dense);
    expect(keys.map((k) => it.intern(k))).toEqual(dense);
    expect(keys.map((k) => it.indexOf(k))).toEqual(dense);
    expect(it.size).toBe(5000);
    expect(it.indexOf('missing')).toBe(-1);
    expect(it.indexOf('')).toBe(-1);
    expect(it.intern('')).toBe(5000);
    expect(it.values[1234]).toBe(keys[1234]);
  });
});

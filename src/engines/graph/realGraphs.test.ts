/**
 * The engine on real graphs (issue 3, "What it must show"): Zachary's karate club and SNAP
 * CA-GrQc from the shared data folder. Expected figures come from the data README (networkx
 * 3.6.1 and SNAP) and are checked here against independent plain-JS computations too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { connectedComponents } from './components.ts';
import { detectCommunities } from './communities.ts';
import type { Graph } from './graph.ts';
import { loadCaGrQc, loadKarate } from './testing.ts';
import { Traverser } from './traversal.ts';

/** Reference BFS distances over an adjacency list built independently of the CSR. */
function referenceDistances(g: Graph, from: number): Int32Array {
  const adj: number[][] = Array.from({ length: g.nodeCount }, () => []);
  for (let e = 0; e < g.edgeCount; e++) {
    adj[g.edgeSource[e]!]!.push(g.edgeTarget[e]!);
    adj[g.edgeTarget[e]!]!.push(g.edgeSource[e]!);
  }
  const dist = new Int32Array(g.nodeCount).fill(-1);
  dist[from] = 0;
  const q = [from];
  for (let i = 0; i < q.length; i++) for (const v of adj[q[i]!]!) if (dist[v] === -1) { dist[v] = dist[q[i]!]! + 1; q.push(v); }
  return dist;
}

/** Newman–Girvan modularity of a partition on the unweighted undirected graph, computed directly. */
function modularity(g: Graph, communityOf: Map<number, number>): number {
  const m = g.edgeCount;
  const deg = new Float64Array(g.nodeCount);
  let inside = 0;
  for (let e = 0; e < m; e++) {
    const a = g.edgeSource[e]!, b = g.edgeTarget[e]!;
    deg[a]!++; deg[b]!++;
    if (communityOf.get(a) === communityOf.get(b)) inside++;
  }
  const degSum = new Map<number, number>();
  for (let n = 0; n < g.nodeCount; n++) degSum.set(communityOf.get(n)!, (degSum.get(communityOf.get(n)!) ?? 0) + deg[n]!);
  let expected = 0;
  for (const d of degSum.values()) expected += (d / (2 * m)) ** 2;
  return inside / m - expected;
}

describe('karate club', () => {
  let g: Graph;
  beforeAll(() => { g = loadKarate(); });

  it('has 34 nodes and 78 undirected edges with the club attribute', () => {
    expect(g.nodeCount).toBe(34);
    expect(g.edgeCount).toBe(78);
    expect(g.edgeDirected.every((d) => d === 0)).toBe(true);
    expect(g.attribute('club', g.require('0'))).toBe('Mr. Hi');
    expect(g.attribute('club', g.require('33'))).toBe('Officer');
  });

  it('k-hop from node 0 reaches 16 / 25 / 33 nodes within 1 / 2 / 3 hops (seed not counted)', () => {
    const t = new Traverser(g);
    const within = [1, 2, 3].map((h) => t.expand(['0'], { hops: h }).nodes.length - 1);
    expect(within).toEqual([16, 25, 33]);
    const x = t.expand(['0'], { hops: 3 });
    expect(x.countsByHop).toEqual([1, 16, 9, 8]);
    const ref = referenceDistances(g, g.require('0'));
    x.nodes.forEach((n, i) => expect(x.hops[i]).toBe(ref[n]));
    // 3-hop traversal uses every edge except those joining two nodes at hop 3.
    const atHop3 = new Set(Array.from(x.nodes).filter((_, i) => x.hops[i] === 3));
    const between3 = Array.from({ length: g.edgeCount }, (_, e) => e).filter((e) => atHop3.has(g.edgeSource[e]!) && atHop3.has(g.edgeTarget[e]!));
    expect(x.edges.length).toBe(78 - between3.length);
  });

  it('Louvain modularity ≥ 0.41 on every seed, and the value is the partition’s true modularity', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const c = detectCommunities(g, { weighted: false, seed });
      expect(c.modularity).toBeGreaterThanOrEqual(0.41);
      const of = new Map(Array.from(c.nodes, (n, i) => [n, c.community[i]!]));
      expect(modularity(g, of)).toBeCloseTo(c.modularity, 10);
      expect(c.sizes.reduce((a, b) => a + b, 0)).toBe(34);
    }
  });

  it('finds the shortest paths between 0 and 33 and between 16 and 25', () => {
    const t = new Traverser(g);
    const p = t.shortestPath('0', '33')!;
    expect(p.nodes.length).toBe(3);
    expect(g.idOf(p.nodes[0]!)).toBe('0');
    expect(g.idOf(p.nodes[2]!)).toBe('33');
    p.edges.forEach((e, i) => expect([g.edgeSource[e], g.edgeTarget[e]].sort()).toEqual([p.nodes[i], p.nodes[i + 1]].sort()));
    const all = t.allShortestPaths('0', '33').map((x) => x.nodes.map((n) => g.idOf(n)).join('-')).sort();
    expect(all).toEqual(['0-13-33', '0-19-33', '0-31-33', '0-8-33']);
    const all2 = t.allShortestPaths('16', '25').map((x) => x.nodes.map((n) => g.idOf(n)).join('-')).sort();
    expect(all2).toEqual(['16-5-0-31-25', '16-6-0-31-25']);
    expect(t.allShortestPaths('16', '26')).toHaveLength(8);
  });

  it('bidirectional BFS agrees with a reference BFS on all 561 pairs', () => {
    const t = new Traverser(g);
    for (let a = 0; a < 34; a++) {
      const ref = referenceDistances(g, a);
      for (let b = a + 1; b < 34; b++) expect(t.shortestPath(a, b)!.edges.length).toBe(ref[b]);
    }
  });
});

describe('CA-GrQc', () => {
  let g: Graph;
  beforeAll(() => { g = loadCaGrQc(); });

  it('has 5,242 nodes and 14,496 undirected edges including 12 self-loops', () => {
    expect(g.nodeCount).toBe(5242);
    expect(g.edgeCount).toBe(14496);
    let loops = 0;
    for (let e = 0; e < g.edgeCount; e++) if (g.edgeSource[e] === g.edgeTarget[e]) loops++;
    expect(loops).toBe(12);
  });

  it('has 355 connected components, the largest with 4,158 nodes and 13,428 edges', () => {
    const c = connectedComponents(g);
    expect(c.count).toBe(355);
    expect(c.largest).toEqual({ component: 0, nodes: 4158, edges: 13428 });
    expect(Array.from(c.sizes).reduce((a, b) => a + b, 0)).toBe(5242);
    expect(Array.from(c.edgeCounts).reduce((a, b) => a + b, 0)).toBe(14496);
    const ref = referenceDistances(g, c.componentOf.indexOf(0));
    expect(Array.from(ref).filter((d) => d >= 0).length).toBe(4158);
  });

  it('shortest paths match networkx: 1000→10655 is 5 hops with 5 paths; 3466 cannot reach 12295', () => {
    const t = new Traverser(g);
    expect(t.shortestPath('1000', '10655')!.edges).toHaveLength(5);
    expect(t.allShortestPaths('1000', '10655')).toHaveLength(5);
    expect(t.shortestPath('10026', '9066')!.edges).toHaveLength(5);
    expect(t.shortestPath('3466', '12295')).toBeNull();
    expect(t.allShortestPaths('3466', '12295')).toEqual([]);
    expect(t.shortestPath('1000', '10655', { maxHops: 4 })).toBeNull();
  });

  it('bidirectional BFS agrees with a reference BFS from three sources to every node', () => {
    const t = new Traverser(g);
    for (const id of ['3466', '1000', '22464']) {
      const s = g.require(id);
      const ref = referenceDistances(g, s);
      for (let v = 0; v < g.nodeCount; v += 7) {
        const p = t.shortestPath(s, v);
        expect(p === null ? -1 : p.edges.length).toBe(ref[v]);
      }
    }
  });
});

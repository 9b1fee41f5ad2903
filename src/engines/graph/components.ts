/**
 * Weakly connected components by union-find over the edge arrays (union by size, path halving;
 * Tarjan 1975, near-linear), with components numbered by decreasing size.
 */
import { compileFilter, passes } from './filter.ts';
import type { Graph } from './graph.ts';
import type { EdgeFilter } from './types.ts';

/** Components of a graph: component 0 is the largest (ties broken by smallest node index). */
export interface Components {
  /** Number of components (isolated nodes count as components of size 1). */
  readonly count: number;
  /** componentOf[n] = component number of node n. */
  readonly componentOf: Uint32Array;
  /** sizes[c] = node count of component c, non-increasing. */
  readonly sizes: Uint32Array;
  /** edgeCounts[c] = edges (that passed the filter) inside component c, self-loops included. */
  readonly edgeCounts: Float64Array;
  /** The largest component: number 0, its node and edge counts. */
  readonly largest: { readonly component: number; readonly nodes: number; readonly edges: number };
}

/**
 * Weakly connected components (edge direction ignored) of the edges that pass `filter`
 * (kinds, minWeight, timeWindow; `direction` is irrelevant here). O(N + E·α(N)) time, 12 bytes
 * per node of work memory.
 */
export function connectedComponents(graph: Graph, filter: EdgeFilter = {}): Components {
  const N = graph.nodeCount;
  const E = graph.edgeCount;
  const f = compileFilter(graph, filter);
  const parent = new Uint32Array(N);
  const size = new Uint32Array(N).fill(1);
  for (let i = 0; i < N; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const p = parent[parent[x]!]!;
      parent[x] = p;
      x = p;
    }
    return x;
  };
  const { edgeSource, edgeTarget } = graph;
  for (let e = 0; e < E; e++) {
    if (!f.all && !passes(graph, f, e)) continue;
    let a = find(edgeSource[e]!);
    let b = find(edgeTarget[e]!);
    if (a === b) continue;
    if (size[a]! < size[b]! || (size[a] === size[b] && b < a)) [a, b] = [b, a];
    parent[b] = a;
    size[a]! += size[b]!;
  }
  let count = 0;
  for (let i = 0; i < N; i++) if (parent[i] === i) count++;
  // Sort roots by (size desc, index asc) with one numeric typed-array sort: key = (N - size)·N + root.
  const keys = new Float64Array(count);
  for (let i = 0, k = 0; i < N; i++) if (parent[i] === i) keys[k++] = (N - size[i]!) * N + i;
  keys.sort();
  const label = new Uint32Array(N);
  const sizes = new Uint32Array(count);
  for (let c = 0; c < count; c++) {
    const r = keys[c]! % N;
    label[r] = c;
    sizes[c] = size[r]!;
  }
  const componentOf = new Uint32Array(N);
  for (let i = 0; i < N; i++) componentOf[i] = label[find(i)]!;
  const edgeCounts = new Float64Array(count);
  for (let e = 0; e < E; e++) if (f.all || passes(graph, f, e)) edgeCounts[componentOf[edgeSource[e]!]!]!++;
  return {
    count,
    componentOf,
    sizes,
    edgeCounts,
    largest: { component: 0, nodes: sizes[0] ?? 0, edges: edgeCounts[0] ?? 0 },
  };
}

/** Dense indices of the nodes in component c, ascending. */
export function componentNodes(components: Components, c: number): Uint32Array {
  const out = new Uint32Array(components.sizes[c] ?? 0);
  let k = 0;
  const of = components.componentOf;
  for (let i = 0; i < of.length; i++) if (of[i] === c) out[k++] = i;
  return out;
}

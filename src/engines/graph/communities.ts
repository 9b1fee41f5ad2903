/**
 * Community detection with the Louvain method (Blondel, Guillaume, Lambiotte & Lefebvre 2008,
 * "Fast unfolding of communities in large networks", J. Stat. Mech. P10008), run by
 * graphology-communities-louvain on an undirected graphology copy of a (sub)graph: parallel and
 * opposite edges between two nodes are merged and their weights summed.
 */
import { mulberry32 } from '../../core/random.ts';
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { AppError } from '../../core/errors.ts';
import { GraphErrors } from './errors.ts';
import { compileFilter, passes } from './filter.ts';
import type { Graph } from './graph.ts';
import type { EdgeFilter } from './types.ts';

/** Options of community detection. */
export interface CommunityOptions extends Pick<EdgeFilter, 'kinds' | 'minWeight' | 'timeWindow'> {
  /** Restrict to these dense nodes (e.g. an expansion's nodes); default the whole graph. */
  readonly nodes?: ArrayLike<number>;
  /** Use edge weights (default true); false counts every edge as 1 (classic modularity). */
  readonly weighted?: boolean;
  /** Modularity resolution γ (default 1). */
  readonly resolution?: number;
  /** Seed of the random visiting order, for reproducible partitions (default 1). */
  readonly seed?: number;
}

/** A partition of the selected nodes into communities. */
export interface Communities {
  /** Selected nodes (dense indices), ascending. */
  readonly nodes: Uint32Array;
  /** community[i] = community number of nodes[i]; communities are numbered by decreasing size. */
  readonly community: Uint32Array;
  /** sizes[c] = node count of community c. */
  readonly sizes: number[];
  readonly count: number;
  /** Newman–Girvan modularity Q of the partition on the (un)weighted undirected graph. */
  readonly modularity: number;
}

// The package is CommonJS (`module.exports = louvain`) but its typings declare `export default`;
// under NodeNext the default import is module.exports, so take it as the function itself.
const louvain = louvainModule as unknown as (typeof louvainModule)['default'];


/**
 * Louvain communities of the selected nodes over edges passing the filter (direction ignored).
 * Isolated selected nodes form singleton communities.
 * @throws AppError GRAPH_INVALID_OPTION for a non-positive resolution.
 */
export function detectCommunities(graph: Graph, options: CommunityOptions = {}): Communities {
  const resolution = options.resolution ?? 1;
  if (!(resolution > 0)) throw new AppError(GraphErrors.GRAPH_INVALID_OPTION, { name: 'resolution', value: String(resolution) });
  const f = compileFilter(graph, options);
  const weighted = options.weighted ?? true;
  const selected = new Uint8Array(graph.nodeCount);
  let nodes: Uint32Array;
  if (options.nodes) {
    for (let i = 0; i < options.nodes.length; i++) selected[graph.resolve(options.nodes[i]!)] = 1;
    const list: number[] = [];
    for (let n = 0; n < selected.length; n++) if (selected[n]) list.push(n);
    nodes = Uint32Array.from(list);
  } else {
    selected.fill(1);
    nodes = new Uint32Array(graph.nodeCount).map((_, i) => i);
  }
  const g = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const n of nodes) g.addNode(String(n));
  for (const n of nodes) {
    for (let e = graph.outOffsets[n]!, end = graph.outOffsets[n + 1]!; e < end; e++) {
      const v = graph.edgeTarget[e]!;
      if (!selected[v] || !passes(graph, f, e)) continue;
      const w = weighted ? graph.edgeWeight[e]! : 1;
      const a = String(n), b = String(v);
      if (g.hasEdge(a, b)) g.updateEdgeAttribute(a, b, 'weight', (x) => (x ?? 0) + (weighted ? w : 0));
      else g.addEdge(a, b, { weight: w });
    }
  }
  const result = louvain.detailed(g, { getEdgeWeight: 'weight', resolution, rng: mulberry32(options.seed ?? 1) });
  const raw = nodes.map((n) => result.communities[String(n)]!);
  const rawSizes = new Map<number, number>();
  for (const c of raw) rawSizes.set(c, (rawSizes.get(c) ?? 0) + 1);
  const order = [...rawSizes.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const renumber = new Map(order.map(([c], i) => [c, i]));
  return {
    nodes,
    community: raw.map((c) => renumber.get(c)!),
    sizes: order.map(([, s]) => s),
    count: order.length,
    modularity: result.modularity,
  };
}

/**
 * Which part of a graph an export or summary covers: given nodes (their induced edges), given
 * edges (plus their end nodes), or both; the whole graph when neither is given.
 */
import { AppError } from '../../core/errors.ts';
import { GraphErrors } from './errors.ts';
import type { Graph } from './graph.ts';

/** A node and/or edge selection (dense indices and edge ids, e.g. an Expansion). */
export interface Selection {
  readonly nodes?: ArrayLike<number>;
  readonly edges?: ArrayLike<number>;
}

/** A resolved selection: ascending node indices and ascending edge ids. */
export interface ResolvedSelection {
  readonly nodes: Uint32Array;
  readonly edges: Uint32Array;
}

/**
 * Resolve a selection. With `edges`, exactly those edges and the union of `nodes` and their
 * ends; with only `nodes`, every edge whose both ends are selected; with neither, everything.
 * @throws AppError GRAPH_NODE_NOT_FOUND / GRAPH_EDGE_NOT_FOUND for indices out of range.
 */
export function resolveSelection(graph: Graph, sel: Selection = {}): ResolvedSelection {
  const N = graph.nodeCount;
  const E = graph.edgeCount;
  if (!sel.nodes && !sel.edges) {
    return { nodes: new Uint32Array(N).map((_, i) => i), edges: new Uint32Array(E).map((_, i) => i) };
  }
  const mark = new Uint8Array(N);
  if (sel.nodes) for (let i = 0; i < sel.nodes.length; i++) mark[graph.resolve(sel.nodes[i]!)] = 1;
  let edges: Uint32Array;
  if (sel.edges) {
    edges = Uint32Array.from(sel.edges as ArrayLike<number>);
    for (const e of edges) {
      if (e >= E) throw new AppError(GraphErrors.GRAPH_EDGE_NOT_FOUND, { id: e });
      mark[graph.edgeSource[e]!] = 1;
      mark[graph.edgeTarget[e]!] = 1;
    }
    edges = new Uint32Array(new Set(edges)).sort();
  } else {
    const list: number[] = [];
    for (let n = 0; n < N; n++) {
      if (!mark[n]) continue;
      for (let e = graph.outOffsets[n]!, end = graph.outOffsets[n + 1]!; e < end; e++) if (mark[graph.edgeTarget[e]!]) list.push(e);
    }
    edges = Uint32Array.from(list);
  }
  const nodes: number[] = [];
  for (let n = 0; n < N; n++) if (mark[n]) nodes.push(n);
  return { nodes: Uint32Array.from(nodes), edges };
}

/**
 * The immutable graph in compressed sparse row (CSR) form, produced by `GraphBuilder.build()`.
 *
 * Layout (N nodes, E edges; all typed arrays):
 * - edges are sorted by (source, target, kind, directed); the edge id is its position, so the
 *   out-adjacency of node n is the edge range `outOffsets[n] … outOffsets[n+1]-1` and its
 *   targets are `edgeTarget` over that range;
 * - in-adjacency: `inOffsets` (N+1) into `inEdges` (edge ids sorted by target) and the parallel
 *   `inSources` (the source of each of those edges, for cache-friendly reverse scans);
 * - edge attributes in parallel arrays: kind code (uint8), directed flag (uint8), weight
 *   (float64, a count for parcels), first/last time (uint32 Unix seconds, 0 = none);
 * - evidence: `evidenceOffsets` (E+1) into `evidencePool` (uint32 source row ids) with the
 *   parallel `evidenceTime` (uint32 Unix seconds of each record, 0 = none).
 * An undirected edge is stored once (source = smaller index) and appears in the out-list of its
 * source and the in-list of its target; traversals follow it both ways.
 */
import { AppError } from '../../core/errors.ts';
import { GraphErrors } from './errors.ts';
import type { Interner } from './interner.ts';
import type { EdgeInfo, EdgeKind } from './types.ts';

/** A dictionary-encoded string column over nodes: code 0 = absent, value = values[code-1]. */
export interface NodeColumn {
  readonly values: readonly string[];
  readonly codes: Uint32Array;
}

/** The arrays a Graph is made of (see the module docstring for the layout). */
export interface GraphData {
  readonly ids: Interner;
  readonly kinds: readonly string[];
  readonly outOffsets: Uint32Array;
  readonly edgeSource: Uint32Array;
  readonly edgeTarget: Uint32Array;
  readonly edgeKind: Uint8Array;
  readonly edgeDirected: Uint8Array;
  readonly edgeWeight: Float64Array;
  readonly edgeFirst: Uint32Array;
  readonly edgeLast: Uint32Array;
  readonly inOffsets: Uint32Array;
  readonly inEdges: Uint32Array;
  readonly inSources: Uint32Array;
  readonly evidenceOffsets: Uint32Array;
  readonly evidencePool: Uint32Array;
  readonly evidenceTime: Uint32Array;
  readonly columns: ReadonlyMap<string, NodeColumn>;
}

/** An immutable CSR graph. Build one with `GraphBuilder`; query it with the engine's functions. */
export class Graph implements GraphData {
  readonly ids: Interner;
  readonly kinds: readonly string[];
  readonly outOffsets: Uint32Array;
  readonly edgeSource: Uint32Array;
  readonly edgeTarget: Uint32Array;
  readonly edgeKind: Uint8Array;
  readonly edgeDirected: Uint8Array;
  readonly edgeWeight: Float64Array;
  readonly edgeFirst: Uint32Array;
  readonly edgeLast: Uint32Array;
  readonly inOffsets: Uint32Array;
  readonly inEdges: Uint32Array;
  readonly inSources: Uint32Array;
  readonly evidenceOffsets: Uint32Array;
  readonly evidencePool: Uint32Array;
  readonly evidenceTime: Uint32Array;
  readonly columns: ReadonlyMap<string, NodeColumn>;
  /** Number of nodes N. */
  readonly nodeCount: number;
  /** Number of edges E (after merging parallel records). */
  readonly edgeCount: number;
  /** True when at least one edge is undirected (traversals then also scan the opposite list). */
  readonly hasUndirected: boolean;

  constructor(d: GraphData) {
    this.ids = d.ids;
    this.kinds = d.kinds;
    this.outOffsets = d.outOffsets;
    this.edgeSource = d.edgeSource;
    this.edgeTarget = d.edgeTarget;
    this.edgeKind = d.edgeKind;
    this.edgeDirected = d.edgeDirected;
    this.edgeWeight = d.edgeWeight;
    this.edgeFirst = d.edgeFirst;
    this.edgeLast = d.edgeLast;
    this.inOffsets = d.inOffsets;
    this.inEdges = d.inEdges;
    this.inSources = d.inSources;
    this.evidenceOffsets = d.evidenceOffsets;
    this.evidencePool = d.evidencePool;
    this.evidenceTime = d.evidenceTime;
    this.columns = d.columns;
    this.nodeCount = d.ids.size;
    this.edgeCount = d.edgeSource.length;
    this.hasUndirected = d.edgeDirected.includes(0);
  }

  /** Dense index of an external node id, or -1 when absent. */
  indexOf(id: string): number {
    return this.ids.indexOf(id);
  }

  /**
   * Dense index of an external node id.
   * @throws AppError GRAPH_NODE_NOT_FOUND when the id is not in the graph.
   */
  require(id: string): number {
    const i = this.ids.indexOf(id);
    if (i < 0) throw new AppError(GraphErrors.GRAPH_NODE_NOT_FOUND, { id });
    return i;
  }

  /** External id of dense node `n`. */
  idOf(n: number): string {
    const id = this.ids.values[n];
    if (id === undefined) throw new AppError(GraphErrors.GRAPH_NODE_NOT_FOUND, { id: n });
    return id;
  }

  /** Resolve a seed given as an external id (string) or a dense index (number). */
  resolve(node: string | number): number {
    if (typeof node === 'string') return this.require(node);
    if (!Number.isInteger(node) || node < 0 || node >= this.nodeCount) throw new AppError(GraphErrors.GRAPH_NODE_NOT_FOUND, { id: node });
    return node;
  }

  /** Code (0-based) of an edge kind, or -1 when no edge has that kind. */
  kindCode(kind: EdgeKind): number {
    return this.kinds.indexOf(kind);
  }

  /** Number of edges leaving n (directed out-edges plus undirected edges whose source is n). */
  outDegree(n: number): number {
    return this.outOffsets[n + 1]! - this.outOffsets[n]!;
  }

  /** Number of edges entering n (directed in-edges plus undirected edges whose target is n). */
  inDegree(n: number): number {
    return this.inOffsets[n + 1]! - this.inOffsets[n]!;
  }

  /** The other end of edge e seen from node n. */
  otherEnd(e: number, n: number): number {
    const s = this.edgeSource[e]!;
    return s === n ? this.edgeTarget[e]! : s;
  }

  /** Source row ids behind edge e, as a view into the evidence pool (do not modify). */
  evidenceOf(e: number): Uint32Array {
    return this.evidencePool.subarray(this.evidenceOffsets[e]!, this.evidenceOffsets[e + 1]!);
  }

  /**
   * Edge e with its attributes and evidence.
   * @throws AppError GRAPH_EDGE_NOT_FOUND for an id outside 0 … edgeCount-1.
   */
  edge(e: number): EdgeInfo {
    if (!Number.isInteger(e) || e < 0 || e >= this.edgeCount) throw new AppError(GraphErrors.GRAPH_EDGE_NOT_FOUND, { id: e });
    const source = this.edgeSource[e]!;
    const target = this.edgeTarget[e]!;
    const first = this.edgeFirst[e]!;
    const last = this.edgeLast[e]!;
    return {
      id: e,
      source,
      target,
      sourceId: this.idOf(source),
      targetId: this.idOf(target),
      kind: this.kinds[this.edgeKind[e]!]!,
      directed: this.edgeDirected[e] === 1,
      weight: this.edgeWeight[e]!,
      firstTime: first === 0 ? null : first,
      lastTime: last === 0 ? null : last,
      evidence: Array.from(this.evidenceOf(e)),
    };
  }

  /** Value of string node attribute `name` on node n, or undefined. */
  attribute(name: string, n: number): string | undefined {
    const col = this.columns.get(name);
    if (!col) return undefined;
    const code = col.codes[n] ?? 0;
    return code === 0 ? undefined : col.values[code - 1];
  }

  /** Names of the node attribute columns, in the order they were first set. */
  attributeNames(): string[] {
    return [...this.columns.keys()];
  }

  /** Bytes held by the typed arrays (the CSR, attributes and evidence; not the id strings). */
  arrayBytes(): number {
    let b = 0;
    for (const a of [this.outOffsets, this.edgeSource, this.edgeTarget, this.edgeKind, this.edgeDirected, this.edgeWeight, this.edgeFirst, this.edgeLast,
      this.inOffsets, this.inEdges, this.inSources, this.evidenceOffsets, this.evidencePool, this.evidenceTime]) b += a.byteLength;
    for (const c of this.columns.values()) b += c.codes.byteLength;
    return b;
  }
}

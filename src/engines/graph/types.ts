/**
 * Shared value types of the graph engine. Nodes are dense uint32 indices (0 … nodeCount-1)
 * interned from external string ids; edges are dense uint32 ids (0 … edgeCount-1) in CSR order
 * (sorted by source, then target, then kind).
 */

/**
 * Kind of relation an edge records. The four named kinds are the relations of issue 3
 * (parcel sender→receiver; one phone, address or ID number shared by several persons); any
 * other string is allowed (e.g. 'coauthor' for a collaboration network). At most 255 kinds per graph.
 */
export type EdgeKind = 'parcel' | 'shared_phone' | 'shared_address' | 'shared_id' | (string & {});

/** Which way edges are followed from a node: along their direction, against it, or both. */
export type Direction = 'out' | 'in' | 'any';

/** Time window in Unix seconds (UTC), inclusive at both ends; either end may be open. */
export interface TimeWindow {
  readonly from?: number;
  readonly to?: number;
}

/**
 * Which edges a traversal may use. An edge passes when its kind is listed (all kinds when
 * `kinds` is absent), its weight ≥ `minWeight`, and its active span [firstTime, lastTime]
 * overlaps `timeWindow` (edges without a time never pass a time window).
 * Undirected edges are followed both ways under every direction.
 */
export interface EdgeFilter {
  readonly kinds?: readonly EdgeKind[];
  readonly minWeight?: number;
  readonly timeWindow?: TimeWindow;
  /** Default 'any'. */
  readonly direction?: Direction;
}

/** One edge with its attributes and evidence, as returned to callers. */
export interface EdgeInfo {
  readonly id: number;
  /** Dense source node index (for undirected edges the smaller index). */
  readonly source: number;
  readonly target: number;
  readonly sourceId: string;
  readonly targetId: string;
  readonly kind: EdgeKind;
  readonly directed: boolean;
  /** Number of merged records (or the sum of the weights given). */
  readonly weight: number;
  /** Unix seconds of the earliest record, or null when no record had a time. */
  readonly firstTime: number | null;
  /** Unix seconds of the latest record, or null. */
  readonly lastTime: number | null;
  /** Source row ids behind this edge (e.g. parcel row ids), in insertion order. */
  readonly evidence: readonly number[];
}

/** Options for adding one edge record to a GraphBuilder. */
export interface EdgeInput {
  /** Default 'link' (a generic relation); parcel graphs pass 'parcel'. */
  readonly kind?: EdgeKind;
  /** Default true. Undirected edges are stored with the smaller node index as source. */
  readonly directed?: boolean;
  /** Count of records this edge stands for; default 1. Finite, ≥ 0. */
  readonly weight?: number;
  /** Unix seconds of the record; sets both first and last time. */
  readonly time?: number;
  /** Unix seconds; overrides `time` for the first time. */
  readonly firstTime?: number;
  /** Unix seconds; overrides `time` for the last time. */
  readonly lastTime?: number;
  /** Source row ids (uint32) behind this record. */
  readonly evidence?: number | readonly number[];
}

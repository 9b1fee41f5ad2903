/**
 * Spread of a node set over a node attribute (e.g. province) and activity over time (source
 * records per local day) — the two summaries a network view shows beside the graph.
 */
import { AppError } from '../../core/errors.ts';
import { GraphErrors } from './errors.ts';
import type { Graph } from './graph.ts';

/** Node counts per value of one attribute. */
export interface AttributeSpread {
  readonly attribute: string;
  /** Nodes examined. */
  readonly total: number;
  /** Nodes without the attribute. */
  readonly missing: number;
  /** Distinct values with their node counts, most frequent first (ties by value). */
  readonly values: ReadonlyArray<{ readonly value: string; readonly nodes: number }>;
}

/**
 * Count the nodes (dense indices; default all) per value of string node attribute `attribute`
 * (e.g. 'province' set by GraphBuilder.addNode). Unknown attributes give every node as missing.
 */
export function spreadBy(graph: Graph, attribute: string, nodes?: ArrayLike<number>): AttributeSpread {
  const col = graph.columns.get(attribute);
  const total = nodes ? nodes.length : graph.nodeCount;
  if (!col) return { attribute, total, missing: total, values: [] };
  const counts = new Uint32Array(col.values.length + 1);
  for (let i = 0; i < total; i++) counts[col.codes[nodes ? graph.resolve(nodes[i]!) : i]!]!++;
  const values: { value: string; nodes: number }[] = [];
  for (let c = 1; c < counts.length; c++) if (counts[c]! > 0) values.push({ value: col.values[c - 1]!, nodes: counts[c]! });
  values.sort((a, b) => b.nodes - a.nodes || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { attribute, total, missing: counts[0]!, values };
}

/** Activity of one local day. */
export interface DayActivity {
  /** Local calendar day, YYYY-MM-DD. */
  readonly day: string;
  /** Source records that day (evidence refs; an edge without refs counts its weight on its first day). */
  readonly records: number;
  /** Distinct edges with at least one record that day. */
  readonly edges: number;
}

/**
 * Records per local day over the given edges (default all edges), from the time of each evidence
 * ref. Days are local to a fixed UTC offset in minutes (default +480, Asia/Shanghai, which has no
 * daylight saving; GB/T 7408 local time). Records without a time are not counted.
 * @throws AppError GRAPH_INVALID_OPTION for an offset outside ±14 h.
 */
export function activityByDay(graph: Graph, edges?: ArrayLike<number>, options: { readonly utcOffsetMinutes?: number } = {}): DayActivity[] {
  const offset = options.utcOffsetMinutes ?? 480;
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) throw new AppError(GraphErrors.GRAPH_INVALID_OPTION, { name: 'utcOffsetMinutes', value: String(offset) });
  const shift = offset * 60;
  const records = new Map<number, number>();
  const edgeDays = new Map<number, number>();
  const count = edges ? edges.length : graph.edgeCount;
  const days = new Set<number>();
  for (let i = 0; i < count; i++) {
    const e = edges ? edges[i]! : i;
    if (e < 0 || e >= graph.edgeCount) throw new AppError(GraphErrors.GRAPH_EDGE_NOT_FOUND, { id: e });
    days.clear();
    const from = graph.evidenceOffsets[e]!, to = graph.evidenceOffsets[e + 1]!;
    if (from === to) {
      const t = graph.edgeFirst[e]!;
      if (t === 0) continue;
      const d = Math.floor((t + shift) / 86400);
      records.set(d, (records.get(d) ?? 0) + graph.edgeWeight[e]!);
      days.add(d);
    }
    for (let k = from; k < to; k++) {
      const t = graph.evidenceTime[k]!;
      if (t === 0) continue;
      const d = Math.floor((t + shift) / 86400);
      records.set(d, (records.get(d) ?? 0) + 1);
      days.add(d);
    }
    for (const d of days) edgeDays.set(d, (edgeDays.get(d) ?? 0) + 1);
  }
  return [...records.keys()].sort((a, b) => a - b).map((d) => ({
    day: new Date(d * 86400_000).toISOString().slice(0, 10),
    records: records.get(d)!,
    edges: edgeDays.get(d)!,
  }));
}

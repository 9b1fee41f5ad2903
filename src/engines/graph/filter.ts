/**
 * Edge filters compiled once per query into flat values that the BFS inner loops test without
 * allocating: a 256-entry kind mask, a minimum weight and a time window in uint32 seconds.
 */
import { AppError } from '../../core/errors.ts';
import { GraphErrors } from './errors.ts';
import type { Graph } from './graph.ts';
import type { Direction, EdgeFilter } from './types.ts';

/** A compiled edge filter; `all` is true when every edge passes (the loops then skip the test). */
export interface CompiledFilter {
  readonly all: boolean;
  readonly kindMask: Uint8Array;
  readonly minWeight: number;
  readonly from: number;
  readonly to: number;
  readonly timed: boolean;
  readonly direction: Direction;
}

/**
 * Compile an EdgeFilter against a graph's kind table. Unknown kinds simply match no edge.
 * @throws AppError GRAPH_INVALID_OPTION for a negative/non-finite minWeight, a bad direction
 *   or a time window whose `from` is after its `to`.
 */
export function compileFilter(graph: Graph, filter: EdgeFilter = {}): CompiledFilter {
  const direction = filter.direction ?? 'any';
  if (direction !== 'any' && direction !== 'out' && direction !== 'in') throw new AppError(GraphErrors.GRAPH_INVALID_OPTION, { name: 'direction', value: String(direction) });
  const minWeight = filter.minWeight ?? 0;
  if (!Number.isFinite(minWeight) || minWeight < 0) throw new AppError(GraphErrors.GRAPH_INVALID_OPTION, { name: 'minWeight', value: String(minWeight) });
  const kindMask = new Uint8Array(256);
  if (filter.kinds) {
    for (const k of filter.kinds) {
      const c = graph.kindCode(k);
      if (c >= 0) kindMask[c] = 1;
    }
  } else kindMask.fill(1);
  const w = filter.timeWindow;
  const timed = w !== undefined && (w.from !== undefined || w.to !== undefined);
  const from = w?.from ?? 0;
  const to = w?.to ?? 0xffffffff;
  if (timed && (!Number.isFinite(from) || !Number.isFinite(to) || from > to)) throw new AppError(GraphErrors.GRAPH_INVALID_OPTION, { name: 'timeWindow', value: `${from}..${to}` });
  const all = !filter.kinds && minWeight === 0 && !timed;
  return { all, kindMask, minWeight, from, to, timed, direction };
}

/** Whether edge e passes a compiled filter (direction is handled by the traversal). */
export function passes(graph: Graph, f: CompiledFilter, e: number): boolean {
  if (f.all) return true;
  if (f.kindMask[graph.edgeKind[e]!] === 0) return false;
  if (graph.edgeWeight[e]! < f.minWeight) return false;
  if (f.timed) {
    const first = graph.edgeFirst[e]!;
    if (first === 0) return false;
    if (graph.edgeLast[e]! < f.from || first > f.to) return false;
  }
  return true;
}

/**
 * Read plain-text edge lists (SNAP `.txt`, networkx `write_edgelist`, CSV with a header) into a
 * GraphBuilder. One edge per line: source, target and an optional weight column. Lines that are
 * empty or start with '#' or '%' (SNAP and Matrix Market comments) are skipped.
 */
import { AppError } from '../../core/errors.ts';
import { GraphBuilder } from './builder.ts';
import { GraphErrors } from './errors.ts';
import type { Graph } from './graph.ts';
import type { EdgeKind } from './types.ts';

/** How to read an edge list. */
export interface EdgeListOptions {
  /**
   * First line: 'none' (data from line 1, default), 'names' (column names; a column named
   * 'weight' becomes the weight) or 'count' (a SNAP-style "nodes edges" count line, skipped).
   */
  readonly header?: 'none' | 'names' | 'count';
  /** Column separator; default: ',' if the first data line has one, else a tab, else runs of spaces. */
  readonly separator?: string;
  /** Default false: every line is an undirected edge (and A–B, B–A lines merge into one edge). */
  readonly directed?: boolean;
  /** Edge kind; default 'link'. */
  readonly kind?: EdgeKind;
  /** 0-based weight column; default the 'weight' column with header 'names', else none (weight 1). */
  readonly weightColumn?: number;
}

function splitter(sample: string, separator: string | undefined): (line: string) => string[] {
  const sep = separator ?? (sample.includes(',') ? ',' : sample.includes('\t') ? '\t' : ' ');
  if (sep === ' ') return (line) => line.trim().split(/\s+/);
  return (line) => line.split(sep).map((c) => c.trim());
}

/**
 * Add the edges of an edge-list text to a builder; line numbers in errors are 1-based.
 * Evidence of each edge record is its 1-based line number. Returns the number of edge lines.
 * @throws AppError GRAPH_EDGE_LIST_LINE for a line with fewer than two columns or a bad weight.
 */
export function readEdgeList(builder: GraphBuilder, text: string, options: EdgeListOptions = {}): number {
  const lines = text.split(/\r?\n/);
  let i = 0;
  const isData = (l: string) => l.trim() !== '' && !/^\s*[#%]/.test(l);
  while (i < lines.length && !isData(lines[i]!)) i++;
  let weightColumn = options.weightColumn;
  const header = options.header ?? 'none';
  const split = splitter(lines[header === 'none' ? i : i + 1] ?? lines[i] ?? '', options.separator);
  if (header !== 'none' && i < lines.length) {
    if (header === 'names' && weightColumn === undefined) {
      const w = split(lines[i]!).findIndex((c) => c.toLowerCase() === 'weight');
      if (w >= 0) weightColumn = w;
    }
    i++;
  }
  const directed = options.directed ?? false;
  const kind = options.kind ?? 'link';
  let count = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isData(line)) continue;
    const cols = split(line);
    const bad = () => new AppError(GraphErrors.GRAPH_EDGE_LIST_LINE, { line: i + 1, text: line.slice(0, 80) });
    if (cols.length < 2 || cols[0] === '' || cols[1] === '') throw bad();
    let weight = 1;
    if (weightColumn !== undefined) {
      weight = Number(cols[weightColumn]);
      if (!Number.isFinite(weight) || weight < 0) throw bad();
    }
    builder.addEdge(cols[0]!, cols[1]!, { kind, directed, weight, evidence: i + 1 });
    count++;
  }
  return count;
}

/** Build a Graph from one edge-list text (see readEdgeList). */
export function graphFromEdgeList(text: string, options: EdgeListOptions = {}): Graph {
  const b = new GraphBuilder();
  readEdgeList(b, text, options);
  return b.build();
}

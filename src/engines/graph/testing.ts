/**
 * Test helpers: load the public graphs of the shared data folder (`config.sharedDataDir`/graphs,
 * never copied into the repository) into CSR graphs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.ts';
import { GraphBuilder } from './builder.ts';
import { readEdgeList } from './edgeList.ts';
import type { Graph } from './graph.ts';

const dir = () => path.join(loadConfig().sharedDataDir, 'graphs');

/** Zachary's karate club: 34 nodes, 78 undirected weighted edges, node attribute 'club'. */
export function loadKarate(): Graph {
  const b = new GraphBuilder();
  const nodes = fs.readFileSync(path.join(dir(), 'karate_nodes.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  for (const line of nodes) {
    const [id, club] = line.split(',');
    b.addNode(id!, { club });
  }
  readEdgeList(b, fs.readFileSync(path.join(dir(), 'karate_edges.csv'), 'utf8'), { header: 'names' });
  return b.build();
}

/** SNAP CA-GrQc collaboration network (undirected; first line is a count header). */
export function loadCaGrQc(): Graph {
  const b = new GraphBuilder(30_000);
  readEdgeList(b, fs.readFileSync(path.join(dir(), 'CA-GrQc.txt'), 'utf8'), { header: 'count', kind: 'coauthor' });
  return b.build();
}

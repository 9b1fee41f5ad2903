import { MultiGraph as Graphology } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './builder.ts';
import { toCsv, toGexf, toGraphml } from './export.ts';
import type { Graph } from './graph.ts';
import { loadKarate } from './testing.ts';
import { Traverser } from './traversal.ts';

const T0 = Date.UTC(2026, 10, 11, 1, 30) / 1000;

/** Two persons whose names need escaping, a directed parcel edge with evidence, an undirected shared phone. */
function sample(): Graph {
  const b = new GraphBuilder();
  b.addNode('p1', { name: '张&三 <甲>', province: '浙江省' });
  b.addNode('p2', { name: 'Li "Si"', province: '广东省' });
  b.addNode('p3');
  b.addEdge('p1', 'p2', { kind: 'parcel', time: T0, evidence: [17, 18] });
  b.addEdge('p1', 'p2', { kind: 'parcel', time: T0 + 3600, evidence: 40 });
  b.addEdge('p2', 'p3', { kind: 'shared_phone', directed: false, evidence: 5 });
  return b.build();
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['node', 'edge', 'attvalue', 'data', 'key', 'attribute'].includes(name) });

describe('GEXF 1.3', () => {
  it('is well-formed 1.3 and reads back in graphology-gexf with nodes, edges and attributes', () => {
    const g = sample();
    const text = toGexf(g);
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = xml.parse(text);
    expect(doc.gexf.version).toBe('1.3');
    expect(doc.gexf.xmlns).toBe('http://gexf.net/1.3');
    const back = parseGexf(Graphology, text);
    expect(back.order).toBe(3);
    expect(back.size).toBe(2);
    expect(back.getNodeAttributes('p1')).toMatchObject({ label: 'p1', name: '张&三 <甲>', province: '浙江省' });
    expect(back.getNodeAttribute('p2', 'name')).toBe('Li "Si"');
    expect(back.directedEdges('p1', 'p2')).toHaveLength(1);
    const parcel = back.directedEdges('p1', 'p2')[0]!;
    expect(back.getEdgeAttributes(parcel)).toMatchObject({ kind: 'parcel', weight: 2, evidence: [17, 18, 40], firstSeen: '2026-11-11T01:30:00.000Z', lastSeen: '2026-11-11T02:30:00.000Z' });
    expect(back.undirectedEdges('p2', 'p3')).toHaveLength(1);
  });

  it('exports an expansion of the karate club with extra node values and keeps its counts', () => {
    const g = loadKarate();
    const x = new Traverser(g).expand(['0'], { hops: 1 });
    const hop = new Map(Array.from(x.nodes, (n, i) => [n, x.hops[i]!]));
    const text = toGexf(g, { nodes: x.nodes, edges: x.edges, extra: { hop: (n) => hop.get(n) } });
    const back = parseGexf(Graphology, text);
    expect(back.order).toBe(17);
    expect(back.size).toBe(x.edges.length);
    expect(back.hasNode('33')).toBe(false);
    expect(back.getNodeAttributes('0')).toMatchObject({ club: 'Mr. Hi', hop: 0 });
    expect(back.getNodeAttribute('1', 'hop')).toBe(1);
    const full = parseGexf(Graphology, toGexf(g));
    expect([full.order, full.size]).toEqual([34, 78]);
  });
});

describe('GraphML', () => {
  it('parses back with the same nodes, edges, directions and data', () => {
    const g = sample();
    const text = toGraphml(g);
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = xml.parse(text).graphml;
    const keys = Object.fromEntries(doc.key.map((k: Record<string, string>) => [k.id, `${k.for}:${k['attr.name']}`]));
    expect(Object.values(keys).sort()).toEqual(['edge:evidence', 'edge:firstSeen', 'edge:kind', 'edge:lastSeen', 'edge:weight', 'node:label', 'node:name', 'node:province']);
    expect(doc.graph.node).toHaveLength(3);
    expect(doc.graph.edge).toHaveLength(2);
    const data = (el: { data: { key: string; '#text': unknown }[] }) => Object.fromEntries(el.data.map((d) => [keys[d.key], String(d['#text'])]));
    const p1 = doc.graph.node.find((n: { id: string }) => n.id === 'p1');
    expect(data(p1)).toEqual({ 'node:label': 'p1', 'node:name': '张&三 <甲>', 'node:province': '浙江省' });
    const [e0, e1] = doc.graph.edge;
    expect([e0.source, e0.target, e0.directed]).toEqual(['p1', 'p2', 'true']);
    expect(data(e0)).toMatchObject({ 'edge:kind': 'parcel', 'edge:weight': '2', 'edge:evidence': '17;18;40' });
    expect([e1.source, e1.target, e1.directed]).toEqual(['p2', 'p3', 'false']);
  });

  it('exports the karate club with 34 nodes and 78 edges', () => {
    const doc = xml.parse(toGraphml(loadKarate())).graphml;
    expect([doc.graph.node.length, doc.graph.edge.length]).toEqual([34, 78]);
    expect(doc.graph.edgedefault).toBe('undirected');
  });
});

describe('CSV for Gephi and i2', () => {
  it('writes nodes.csv and edges.csv that parse back with the same rows', () => {
    const g = sample();
    const { nodesCsv, edgesCsv } = toCsv(g, { nodeKey: (n) => `P${n}` });
    expect(nodesCsv.startsWith('\uFEFFId,Label,name,province')).toBe(true);
    const nodes = parseCsv(nodesCsv, { bom: true, columns: true }) as Record<string, string>[];
    expect(nodes).toEqual([
      { Id: 'P0', Label: 'P0', name: '张&三 <甲>', province: '浙江省' },
      { Id: 'P1', Label: 'P1', name: 'Li "Si"', province: '广东省' },
      { Id: 'P2', Label: 'P2', name: '', province: '' },
    ]);
    const edges = parseCsv(edgesCsv, { bom: true, columns: true }) as Record<string, string>[];
    expect(edges).toEqual([
      { Id: '0', Source: 'P0', Target: 'P1', Type: 'Directed', Kind: 'parcel', Weight: '2', FirstSeen: '2026-11-11T01:30:00.000Z', LastSeen: '2026-11-11T02:30:00.000Z', Evidence: '17;18;40' },
      { Id: '1', Source: 'P1', Target: 'P2', Type: 'Undirected', Kind: 'shared_phone', Weight: '1', FirstSeen: '', LastSeen: '', Evidence: '5' },
    ]);
  });

  it('exports only the induced edges of a node selection', () => {
    const g = loadKarate();
    const { nodesCsv, edgesCsv } = toCsv(g, { nodes: [0, 1, 2, 32] });
    expect(parseCsv(nodesCsv, { bom: true, columns: true })).toHaveLength(4);
    const edges = parseCsv(edgesCsv, { bom: true, columns: true }) as Record<string, string>[];
    expect(edges.map((e) => `${e.Source}-${e.Target}`).sort()).toEqual(['0-1', '0-2', '1-2', '2-32']);
  });
});

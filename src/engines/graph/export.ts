/**
 * Export a graph or a selection of it for Gephi, i2 Analyst's Notebook and other tools:
 * - GEXF 1.3 (gexf.net/1.3, the Gephi format): node attributes from the graph's columns and
 *   extra per-node values; edges with `kind`, `type` (directed/undirected), `weight`, and the
 *   attributes firstSeen/lastSeen (ISO 8601 UTC) and evidence (listlong, GEXF 1.3 "[a, b]" form);
 * - GraphML (graphml.graphdrawing.org, GraphML Primer 2002): the same data as <key>/<data>,
 *   per-edge `directed`;
 * - CSV: nodes.csv (Id, Label, attributes…) and edges.csv (Id, Source, Target, Type, Kind,
 *   Weight, FirstSeen, LastSeen, Evidence with ';' between row ids) — the column names Gephi's
 *   spreadsheet importer and i2's import specifications map directly.
 * The XML is written with fast-xml-parser's XMLBuilder (escaping text and attributes). Exports are
 * built in memory: meant for case-sized subgraphs (up to a few hundred thousand edges).
 */
import { stringify } from 'csv-stringify/sync';
import { XMLBuilder } from 'fast-xml-parser';
import type { Graph } from './graph.ts';
import { resolveSelection, type Selection } from './selection.ts';

/** Export options: what to export and how to name and annotate nodes. */
export interface ExportOptions extends Selection {
  /** Node id written to the file; default the external id. Apps pass a pseudonym or masked id. */
  readonly nodeKey?: (node: number) => string;
  /** Node label; default the node key. */
  readonly nodeLabel?: (node: number) => string;
  /** Extra per-node values (e.g. role, hop, community); numbers are typed double, else string. */
  readonly extra?: Readonly<Record<string, (node: number) => string | number | undefined>>;
  /** Graph description written in the GEXF meta (default 'Gongzhi network export'). */
  readonly description?: string;
}

interface Column {
  readonly name: string;
  readonly type: 'string' | 'double';
  readonly value: (n: number) => string | number | undefined;
}

interface Prepared {
  readonly nodes: Uint32Array;
  readonly edges: Uint32Array;
  readonly key: (n: number) => string;
  readonly label: (n: number) => string;
  readonly columns: Column[];
  readonly anyUndirected: boolean;
}

function prepare(graph: Graph, o: ExportOptions): Prepared {
  const { nodes, edges } = resolveSelection(graph, o);
  const key = o.nodeKey ?? ((n: number) => graph.idOf(n));
  const label = o.nodeLabel ?? key;
  const columns: Column[] = graph.attributeNames().map((name) => ({ name, type: 'string', value: (n: number) => graph.attribute(name, n) }));
  for (const [name, fn] of Object.entries(o.extra ?? {})) {
    let numeric = true;
    for (const n of nodes) { const v = fn(n); if (v !== undefined && typeof v !== 'number') { numeric = false; break; } }
    columns.push({ name, type: numeric ? 'double' : 'string', value: fn });
  }
  let anyUndirected = false;
  for (const e of edges) if (graph.edgeDirected[e] === 0) { anyUndirected = true; break; }
  return { nodes, edges, key, label, columns, anyUndirected };
}

const iso = (t: number) => (t === 0 ? undefined : new Date(t * 1000).toISOString());

function edgeValues(graph: Graph, e: number) {
  return {
    kind: graph.kinds[graph.edgeKind[e]!]!,
    directed: graph.edgeDirected[e] === 1,
    weight: graph.edgeWeight[e]!,
    firstSeen: iso(graph.edgeFirst[e]!),
    lastSeen: iso(graph.edgeLast[e]!),
    evidence: Array.from(graph.evidenceOf(e)),
  };
}

const builder = () => new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, suppressBooleanAttributes: false, processEntities: true });

/**
 * GEXF 1.3 document of the selection (whole graph by default), as a string.
 * Node ids are `nodeKey(n)`; edge ids are the graph's edge ids.
 */
export function toGexf(graph: Graph, options: ExportOptions = {}): string {
  const p = prepare(graph, options);
  // Attribute ids equal their titles: Gephi shows titles, graphology-gexf keys values by id.
  const nodeAttrs = p.columns.map((c) => ({ '@_id': c.name, '@_title': c.name, '@_type': c.type }));
  const edgeAttrs = [
    { '@_id': 'firstSeen', '@_title': 'firstSeen', '@_type': 'string' },
    { '@_id': 'lastSeen', '@_title': 'lastSeen', '@_type': 'string' },
    { '@_id': 'evidence', '@_title': 'evidence', '@_type': 'listlong' },
  ];
  const node = Array.from(p.nodes, (n) => {
    const attvalue = p.columns.flatMap((c) => { const v = c.value(n); return v === undefined ? [] : [{ '@_for': c.name, '@_value': String(v) }]; });
    return { '@_id': p.key(n), '@_label': p.label(n), ...(attvalue.length ? { attvalues: { attvalue } } : {}) };
  });
  const edge = Array.from(p.edges, (e) => {
    const v = edgeValues(graph, e);
    const attvalue = [
      ...(v.firstSeen ? [{ '@_for': 'firstSeen', '@_value': v.firstSeen }] : []),
      ...(v.lastSeen ? [{ '@_for': 'lastSeen', '@_value': v.lastSeen }] : []),
      ...(v.evidence.length ? [{ '@_for': 'evidence', '@_value': `[${v.evidence.join(', ')}]` }] : []),
    ];
    return {
      '@_id': String(e), '@_source': p.key(graph.edgeSource[e]!), '@_target': p.key(graph.edgeTarget[e]!),
      '@_type': v.directed ? 'directed' : 'undirected', '@_kind': v.kind, '@_label': v.kind, '@_weight': String(v.weight),
      ...(attvalue.length ? { attvalues: { attvalue } } : {}),
    };
  });
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    gexf: {
      '@_xmlns': 'http://gexf.net/1.3', '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd', '@_version': '1.3',
      meta: { creator: 'Gongzhi', description: options.description ?? 'Gongzhi network export' },
      graph: {
        '@_defaultedgetype': p.anyUndirected ? 'undirected' : 'directed', '@_mode': 'static',
        attributes: [{ '@_class': 'node', attribute: nodeAttrs }, { '@_class': 'edge', attribute: edgeAttrs }],
        nodes: { node },
        edges: { edge },
      },
    },
  };
  return builder().build(doc) as string;
}

/** GraphML document of the selection (whole graph by default), as a string. */
export function toGraphml(graph: Graph, options: ExportOptions = {}): string {
  const p = prepare(graph, options);
  const nodeKeys = [{ name: 'label', type: 'string' }, ...p.columns.map((c) => ({ name: c.name, type: c.type }))];
  const edgeKeys = [
    { name: 'kind', type: 'string' }, { name: 'weight', type: 'double' }, { name: 'firstSeen', type: 'string' },
    { name: 'lastSeen', type: 'string' }, { name: 'evidence', type: 'string' },
  ];
  const key = [
    ...nodeKeys.map((k, i) => ({ '@_id': `n${i}`, '@_for': 'node', '@_attr.name': k.name, '@_attr.type': k.type })),
    ...edgeKeys.map((k, i) => ({ '@_id': `e${i}`, '@_for': 'edge', '@_attr.name': k.name, '@_attr.type': k.type })),
  ];
  const node = Array.from(p.nodes, (n) => {
    const data = [{ '@_key': 'n0', '#text': p.label(n) }];
    p.columns.forEach((c, i) => { const v = c.value(n); if (v !== undefined) data.push({ '@_key': `n${i + 1}`, '#text': String(v) }); });
    return { '@_id': p.key(n), data };
  });
  const edge = Array.from(p.edges, (e) => {
    const v = edgeValues(graph, e);
    const data = [{ '@_key': 'e0', '#text': v.kind }, { '@_key': 'e1', '#text': String(v.weight) }];
    if (v.firstSeen) data.push({ '@_key': 'e2', '#text': v.firstSeen });
    if (v.lastSeen) data.push({ '@_key': 'e3', '#text': v.lastSeen });
    if (v.evidence.length) data.push({ '@_key': 'e4', '#text': v.evidence.join(';') });
    return { '@_id': `e${e}`, '@_source': p.key(graph.edgeSource[e]!), '@_target': p.key(graph.edgeTarget[e]!), '@_directed': String(v.directed), data };
  });
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns', '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key,
      graph: { '@_id': 'G', '@_edgedefault': p.anyUndirected ? 'undirected' : 'directed', node, edge },
    },
  };
  return builder().build(doc) as string;
}

/** nodes.csv and edges.csv (UTF-8 with BOM so that spreadsheet tools read Chinese text right). */
export function toCsv(graph: Graph, options: ExportOptions = {}): { readonly nodesCsv: string; readonly edgesCsv: string } {
  const p = prepare(graph, options);
  const nodeRows = Array.from(p.nodes, (n) => [p.key(n), p.label(n), ...p.columns.map((c) => c.value(n) ?? '')]);
  const edgeRows = Array.from(p.edges, (e) => {
    const v = edgeValues(graph, e);
    return [e, p.key(graph.edgeSource[e]!), p.key(graph.edgeTarget[e]!), v.directed ? 'Directed' : 'Undirected', v.kind, v.weight, v.firstSeen ?? '', v.lastSeen ?? '', v.evidence.join(';')];
  });
  const bom = '\uFEFF';
  return {
    nodesCsv: bom + stringify([['Id', 'Label', ...p.columns.map((c) => c.name)], ...nodeRows]),
    edgesCsv: bom + stringify([['Id', 'Source', 'Target', 'Type', 'Kind', 'Weight', 'FirstSeen', 'LastSeen', 'Evidence'], ...edgeRows]),
  };
}

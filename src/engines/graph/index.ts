/**
 * Public API of the graph engine (issue 3 item 4). The engine knows nothing of the apps: it takes
 * string node ids, typed edges with evidence row ids, and returns dense indices, edge ids and
 * plain values that apps turn into their own views.
 *
 * @example
 * const b = new GraphBuilder();
 * for (const p of parcels) b.addEdge(p.senderIdNumber, p.receiverPhone, { kind: 'parcel', time: p.t, evidence: p.rowId });
 * const g = b.build();
 * const t = new Traverser(g);
 * const ring = t.expand([seedId], { hops: 3, direction: 'any', kinds: ['parcel'] });
 * const roles = assignRoles(g, loadRolesConfig(), ring.nodes);
 * const gexf = toGexf(g, { nodes: ring.nodes, edges: ring.edges });
 */
export { GraphBuilder } from './builder.ts';
export { Graph, type GraphData, type NodeColumn } from './graph.ts';
export { Traverser, describePath, type Expansion, type ExpandOptions, type Path, type PathOptions } from './traversal.ts';
export { connectedComponents, componentNodes, type Components } from './components.ts';
export { detectCommunities, type Communities, type CommunityOptions } from './communities.ts';
export { assignRoles, loadRolesConfig, parseRolesConfig, type NodeRole, type RoleCheck, type RolesConfig } from './roles.ts';
export { spreadBy, activityByDay, type AttributeSpread, type DayActivity } from './spread.ts';
export { toGexf, toGraphml, toCsv, type ExportOptions } from './export.ts';
export { resolveSelection, type Selection, type ResolvedSelection } from './selection.ts';
export { readEdgeList, graphFromEdgeList, type EdgeListOptions } from './edgeList.ts';
export { compileFilter, type CompiledFilter } from './filter.ts';
export { GraphErrors } from './errors.ts';
export type { Direction, EdgeFilter, EdgeInfo, EdgeInput, EdgeKind, TimeWindow } from './types.ts';

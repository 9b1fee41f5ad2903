/**
 * Link analysis inside a case (issue 3 item 4): k-hop expansion from a seed with filters,
 * shortest paths, roles with explanations, spread by province, activity per day and exports —
 * each behind the case check (access.ts), audited with the case number, persons masked, and
 * every node, edge, path and role listing its evidence rows (parcel ids).
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { activityByDay, assignRoles, spreadBy, toCsv, toGexf, toGraphml, Traverser, type AttributeSpread, type DayActivity, type EdgeFilter, type Expansion } from '../../engines/graph/index.ts';
import { auditCaseRead, requireCase, type Actor, type CaseAccess } from './access.ts';
import { LeadsErrors } from './errors.ts';
import { parcelNetwork, type ParcelNetwork } from './networkBuilder.ts';
import { personDetails, type PersonDetail } from './personDetails.ts';
import { personKeyOf } from './personKeys.ts';

/** Where an expansion or path starts: a sender's ID number, a person key (`id:…`) or a node key (`ph:…`). */
export type Seed = { readonly idNumber: string } | { readonly personKey: string } | { readonly nodeKey: string };

/** Filters of expansions and paths; times are ISO 8601 dates or date-times (UTC when no offset). */
export interface NetworkFilter {
  readonly kinds?: readonly ('parcel' | 'shared_id' | 'shared_address')[];
  readonly direction?: 'out' | 'in' | 'any';
  readonly minWeight?: number;
  readonly from?: string;
  readonly to?: string;
}

/** Options of expandNetwork. */
export interface ExpandRequest extends NetworkFilter {
  readonly seed: Seed;
  /** 1–8. */
  readonly hops: number;
  /** Default 20,000. */
  readonly maxNodes?: number;
}

/** A node as shown: pseudonymous key, masked person, hop, role with reasons, evidence rows. */
export interface NetworkNode extends PersonDetail {
  readonly key: string;
  readonly hop: number;
  readonly province: string | null;
  readonly idsBehind: number;
  readonly role: string | null;
  readonly roleReason: string;
  readonly roleReasonZh: string;
  readonly roleValues: Readonly<Record<string, number>>;
  /** Parcel ids of the node's edges inside the result (first 20, ascending), and how many in all. */
  readonly evidence: readonly number[];
  readonly evidenceCount: number;
}

/** An edge as shown, with its evidence rows. */
export interface NetworkEdge {
  readonly id: number;
  readonly source: string;
  readonly target: string;
  readonly kind: string;
  readonly directed: boolean;
  readonly weight: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  /** Parcels among the evidence flagged by the prohibited-item screening. */
  readonly flagged: number;
  /** Parcel ids behind the edge (first 50), and how many in all. */
  readonly evidence: readonly number[];
  readonly evidenceCount: number;
}

/** The answer of expandNetwork. */
export interface NetworkView {
  readonly caseNo: string;
  readonly seeds: readonly string[];
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
  readonly countsByHop: readonly number[];
  readonly truncated: boolean;
  readonly roles: Readonly<Record<string, number>>;
  readonly spread: AttributeSpread;
  readonly activity: readonly DayActivity[];
  readonly network: { readonly nodes: number; readonly edges: number; readonly parcels: number; readonly builtAt: string };
}

const NODE_EVIDENCE = 20;
const EDGE_EVIDENCE = 50;
const iso = (t: number) => (t === 0 ? null : new Date(t * 1000).toISOString());

function seconds(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new AppError('BAD_REQUEST', { reason: `not a date: ${value}` });
  return Math.floor(ms / 1000);
}

/** The engine filter of a request. */
export function edgeFilter(f: NetworkFilter): EdgeFilter {
  const from = seconds(f.from);
  const to = seconds(f.to);
  return {
    kinds: f.kinds && f.kinds.length ? f.kinds : ['parcel'],
    direction: f.direction ?? 'any',
    ...(f.minWeight !== undefined ? { minWeight: f.minWeight } : {}),
    ...(from !== undefined || to !== undefined ? { timeWindow: { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) } } : {}),
  };
}

/** The filter as written to the audit log (what was asked, beside what was returned). */
function filterDetail(f: NetworkFilter): Record<string, unknown> {
  return { kinds: f.kinds ?? ['parcel'], direction: f.direction ?? 'any', minWeight: f.minWeight ?? null, from: f.from ?? null, to: f.to ?? null };
}

/** Start nodes of a seed. @throws AppError LEADS_SEED_NOT_FOUND, LEADS_SEED_INVALID. */
export function seedNodes(ctx: PlatformContext, net: ParcelNetwork, seed: Seed): number[] {
  if ('nodeKey' in seed) {
    const n = net.graph.indexOf(seed.nodeKey);
    if (n < 0) throw new AppError(LeadsErrors.LEADS_SEED_NOT_FOUND, { seed: seed.nodeKey });
    return [n];
  }
  const key = 'idNumber' in seed ? personKeyOf(ctx, seed.idNumber) : 'personKey' in seed ? seed.personKey : null;
  if (key === null) throw new AppError(LeadsErrors.LEADS_SEED_INVALID);
  const p = net.phonesOf(key);
  if (!p) throw new AppError(LeadsErrors.LEADS_SEED_NOT_FOUND, { seed: 'idNumber' in seed ? '证件号码 ID number' : key });
  return [...p.nodes];
}

/** Edge views of the given edge ids. */
export function edgeViews(net: ParcelNetwork, edges: ArrayLike<number>): NetworkEdge[] {
  const g = net.graph;
  return Array.from(edges, (e) => {
    const ev = g.evidenceOf(e);
    let flagged = 0;
    for (const p of ev) if (net.flagged.has(p)) flagged++;
    return {
      id: e, source: g.idOf(g.edgeSource[e]!), target: g.idOf(g.edgeTarget[e]!), kind: g.kinds[g.edgeKind[e]!]!, directed: g.edgeDirected[e] === 1,
      weight: g.edgeWeight[e]!, firstSeen: iso(g.edgeFirst[e]!), lastSeen: iso(g.edgeLast[e]!), flagged,
      evidence: Array.from(ev.subarray(0, EDGE_EVIDENCE)), evidenceCount: ev.length,
    };
  });
}

interface Analysed {
  readonly access: CaseAccess;
  readonly net: ParcelNetwork;
  readonly seeds: number[];
  readonly x: Expansion;
  readonly nodes: NetworkNode[];
}

async function analyse(ctx: PlatformContext, access: CaseAccess, req: ExpandRequest): Promise<Analysed> {
  const net = await parcelNetwork(ctx);
  const g = net.graph;
  const seeds = seedNodes(ctx, net, req.seed);
  const x = new Traverser(g).expand(seeds, { hops: req.hops, maxNodes: req.maxNodes ?? 20_000, ...edgeFilter(req) });
  const evidence = new Map<number, number[]>();
  const counts = new Map<number, number>();
  for (const e of x.edges) {
    const ev = g.evidenceOf(e);
    for (const n of [g.edgeSource[e]!, g.edgeTarget[e]!]) {
      counts.set(n, (counts.get(n) ?? 0) + ev.length);
      let list = evidence.get(n);
      if (!list) evidence.set(n, (list = []));
      for (const p of ev) if (list.length < 4 * NODE_EVIDENCE) list.push(p);
    }
  }
  const roles = new Map(assignRoles(g, undefined, x.nodes).map((r) => [r.node, r]));
  const details = await personDetails(ctx, Array.from(x.nodes, (n) => ({ parcelId: net.sampleParcel[n]!, side: net.sampleSide[n] === 0 ? 'sender' as const : 'receiver' as const })));
  const nodes = Array.from(x.nodes, (n, i): NetworkNode => {
    const r = roles.get(n)!;
    return {
      key: g.idOf(n), hop: x.hops[i]!, ...details[i]!, province: g.attribute('province', n) ?? null, idsBehind: net.idsBehind[n]!,
      role: r.role, roleReason: r.reason, roleReasonZh: r.reasonZh, roleValues: r.values,
      evidence: [...new Set(evidence.get(n) ?? [])].sort((a, b) => a - b).slice(0, NODE_EVIDENCE), evidenceCount: counts.get(n) ?? 0,
    };
  });
  return { access, net, seeds, x, nodes };
}

/**
 * Expand from a seed `hops` hops (1–8) inside case `caseNo` with filters (edge kinds, default
 * parcel only; direction; minimum weight; time window): nodes with hop, masked person, province,
 * role and reasons, evidence parcel ids; edges with evidence; counts by hop; spread by province;
 * parcels per day. Audited ('leads.graph.read') with the node keys returned.
 * @throws the errors of requireCase; LEADS_SEED_NOT_FOUND, LEADS_SEED_INVALID.
 */
export async function expandNetwork(ctx: PlatformContext, actor: Actor, caseNo: string, req: ExpandRequest, via = 'api'): Promise<NetworkView> {
  const access = await requireCase(ctx, actor, 'leads.graph.read', caseNo, via);
  const a = await analyse(ctx, access, req);
  const g = a.net.graph;
  const roles: Record<string, number> = {};
  for (const n of a.nodes) if (n.role) roles[n.role] = (roles[n.role] ?? 0) + 1;
  await auditCaseRead(ctx, access, a.nodes.map((n) => n.key), { query: 'expand', seed: a.seeds.map((s) => g.idOf(s)), hops: req.hops, filter: filterDetail(req), nodes: a.nodes.length, edges: a.x.edges.length, via });
  return {
    caseNo, seeds: a.seeds.map((s) => g.idOf(s)), nodes: a.nodes, edges: edgeViews(a.net, a.x.edges), countsByHop: a.x.countsByHop, truncated: a.x.truncated, roles,
    spread: spreadBy(g, 'province', a.x.nodes), activity: activityByDay(g, a.x.edges),
    network: { nodes: g.nodeCount, edges: g.edgeCount, parcels: a.net.parcels, builtAt: a.net.builtAt },
  };
}

/** A shortest path with every node shown masked and every edge with its evidence. */
export interface PathView {
  readonly caseNo: string;
  readonly path: { readonly nodes: ReadonlyArray<PersonDetail & { readonly key: string }>; readonly edges: readonly NetworkEdge[] } | null;
}

/**
 * Shortest path (fewest hops) from seed `source` to seed `target` inside a case, over the filtered edges; null when
 * none within `maxHops` (default 8). Audited with the node keys of the path.
 * @throws the errors of requireCase; LEADS_SEED_NOT_FOUND, LEADS_SEED_INVALID.
 */
export async function networkPath(ctx: PlatformContext, actor: Actor, caseNo: string, req: NetworkFilter & { readonly source: Seed; readonly target: Seed; readonly maxHops?: number }, via = 'api'): Promise<PathView> {
  const access = await requireCase(ctx, actor, 'leads.graph.read', caseNo, via);
  const net = await parcelNetwork(ctx);
  const g = net.graph;
  const from = seedNodes(ctx, net, req.source)[0]!;
  const to = seedNodes(ctx, net, req.target)[0]!;
  const p = new Traverser(g).shortestPath(from, to, { ...edgeFilter(req), maxHops: req.maxHops ?? 8 });
  if (!p) {
    await auditCaseRead(ctx, access, [], { query: 'path', from: g.idOf(from), to: g.idOf(to), found: false, via });
    return { caseNo, path: null };
  }
  const details = await personDetails(ctx, p.nodes.map((n) => ({ parcelId: net.sampleParcel[n]!, side: net.sampleSide[n] === 0 ? 'sender' as const : 'receiver' as const })));
  const nodes = p.nodes.map((n, i) => ({ key: g.idOf(n), ...details[i]! }));
  await auditCaseRead(ctx, access, nodes.map((n) => n.key), { query: 'path', hops: p.edges.length, via });
  return { caseNo, path: { nodes, edges: edgeViews(net, p.edges) } };
}

/** Export formats. */
export type ExportFormat = 'gexf' | 'graphml' | 'csv';

/**
 * Export an expansion for Gephi or i2 (GEXF 1.3, GraphML, CSV node + edge lists): node ids are the
 * pseudonymous keys, labels the masked names, with hop and role; edges carry kind, weight,
 * times and their evidence parcel ids. Audited ('leads.graph.export') with the node keys.
 * @returns `{ format, content }` (CSV: nodes and edges joined by a blank line, `# nodes` / `# edges` headers)
 * @throws the errors of requireCase and of expandNetwork's seed.
 */
export async function exportNetwork(ctx: PlatformContext, actor: Actor, caseNo: string, req: ExpandRequest & { readonly format: ExportFormat }, via = 'api'): Promise<{ readonly format: ExportFormat; readonly content: string; readonly nodes: number; readonly edges: number }> {
  const access = await requireCase(ctx, actor, 'leads.graph.export', caseNo, via);
  const a = await analyse(ctx, access, req);
  const g = a.net.graph;
  const byNode = new Map(Array.from(a.x.nodes, (n, i) => [n, a.nodes[i]!]));
  const options = {
    nodes: a.x.nodes, edges: a.x.edges, nodeKey: (n: number) => g.idOf(n), nodeLabel: (n: number) => byNode.get(n)!.name ?? g.idOf(n),
    extra: { hop: (n: number) => byNode.get(n)!.hop, role: (n: number) => byNode.get(n)!.role ?? undefined, phone: (n: number) => byNode.get(n)!.phone ?? undefined },
    description: `Gongzhi leads case ${caseNo}: ${req.hops}-hop network`,
  };
  let content: string;
  if (req.format === 'gexf') content = toGexf(g, options);
  else if (req.format === 'graphml') content = toGraphml(g, options);
  else { const c = toCsv(g, options); content = `# nodes\n${c.nodesCsv}\n# edges\n${c.edgesCsv}`; }
  await auditCaseRead(ctx, access, a.nodes.map((n) => n.key), { query: 'export', format: req.format, seed: a.seeds.map((s) => g.idOf(s)), hops: req.hops, filter: filterDetail(req), nodes: a.nodes.length, edges: a.x.edges.length, via });
  return { format: req.format, content, nodes: a.nodes.length, edges: a.x.edges.length };
}

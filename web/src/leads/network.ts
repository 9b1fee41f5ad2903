/**
 * Pure helpers of the network view: a layered radial layout (roles as rings, as analysts draw a
 * supply chain: workshops in the centre, then sellers, middlemen, buyers; or hops from the seed
 * when no roles were given), the time slider's cut of edges, and the ECharts graph option. A
 * deterministic layout instead of a force simulation keeps a 2,000-node ring readable and quick
 * on a slow machine; force layout is offered for small results only.
 */
import type { NetworkEdge, NetworkNode } from './types.ts';

/** Roles in drawing order (inner ring first); `null` = no role. */
export const ROLE_ORDER = ['workshop', 'seller', 'middleman', 'buyer'] as const;

/** Colour of each role and of nodes without one. */
export const ROLE_COLOURS: Readonly<Record<string, string>> = {
  workshop: '#c0392b',
  seller: '#e67e22',
  middleman: '#8e44ad',
  buyer: '#2e86c1',
  none: '#9aa5b1',
};

/** Largest result drawn with a force layout; larger ones are always layered. */
export const FORCE_LIMIT = 400;

export type LayoutMode = 'roles' | 'hops' | 'force';

/** A placed node: x, y in layout units (radius of the outer ring = 1000). */
export interface Placed { readonly key: string; readonly x: number; readonly y: number; readonly layer: number }

/** The layer of a node: its role's ring (unknown role → outermost), or its hop. */
export function layerOf(n: NetworkNode, mode: LayoutMode): number {
  if (mode === 'hops') return n.hop;
  const i = ROLE_ORDER.indexOf((n.role ?? '') as (typeof ROLE_ORDER)[number]);
  return i < 0 ? ROLE_ORDER.length : i;
}

const TAU = Math.PI * 2;

/** Mean angle of angles (circular mean), or null for none. */
function circularMean(angles: readonly number[]): number | null {
  if (angles.length === 0) return null;
  let s = 0;
  let c = 0;
  for (const a of angles) {
    s += Math.sin(a);
    c += Math.cos(a);
  }
  const m = Math.atan2(s, c);
  return m < 0 ? m + TAU : m;
}

/**
 * Layered radial layout. Layers are drawn as concentric rings (empty layers skipped; a layer of
 * one node at the centre when it is the innermost); within a ring, nodes are ordered by the
 * circular mean of the angles of their neighbours in inner rings (barycentre heuristic, Sugiyama
 * et al. 1981), so each buyer sits beside its middleman. Nodes without a placed neighbour keep
 * input order at the end. Deterministic: same input, same picture.
 * @returns one position per node, in input order.
 */
export function layeredLayout(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[], mode: 'roles' | 'hops'): Placed[] {
  const layer = new Map(nodes.map((n) => [n.key, layerOf(n, mode)]));
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    if (!layer.has(e.source) || !layer.has(e.target)) continue;
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  const layers = [...new Set(layer.values())].sort((a, b) => a - b);
  // Ring radius: half by rank, half by the square root of the nodes inside it (equal density),
  // so a ring of 2,000 buyers gets the room it needs and the few workshops stay visible.
  const sizes = layers.map((l) => nodes.filter((n) => layer.get(n.key) === l).length);
  const radius = new Map<number, number>();
  let inside = 0;
  layers.forEach((l, i) => {
    inside += sizes[i]!;
    radius.set(l, 1000 * (0.35 * ((i + 1) / layers.length) + 0.65 * Math.sqrt(inside / nodes.length)));
  });
  const angle = new Map<string, number>();
  const out = new Map<string, Placed>();
  for (const l of layers) {
    const members = nodes.filter((n) => layer.get(n.key) === l);
    const keyed = members.map((n, i) => {
      const placed = (neighbours.get(n.key) ?? []).map((k) => angle.get(k)).filter((a): a is number => a !== undefined);
      return { n, i, m: circularMean(placed) };
    });
    keyed.sort((a, b) => (a.m === null ? 1 : 0) - (b.m === null ? 1 : 0) || (a.m ?? 0) - (b.m ?? 0) || a.i - b.i);
    const r0 = members.length === 1 && l === layers[0] ? 0 : radius.get(l)!;
    const crowded = keyed.length > 300;
    keyed.forEach(({ n }, i) => {
      const a = (TAU * i) / keyed.length;
      // a crowded ring is staggered over three close circles so neighbours do not overlap
      const r = crowded ? r0 * (1 - 0.07 * (i % 3)) : r0;
      angle.set(n.key, a);
      out.set(n.key, { key: n.key, x: Math.round(r * Math.cos(a) * 10) / 10, y: Math.round(r * Math.sin(a) * 10) / 10, layer: l });
    });
  }
  return nodes.map((n) => out.get(n.key)!);
}

/** Calendar day (Asia/Shanghai, YYYY-MM-DD) of an ISO instant. */
export function shanghaiDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Edges active by `day` (first seen on or before it); all edges when `day` is null. */
export function edgesUpTo(edges: readonly NetworkEdge[], day: string | null): NetworkEdge[] {
  if (day === null) return [...edges];
  return edges.filter((e) => e.firstSeen === null || shanghaiDay(e.firstSeen) <= day);
}

/** Labels of roles in the current language (keys of ROLE_COLOURS). */
export type RoleLabels = Readonly<Record<string, string>>;

/** Options of networkOption. */
export interface NetworkOptionInput {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
  /** Edges shown (the time slider's cut); the rest are left out and their lone nodes faded. */
  readonly visible: readonly NetworkEdge[];
  readonly seeds: readonly string[];
  readonly mode: LayoutMode;
  readonly roleLabels: RoleLabels;
  readonly selected: string | null;
}

/**
 * The ECharts option of the network: one category per role (legend toggles them), node size by
 * evidence parcels, seeds outlined, flagged edges red, labels only on small graphs, no animation.
 * Node `id` is the pseudonymous key; link `edgeId` is the edge id (for the explanation panel).
 */
export function networkOption(input: NetworkOptionInput): Record<string, unknown> {
  const { nodes, visible, seeds, mode, roleLabels, selected } = input;
  const force = mode === 'force' && nodes.length <= FORCE_LIMIT;
  const placed = force ? null : layeredLayout(nodes, input.edges, mode === 'hops' ? 'hops' : 'roles');
  const cats = [...ROLE_ORDER, 'none'];
  const active = new Set<string>(seeds);
  for (const e of visible) {
    active.add(e.source);
    active.add(e.target);
  }
  const small = nodes.length <= 60;
  const seedSet = new Set(seeds);
  const data = nodes.map((n, i) => {
    const cat = cats.indexOf(n.role && (ROLE_ORDER as readonly string[]).includes(n.role) ? n.role : 'none');
    const base = Math.min(26, (nodes.length > 500 ? 3 : 5) + 2.2 * Math.sqrt(n.evidenceCount));
    return {
      id: n.key,
      name: n.name ?? n.key,
      category: cat,
      symbolSize: seedSet.has(n.key) ? base + 8 : base,
      ...(placed ? { x: placed[i]!.x, y: placed[i]!.y } : {}),
      itemStyle: {
        opacity: active.has(n.key) ? 1 : 0.15,
        ...(seedSet.has(n.key) || n.key === selected ? { borderColor: '#111', borderWidth: 3 } : {}),
      },
      label: { show: small || seedSet.has(n.key) || n.key === selected },
    };
  });
  const maxW = Math.max(1, ...visible.map((e) => e.weight));
  const links = visible.map((e) => ({
    source: e.source,
    target: e.target,
    edgeId: e.id,
    value: e.weight,
    lineStyle: {
      width: 0.6 + 3 * Math.sqrt(e.weight / maxW),
      color: e.flagged > 0 ? '#d64545' : e.kind === 'parcel' ? '#7f8c99' : '#27ae60',
      opacity: nodes.length > 500 ? 0.35 : 0.7,
      type: e.kind === 'parcel' ? 'solid' : 'dashed',
      curveness: force ? 0 : 0.12,
    },
  }));
  return {
    animation: false,
    tooltip: { show: true, confine: true },
    legend: [{ data: cats.map((c) => roleLabels[c] ?? c), top: 4, left: 8, itemWidth: 14 }],
    series: [
      {
        type: 'graph',
        layout: force ? 'force' : 'none',
        ...(force ? { force: { repulsion: 90, edgeLength: [30, 90], gravity: 0.08, layoutAnimation: false } } : {}),
        roam: true,
        draggable: force,
        top: 36,
        bottom: 8,
        data,
        links,
        categories: cats.map((c) => ({ name: roleLabels[c] ?? c, itemStyle: { color: ROLE_COLOURS[c] } })),
        edgeSymbol: small ? ['none', 'arrow'] : ['none', 'none'],
        edgeSymbolSize: 6,
        label: { position: 'right', fontSize: 11, formatter: '{b}' },
        emphasis: { focus: 'adjacency', lineStyle: { opacity: 1 } },
        blur: { itemStyle: { opacity: 0.12 }, lineStyle: { opacity: 0.05 } },
        scaleLimit: { min: 0.2, max: 12 },
      },
    ],
  };
}

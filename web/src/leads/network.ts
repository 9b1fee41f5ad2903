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

/**
 * Layered radial layout (a radial tree drawing, Eades 1992 / Bachmaier et al. 2005): layers are
 * concentric rings (empty layers skipped; a lone innermost node sits at the centre). Every node
 * hangs under one parent — its heaviest neighbour on the nearest inner ring — and each node's
 * angular wedge is shared among its children in proportion to the leaves below them, so a
 * middleman sits amid its buyers and parent–child lines do not cross. Crowded rings (> 300) are
 * staggered over three close circles. Deterministic: same input, same picture.
 * @returns one position per node, in input order; x, y in layout units (outer ring radius 1000).
 */
export function layeredLayout(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[], mode: 'roles' | 'hops'): Placed[] {
  const layer = new Map(nodes.map((n) => [n.key, layerOf(n, mode)]));
  const order = new Map(nodes.map((n, i) => [n.key, i]));
  // parent: the heaviest edge to a neighbour on the nearest inner layer (ties: input order)
  const best = new Map<string, { key: string; layer: number; weight: number }>();
  const consider = (child: string, parent: string, weight: number) => {
    const lc = layer.get(child);
    const lp = layer.get(parent);
    if (lc === undefined || lp === undefined || lp >= lc) return;
    const b = best.get(child);
    if (!b || lp > b.layer || (lp === b.layer && (weight > b.weight || (weight === b.weight && order.get(parent)! < order.get(b.key)!)))) best.set(child, { key: parent, layer: lp, weight });
  };
  for (const e of edges) {
    consider(e.target, e.source, e.weight);
    consider(e.source, e.target, e.weight);
  }
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const n of nodes) {
    const b = best.get(n.key);
    if (b) (children.get(b.key) ?? children.set(b.key, []).get(b.key)!).push(n.key);
    else roots.push(n.key);
  }
  const leaves = new Map<string, number>();
  const count = (k: string): number => {
    const kids = children.get(k) ?? [];
    const v = kids.length === 0 ? 1 : kids.reduce((s, c) => s + count(c), 0);
    leaves.set(k, v);
    return v;
  };
  for (const r of roots) count(r);

  const layers = [...new Set(layer.values())].sort((a, b) => a - b);
  const sizes = new Map(layers.map((l) => [l, 0]));
  for (const l of layer.values()) sizes.set(l, sizes.get(l)! + 1);
  // ring radius: half by rank, half by the square root of the nodes inside it (equal density)
  const radius = new Map<number, number>();
  let inside = 0;
  layers.forEach((l, i) => {
    inside += sizes.get(l)!;
    radius.set(l, 1000 * (0.35 * ((i + 1) / layers.length) + 0.65 * Math.sqrt(inside / nodes.length)));
  });
  const angle = new Map<string, number>();
  const place = (keys: readonly string[], from: number, span: number) => {
    const total = keys.reduce((s, k) => s + leaves.get(k)!, 0);
    let a = from;
    for (const k of keys) {
      const w = (span * leaves.get(k)!) / total;
      angle.set(k, a + w / 2);
      place(children.get(k) ?? [], a, w);
      a += w;
    }
  };
  place(roots, 0, TAU);

  const centre = sizes.get(layers[0]!) === 1 ? layers[0] : undefined;
  const stagger = new Map<string, number>();
  for (const l of layers) {
    if (sizes.get(l)! <= 300) continue;
    nodes.filter((n) => layer.get(n.key) === l).map((n) => n.key).sort((a, b) => angle.get(a)! - angle.get(b)!).forEach((k, i) => stagger.set(k, i % 3));
  }
  return nodes.map((n) => {
    const l = layer.get(n.key)!;
    const r = l === centre ? 0 : radius.get(l)! * (1 - 0.07 * (stagger.get(n.key) ?? 0));
    const a = angle.get(n.key)!;
    return { key: n.key, x: Math.round(r * Math.cos(a) * 10) / 10, y: Math.round(r * Math.sin(a) * 10) / 10, layer: l };
  });
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
  /** Positions from layeredLayout (computed once per result and layout mode); ignored for force. */
  readonly placed?: readonly Placed[];
}

/**
 * The ECharts option of the network: one category per role (legend toggles them), node size by
 * evidence parcels, seeds outlined, flagged edges red, labels only on small graphs, no animation.
 * Node `id` is the pseudonymous key; link `edgeId` is the edge id (for the explanation panel); one
 * node at a time can be selected (outlined in yellow, labelled).
 */
export function networkOption(input: NetworkOptionInput): Record<string, unknown> {
  const { nodes, visible, seeds, mode, roleLabels } = input;
  const force = mode === 'force' && nodes.length <= FORCE_LIMIT;
  const placed = force ? null : (input.placed ?? layeredLayout(nodes, input.edges, mode === 'hops' ? 'hops' : 'roles'));
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
      // ECharts keys selection by name: the unique key, never the (often shared) masked name
      id: n.key,
      name: n.key,
      person: `${n.name ?? ''} ${n.phone ?? ''}`.trim() || n.key,
      detail: [roleLabels[cats[cat]!] ?? cats[cat], n.province].filter(Boolean).join(' · '),
      category: cat,
      symbolSize: seedSet.has(n.key) ? base + 8 : base,
      ...(placed ? { x: placed[i]!.x, y: placed[i]!.y } : {}),
      itemStyle: {
        opacity: active.has(n.key) ? 1 : 0.15,
        ...(seedSet.has(n.key) ? { borderColor: '#111', borderWidth: 3 } : {}),
      },
      label: { show: small || seedSet.has(n.key) },
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
    tooltip: {
      show: true,
      confine: true,
      formatter: (p: { dataType?: string; data?: { person?: string; detail?: string; value?: number } }) =>
        p.dataType === 'node' ? `${p.data?.person ?? ''}<br/>${p.data?.detail ?? ''}` : `${p.data?.value ?? ''}`,
    },
    legend: [{ data: cats.map((c) => roleLabels[c] ?? c), top: 4, left: 8, itemWidth: 14 }],
    series: [
      {
        type: 'graph',
        layout: force ? 'force' : 'none',
        ...(force ? { force: small ? { repulsion: 260, edgeLength: [70, 150], gravity: 0.05, layoutAnimation: false } : { repulsion: 90, edgeLength: [30, 90], gravity: 0.08, layoutAnimation: false } } : {}),
        roam: true,
        draggable: force,
        // the clicked node is selected by ECharts itself (no redraw of the whole graph)
        selectedMode: 'single',
        select: { itemStyle: { borderColor: '#f1c40f', borderWidth: 4 }, label: { show: true, fontWeight: 'bold' } },
        top: 36,
        bottom: 8,
        data,
        links,
        categories: cats.map((c) => ({ name: roleLabels[c] ?? c, itemStyle: { color: ROLE_COLOURS[c] } })),
        edgeSymbol: small ? ['none', 'arrow'] : ['none', 'none'],
        edgeSymbolSize: 6,
        label: { position: 'right', fontSize: 11, formatter: (p: { data?: { person?: string } }) => p.data?.person ?? '' },
        emphasis: { focus: 'adjacency', lineStyle: { opacity: 1 } },
        blur: { itemStyle: { opacity: 0.12 }, lineStyle: { opacity: 0.05 } },
        scaleLimit: { min: 0.2, max: 12 },
      },
    ],
  };
}

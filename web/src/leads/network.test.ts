import { describe, expect, it } from 'vitest';
import { leadsDictionaries } from './i18n/messages.ts';
import { edgesUpTo, layeredLayout, layerOf, networkOption, shanghaiDay } from './network.ts';
import type { NetworkEdge, NetworkNode } from './types.ts';

const node = (key: string, role: string | null, hop = 0, evidenceCount = 1): NetworkNode => ({
  key, hop, role, name: `${key}*`, phone: '138****0001', province: '广东省', idsBehind: 1, roleReason: 'r', roleReasonZh: 'r', roleValues: {}, evidence: [1], evidenceCount,
});
let nextId = 0;
const edge = (source: string, target: string, firstSeen: string | null = '2026-11-01T02:00:00Z', weight = 1, flagged = 0): NetworkEdge => ({
  id: nextId++, source, target, kind: 'parcel', directed: true, weight, firstSeen, lastSeen: firstSeen, flagged, evidence: [1], evidenceCount: 1,
});

describe('network view helpers', () => {
  // one workshop → two sellers → two middlemen each → two buyers each, plus a node without role
  const nodes: NetworkNode[] = [node('w', 'workshop')];
  const edges: NetworkEdge[] = [];
  for (const s of ['s1', 's2']) {
    nodes.push(node(s, 'seller', 1));
    edges.push(edge('w', s));
    for (const m of [`${s}m1`, `${s}m2`]) {
      nodes.push(node(m, 'middleman', 2));
      edges.push(edge(s, m));
      for (const b of [`${m}b1`, `${m}b2`]) {
        nodes.push(node(b, 'buyer', 3));
        edges.push(edge(m, b, '2026-11-05T02:00:00Z'));
      }
    }
  }
  nodes.push(node('x', null, 4));

  it('puts roles on rings from the centre out and the lone workshop in the centre', () => {
    const placed = layeredLayout(nodes, edges, 'roles');
    const r = (k: string) => {
      const p = placed[nodes.findIndex((n) => n.key === k)]!;
      return Math.hypot(p.x, p.y);
    };
    expect(r('w')).toBe(0);
    expect(r('s1')).toBeGreaterThan(0);
    expect(r('s1m1')).toBeGreaterThan(r('s1'));
    expect(r('s1m1b1')).toBeGreaterThan(r('s1m1'));
    expect(r('x')).toBeGreaterThan(r('s1m1b1'));
    expect(r('x')).toBeCloseTo(1000, 0);
    expect(placed.map((p) => p.layer)).toEqual(nodes.map((n) => layerOf(n, 'roles')));
  });

  it('gives each node a wedge shared by its children, so a middleman sits amid its own buyers', () => {
    const placed = layeredLayout(nodes, edges, 'roles');
    const angle = (k: string) => {
      const p = placed[nodes.findIndex((n) => n.key === k)]!;
      return (Math.atan2(p.y, p.x) + 2 * Math.PI) % (2 * Math.PI);
    };
    const buyers = nodes.filter((n) => n.role === 'buyer').map((n) => n.key).sort((a, b) => angle(a) - angle(b));
    // buyers of one middleman are adjacent around the ring
    expect(buyers).toEqual(['s1m1b1', 's1m1b2', 's1m2b1', 's1m2b2', 's2m1b1', 's2m1b2', 's2m2b1', 's2m2b2']);
    // nine leaves in all (eight buyers under the workshop, and the lone node x): a seller's wedge
    // is four ninths of the circle, a middleman's two ninths, each node at its wedge's middle
    const u = (2 * Math.PI) / 9;
    expect(angle('s1')).toBeCloseTo(2 * u, 3);
    expect(angle('s1m1')).toBeCloseTo(u, 3);
    expect(angle('s2m2')).toBeCloseTo(7 * u, 3);
    expect(angle('x')).toBeCloseTo(8.5 * u, 3);
    expect(angle('s1m1b1')).toBeLessThan(angle('s1m1'));
    expect(angle('s1m1b2')).toBeGreaterThan(angle('s1m1'));
  });

  it('lays out by hop when asked', () => {
    const placed = layeredLayout(nodes, edges, 'hops');
    expect(placed.map((p) => p.layer)).toEqual(nodes.map((n) => n.hop));
  });

  it('cuts edges at a Shanghai calendar day for the time slider', () => {
    expect(shanghaiDay('2026-11-04T17:00:00Z')).toBe('2026-11-05');
    expect(edgesUpTo(edges, '2026-11-04')).toHaveLength(6);
    expect(edgesUpTo(edges, '2026-11-05')).toHaveLength(14);
    expect(edgesUpTo(edges, null)).toHaveLength(14);
  });

  it('builds a graph option with one category per role, faded lone nodes and flagged edges in red', () => {
    const visible = edgesUpTo(edges, '2026-11-04');
    const flaggedEdges = [...edges.slice(0, -1), { ...edges.at(-1)!, flagged: 2 }];
    const o = networkOption({ nodes, edges: flaggedEdges, visible: [...visible, flaggedEdges.at(-1)!], seeds: ['s1'], mode: 'roles', roleLabels: { workshop: '作坊' } }) as {
      series: Array<{ layout: string; data: Array<{ id: string; category: number; itemStyle: { opacity: number; borderWidth?: number } }>; links: Array<{ edgeId: number; lineStyle: { color: string } }>; categories: Array<{ name: string }> }>;
    };
    const s = o.series[0]!;
    expect(s.layout).toBe('none');
    expect(s.categories.map((c) => c.name)).toEqual(['作坊', 'seller', 'middleman', 'buyer', 'none']);
    const byId = new Map(s.data.map((d) => [d.id, d]));
    expect(byId.get('w')!.category).toBe(0);
    expect(byId.get('x')!.category).toBe(4);
    expect(byId.get('s1')!.itemStyle.borderWidth).toBe(3);
    expect(byId.get('s1m1b1')!.itemStyle.opacity).toBe(0.15);
    expect(byId.get('s2m2b2')!.itemStyle.opacity).toBe(1);
    expect(s.links).toHaveLength(7);
    expect(s.links.at(-1)!.lineStyle.color).toBe('#d64545');
    expect(s.links[0]!.lineStyle.color).toBe('#7f8c99');
  });

  it('has the same message keys in Chinese and English', () => {
    expect(Object.keys(leadsDictionaries.en).sort()).toEqual(Object.keys(leadsDictionaries.zh).sort());
    for (const [k, v] of Object.entries(leadsDictionaries.zh)) {
      const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect([k, params(leadsDictionaries.en[k as keyof typeof leadsDictionaries.en])]).toEqual([k, params(v)]);
    }
  });
});

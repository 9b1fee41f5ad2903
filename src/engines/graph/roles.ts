/**
 * Roles in a flow network as explainable rules (issue 3 item 4): each node of the analysed set
 * gets a role (or none), the measured values, and every condition of the rule that fired with its
 * threshold and value — or, when no rule fired, the first failing condition of each rule.
 * The rules and thresholds are data (roles.yaml beside this file, or any config passed in).
 */
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { GraphErrors } from './errors.ts';
import type { Graph } from './graph.ts';

const opSchema = z.enum(['>=', '<=', '>', '<', '==']);
const text = z.object({ zh: z.string(), en: z.string() });
const schema = z.object({
  version: z.number().int(),
  kinds: z.array(z.string()).min(1),
  order: z.array(z.string()).min(1),
  roles: z.record(z.string(), z.object({
    label: text,
    description: text,
    when: z.array(z.tuple([z.string(), opSchema, z.number()])).min(1),
  })),
});

/** A roles configuration (see roles.yaml for the metric vocabulary). */
export type RolesConfig = z.infer<typeof schema>;
type Op = z.infer<typeof opSchema>;

/** One condition as evaluated on one node. */
export interface RoleCheck {
  readonly metric: string;
  readonly op: Op;
  readonly threshold: number;
  readonly value: number;
  readonly ok: boolean;
}

/** The role of one node with its explanation. */
export interface NodeRole {
  readonly node: number;
  /** Role name from the config, or null when no rule fired. */
  readonly role: string | null;
  /** Conditions of the rule that fired (all ok), or the first failing condition of every rule. */
  readonly checks: readonly RoleCheck[];
  /** Every metric measured on the node (degrees, volumes, per-role neighbour counts and shares). */
  readonly values: Readonly<Record<string, number>>;
  /** Human-readable explanation, e.g. "middleman: inDegree = 1 ≥ 1; outTo:buyer = 17 ≥ 3; …". */
  readonly reason: string;
  readonly reasonZh: string;
}

const METRIC = /^(inDegree|outDegree|inVolume|outVolume)$|^(outTo|inFrom|shareOutTo|shareInFrom):(.+)$/;

/**
 * Validate a roles configuration object: shape, known metrics, roles listed in `order`, and
 * per-role metrics referring only to roles earlier in the order.
 * @throws AppError GRAPH_ROLES_CONFIG naming the first problem.
 */
export function parseRolesConfig(value: unknown): RolesConfig {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError(GraphErrors.GRAPH_ROLES_CONFIG, { reason: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  const c = r.data;
  const bad = (reason: string) => new AppError(GraphErrors.GRAPH_ROLES_CONFIG, { reason });
  c.order.forEach((role, i) => {
    const rule = c.roles[role];
    if (!rule) throw bad(`role ${role} in order has no rule`);
    for (const [metric] of rule.when) {
      const m = METRIC.exec(metric);
      if (!m) throw bad(`unknown metric ${metric} in role ${role}`);
      if (m[3] !== undefined && !c.order.slice(0, i).includes(m[3])) throw bad(`role ${role} uses ${metric}, but ${m[3]} is not an earlier role`);
    }
  });
  return c;
}

/** Read and validate a roles YAML text (default: roles.yaml beside this module). */
export function loadRolesConfig(yamlText = fs.readFileSync(new URL('./roles.yaml', import.meta.url), 'utf8')): RolesConfig {
  return parseRolesConfig(parseYaml(yamlText));
}

const compare = (v: number, op: Op, t: number): boolean =>
  op === '>=' ? v >= t : op === '<=' ? v <= t : op === '>' ? v > t : op === '<' ? v < t : v === t;
const OP_SIGN: Record<Op, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '==': '=' };
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const checkText = (c: RoleCheck) => `${c.metric} = ${fmt(c.value)} ${c.ok ? OP_SIGN[c.op] : 'fails ' + OP_SIGN[c.op]} ${fmt(c.threshold)}`;

/**
 * Assign roles to the nodes of `nodes` (dense indices; default every node) from the directed
 * edges of the config's kinds whose both ends are in the set. Rules are tried in config order.
 */
export function assignRoles(graph: Graph, config: RolesConfig = loadRolesConfig(), nodes?: ArrayLike<number>): NodeRole[] {
  const N = graph.nodeCount;
  const list = nodes ? Array.from(nodes, (n) => graph.resolve(n)) : Array.from({ length: N }, (_, i) => i);
  const inSet = new Uint8Array(N);
  for (const n of list) inSet[n] = 1;
  const kindOk = new Uint8Array(256);
  for (const k of config.kinds) { const c = graph.kindCode(k); if (c >= 0) kindOk[c] = 1; }
  const flow = (e: number) => graph.edgeDirected[e] === 1 && kindOk[graph.edgeKind[e]!] === 1;
  const roleOf = new Map<number, string>();
  const seen = new Uint32Array(N);
  let stampGen = 0;
  /** Distinct in-set neighbours (out or in) of n, with the summed weight. */
  const neighbours = (n: number, out: boolean, fn: (v: number) => void): number => {
    stampGen++;
    let volume = 0;
    const from = out ? graph.outOffsets[n]! : graph.inOffsets[n]!;
    const to = out ? graph.outOffsets[n + 1]! : graph.inOffsets[n + 1]!;
    for (let i = from; i < to; i++) {
      const e = out ? i : graph.inEdges[i]!;
      const v = out ? graph.edgeTarget[e]! : graph.inSources[i]!;
      if (!inSet[v] || !flow(e)) continue;
      volume += graph.edgeWeight[e]!;
      if (seen[v] !== stampGen) { seen[v] = stampGen; fn(v); }
    }
    return volume;
  };
  const values = new Map<number, Record<string, number>>();
  for (const n of list) {
    let outDegree = 0, inDegree = 0;
    const outVolume = neighbours(n, true, () => outDegree++);
    const inVolume = neighbours(n, false, () => inDegree++);
    values.set(n, { inDegree, outDegree, inVolume, outVolume });
  }
  const addRoleCounts = (role: string) => {
    for (const n of list) {
      const v = values.get(n)!;
      let o = 0, i = 0;
      neighbours(n, true, (x) => { if (roleOf.get(x) === role) o++; });
      neighbours(n, false, (x) => { if (roleOf.get(x) === role) i++; });
      v[`outTo:${role}`] = o;
      v[`inFrom:${role}`] = i;
      v[`shareOutTo:${role}`] = v.outDegree! > 0 ? o / v.outDegree! : 0;
      v[`shareInFrom:${role}`] = v.inDegree! > 0 ? i / v.inDegree! : 0;
    }
  };
  const firstFail = new Map<number, RoleCheck[]>();
  const fired = new Map<number, RoleCheck[]>();
  for (const role of config.order) {
    const rule = config.roles[role]!;
    for (const n of list) {
      if (roleOf.has(n)) continue;
      const v = values.get(n)!;
      const checks = rule.when.map(([metric, op, threshold]) => ({ metric, op, threshold, value: v[metric] ?? 0, ok: compare(v[metric] ?? 0, op, threshold) }));
      const failed = checks.find((c) => !c.ok);
      if (failed) (firstFail.get(n) ?? firstFail.set(n, []).get(n)!).push(failed);
      else { roleOf.set(n, role); fired.set(n, checks); }
    }
    addRoleCounts(role);
  }
  return list.map((n) => {
    const role = roleOf.get(n) ?? null;
    const v = values.get(n)!;
    if (role) {
      const rule = config.roles[role]!;
      const checks = fired.get(n)!;
      const detail = checks.map(checkText).join('; ');
      return { node: n, role, checks, values: v, reason: `${rule.label.en} (${rule.description.en}): ${detail}`, reasonZh: `${rule.label.zh}（${rule.description.zh}）：${detail}` };
    }
    const checks = firstFail.get(n) ?? [];
    const detail = checks.map((c, i) => `${config.order[i]}: ${checkText(c)}`).join('; ');
    return { node: n, role: null, checks, values: v, reason: `no role rule fired — ${detail}`, reasonZh: `没有角色规则成立——${detail}` };
  });
}

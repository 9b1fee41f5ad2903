/**
 * The Open311 service catalogue: one GeoReport v2 service per leaf of the disputes
 * application's category tree (`categoryTree`: the 517 leaves of `appeals/taxonomy.csv`, the
 * 矛盾纠纷 dispute types and 法律服务/法律咨询), with the service type, resolution time limit,
 * notice and attribute definitions from `services.yaml` beside this file.
 *
 * Service codes are positional and stable for a given tree: `LL-MM-NNN` = the 1-based position
 * of the level-1 category, of the level-2 category inside it and of the leaf inside that (e.g.
 * 城乡建设 › 安全生产 › 事故处理 = `01-01-001`); a level-2 leaf is `LL-MM` (矛盾纠纷 › 医疗纠纷 =
 * `16-02`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import { dueAt, parseDuration, type Calendar, type Duration } from '../../../engines/workflow/index.ts';
import { categoryTree, type CategoryTree } from '../categories.ts';
import type { SlaMilestone } from '../slaPolicy.ts';

/** GeoReport v2 attribute datatypes (Service Definition). */
export const ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;

const attributeSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9_]+$/),
  datatype: z.enum(ATTRIBUTE_DATATYPES),
  required: z.boolean(),
  description: z.string().min(1),
  datatype_description: z.string().optional(),
  values: z.array(z.object({ key: z.union([z.string(), z.number()]).transform(String), name: z.string() })).optional(),
});
const overlaySchema = z.object({
  level1: z.string().optional(),
  level2: z.string().optional(),
  level3: z.string().optional(),
  type: z.enum(['realtime', 'batch', 'blackbox']).optional(),
  notice: z.string().optional(),
  attributes: z.array(attributeSchema).optional(),
});
const fileSchema = z.object({
  default: z.object({ type: z.enum(['realtime', 'batch', 'blackbox']), notice: z.string() }),
  services: z.array(overlaySchema),
});

/** One attribute of a service definition, as GeoReport v2 describes it. */
export interface ServiceAttribute {
  /** Always true here: every attribute asks the submitter for a value. */
  readonly variable: boolean;
  readonly code: string;
  readonly datatype: (typeof ATTRIBUTE_DATATYPES)[number];
  readonly required: boolean;
  readonly datatypeDescription: string | null;
  /** 1-based order of display. */
  readonly order: number;
  readonly description: string;
  /** Allowed keys and names for singlevaluelist / multivaluelist; empty otherwise. */
  readonly values: readonly { readonly key: string; readonly name: string }[];
}

/** A category of the tree, as a service names it. */
export interface ServiceCategory {
  readonly id: string;
  readonly level1: string;
  readonly level2: string;
  /** Null for a level-2 leaf (the dispute types, 法律咨询). */
  readonly level3: string | null;
}

/** One service (request type) of the catalogue. */
export interface Open311Service {
  readonly code: string;
  /** The leaf category name (level 3). */
  readonly name: string;
  /** 'level1 › level2 › level3'. */
  readonly description: string;
  readonly keywords: string;
  /** The level-1 category. */
  readonly group: string;
  readonly type: 'realtime' | 'batch' | 'blackbox';
  /** The category: its id in the disputes tree ('level1/level2[/level3]') and its names. */
  readonly category: ServiceCategory;
  readonly attributes: readonly ServiceAttribute[];
  /** The category's time limits (disputes slaPolicy): acceptance from receipt, resolution from acceptance. */
  readonly sla: { readonly acceptance: TimeLimit; readonly resolution: TimeLimit; readonly source: string };
  readonly notice: string;
}

/** A duration counted in a calendar. */
export interface TimeLimit {
  readonly duration: Duration;
  readonly calendar: Calendar;
}

/** The catalogue: services in taxonomy order and by code. */
export interface ServiceCatalogue {
  readonly services: readonly Open311Service[];
  readonly byCode: ReadonlyMap<string, Open311Service>;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const cache = new Map<string, ServiceCatalogue>();

function limit(m: SlaMilestone, timezone: string): TimeLimit {
  const d = parseDuration(m.within);
  if (!d.ok) throw new Error(`SLA policy: ${d.error.messageEn}`);
  return { duration: d.duration, calendar: { kind: m.calendar, timezone } };
}

/** '1 个工作日', '15 日', '4 小时', '1 日 2 小时'. */
export function describeLimit(t: TimeLimit): string {
  const { days, hours, minutes } = t.duration;
  const parts = [days ? `${days} ${t.calendar.kind === 'working' ? '个工作日' : '日'}` : '', hours ? `${hours} 小时` : '', minutes ? `${minutes} 分钟` : ''].filter(Boolean);
  return parts.join(' ') || '0 小时';
}

/**
 * The expected_datetime of a request received at `start`: acceptance at its deadline, then the
 * resolution limit (the latest the category's SLA allows).
 */
export function expectedAt(service: Open311Service, start: Date): Date {
  const accepted = dueAt(start, service.sla.acceptance.duration, service.sla.acceptance.calendar);
  return dueAt(accepted, service.sla.resolution.duration, service.sla.resolution.calendar);
}

/** The leaves of a tree in display order, each with its positional code. */
function leaves(tree: CategoryTree): { code: string; category: ServiceCategory }[] {
  const out: { code: string; category: ServiceCategory }[] = [];
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  tree.roots.forEach((root, i) => {
    tree.children(root).forEach((l2, j) => {
      const kids = tree.children(l2.id);
      if (kids.length === 0) out.push({ code: `${pad(i + 1, 2)}-${pad(j + 1, 2)}`, category: { id: l2.id, level1: root, level2: l2.name, level3: null } });
      kids.forEach((l3, k) => out.push({ code: `${pad(i + 1, 2)}-${pad(j + 1, 2)}-${pad(k + 1, 3)}`, category: { id: l3.id, level1: root, level2: l2.name, level3: l3.name } }));
    });
  });
  return out;
}

/**
 * Build the catalogue from a category tree and the overlay file (default services.yaml).
 * Throws (a configuration error) when the overlay does not parse or names a bad duration.
 */
export function buildCatalogue(tree: CategoryTree, overlayFile = path.join(HERE, 'services.yaml'), timezone = 'Asia/Shanghai'): ServiceCatalogue {
  const overlay = fileSchema.parse(YAML.parse(fs.readFileSync(overlayFile, 'utf8')));
  const services: Open311Service[] = leaves(tree).map(({ code, category: c }) => {
    const policy = tree.nodes.get(c.id)!.sla;
    const sla = { acceptance: limit(policy.acceptance, timezone), resolution: limit(policy.resolution, timezone), source: policy.source };
    let spec: z.infer<typeof overlaySchema> = { ...overlay.default };
    for (const o of overlay.services) {
      if ((o.level1 ?? c.level1) === c.level1 && (o.level2 ?? c.level2) === c.level2 && (o.level3 === undefined || o.level3 === c.level3)) spec = { ...spec, ...o };
    }
    const names = [c.level1, c.level2, c.level3].filter((x): x is string => x !== null);
    return {
      code,
      name: names.at(-1)!,
      description: names.join(' › '),
      keywords: names.slice(1).join(', '),
      group: c.level1,
      type: spec.type ?? overlay.default.type,
      category: c,
      attributes: (spec.attributes ?? []).map((a, i) => ({
        variable: true, code: a.code, datatype: a.datatype, required: a.required, datatypeDescription: a.datatype_description ?? null,
        order: i + 1, description: a.description, values: a.values ?? [],
      })),
      sla,
      notice: (spec.notice ?? overlay.default.notice).replace('{acceptance}', describeLimit(sla.acceptance)).replace('{resolution}', describeLimit(sla.resolution)),
    };
  });
  return { services, byCode: new Map(services.map((s) => [s.code, s])) };
}

/** The catalogue of the disputes category tree of the shared data folder (cached per folder and zone). */
export function serviceCatalogue(sharedDataDir: string, timezone = 'Asia/Shanghai'): ServiceCatalogue {
  const key = `${sharedDataDir}|${timezone}`;
  let c = cache.get(key);
  if (!c) cache.set(key, (c = buildCatalogue(categoryTree(sharedDataDir), undefined, timezone)));
  return c;
}

/**
 * The Open311 service catalogue: one GeoReport v2 service per leaf of the appeal category tree
 * (`appeals/taxonomy.csv` in the shared data folder, read through the classifier's
 * `loadTaxonomy`), with the service type, resolution time limit, notice and attribute
 * definitions from `services.yaml` beside this file.
 *
 * Service codes are positional and stable for a given taxonomy file: `LL-MM-NNN` = the 1-based
 * position of the level-1 category, of the level-2 category inside it and of the leaf inside
 * that (e.g. 城乡建设 › 安全生产 › 事故处理 = `01-01-001`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import { parseDuration, type Calendar, type Duration } from '../../../engines/workflow/index.ts';
import { loadTaxonomy, type TaxonomyRow } from '../classifier/data.ts';

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
  timeLimit: z.string().optional(),
  calendar: z.enum(['calendar', 'working']).optional(),
  notice: z.string().optional(),
  attributes: z.array(attributeSchema).optional(),
});
const fileSchema = z.object({
  default: z.object({ type: z.enum(['realtime', 'batch', 'blackbox']), timeLimit: z.string(), calendar: z.enum(['calendar', 'working']), notice: z.string() }),
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
  readonly category: TaxonomyRow;
  readonly attributes: readonly ServiceAttribute[];
  readonly timeLimit: Duration;
  readonly calendar: Calendar;
  readonly notice: string;
}

/** The catalogue: services in taxonomy order and by code. */
export interface ServiceCatalogue {
  readonly services: readonly Open311Service[];
  readonly byCode: ReadonlyMap<string, Open311Service>;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const cache = new Map<string, ServiceCatalogue>();

function duration(value: string): Duration {
  const d = parseDuration(value);
  if (!d.ok) throw new Error(`services.yaml: ${d.error.messageEn}`);
  return d.duration;
}

/**
 * Build the catalogue from the taxonomy rows and the overlay file (default services.yaml).
 * Throws (a configuration error) when the overlay does not parse or names a bad duration.
 */
export function buildCatalogue(taxonomy: readonly TaxonomyRow[], overlayFile = path.join(HERE, 'services.yaml'), timezone = 'Asia/Shanghai'): ServiceCatalogue {
  const overlay = fileSchema.parse(YAML.parse(fs.readFileSync(overlayFile, 'utf8')));
  const l1 = new Map<string, number>();
  const l2 = new Map<string, number>();
  const l3 = new Map<string, number>();
  const services: Open311Service[] = [];
  for (const row of taxonomy) {
    if (!l1.has(row.level1)) l1.set(row.level1, l1.size + 1);
    const k2 = `${row.level1}/${row.level2}`;
    if (!l2.has(k2)) l2.set(k2, [...l2.keys()].filter((k) => k.startsWith(`${row.level1}/`)).length + 1);
    const k3 = `${k2}/${row.level3}`;
    if (l3.has(k3)) continue;
    l3.set(k3, [...l3.keys()].filter((k) => k.startsWith(`${k2}/`)).length + 1);
    const code = `${String(l1.get(row.level1)).padStart(2, '0')}-${String(l2.get(k2)).padStart(2, '0')}-${String(l3.get(k3)).padStart(3, '0')}`;
    let spec: z.infer<typeof overlaySchema> = { ...overlay.default };
    for (const o of overlay.services) {
      if ((o.level1 ?? row.level1) === row.level1 && (o.level2 ?? row.level2) === row.level2 && (o.level3 ?? row.level3) === row.level3) spec = { ...spec, ...o };
    }
    services.push({
      code,
      name: row.level3,
      description: `${row.level1} › ${row.level2} › ${row.level3}`,
      keywords: [row.level2, row.level3].join(', '),
      group: row.level1,
      type: spec.type ?? overlay.default.type,
      category: row,
      attributes: (spec.attributes ?? []).map((a, i) => ({
        variable: true, code: a.code, datatype: a.datatype, required: a.required, datatypeDescription: a.datatype_description ?? null,
        order: i + 1, description: a.description, values: a.values ?? [],
      })),
      timeLimit: duration(spec.timeLimit ?? overlay.default.timeLimit),
      calendar: { kind: spec.calendar ?? overlay.default.calendar, timezone },
      notice: spec.notice ?? overlay.default.notice,
    });
  }
  return { services, byCode: new Map(services.map((s) => [s.code, s])) };
}

/** The catalogue of the shared taxonomy (cached per data folder and zone). */
export function serviceCatalogue(sharedDataDir: string, timezone = 'Asia/Shanghai'): ServiceCatalogue {
  const key = `${sharedDataDir}|${timezone}`;
  let c = cache.get(key);
  if (!c) cache.set(key, (c = buildCatalogue(loadTaxonomy(sharedDataDir), undefined, timezone)));
  return c;
}

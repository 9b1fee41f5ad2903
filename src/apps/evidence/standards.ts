/**
 * Evidence standards as versioned data (证据标准指引): the YAML files in ./standards, their zod
 * schemas, and the loader. One file per charge (elements → required evidence, conditions such
 * as a firearm identification or a blood-alcohol threshold, the stage from which each is
 * required), `general.yaml` (the stage gates, requirements shared by every charge, and the
 * parameters of the formality / exclusion / corroboration / consistency / custody checks) and
 * `sources.yaml` (the documents cited). Every rule cites `{ doc, clause }`; the loader rejects
 * a rule whose `doc` is not in sources.yaml and ids that repeat.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { ELEMENTS, EVIDENCE_KINDS, STAGES } from './types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Directory of the standards files. */
export const STANDARDS_DIR = path.join(here, 'standards');

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const sourceRef = z.object({ doc: z.string().min(1), clause: z.string().min(2) }).strict();
const ruleId = z.string().regex(/^[A-Z]{3}-[A-Z0-9-]+$/);
const version = z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/);
const kind = z.enum(EVIDENCE_KINDS);
const stage = z.enum(STAGES);
/** Facts of ExtractedFacts that conditions may name. */
export const FACT_NAMES = ['time', 'place', 'weapon', 'injuries', 'amountYuan', 'bacMgPer100ml', 'drugWeightGrams', 'muzzleEnergyJPerCm2'] as const;
const factName = z.enum(FACT_NAMES);

/** A requirement: evidence of one of `kinds` (with `topic`, or offered to prove `element`) from `stage` on. */
export const requirementSchema = z
  .object({
    id: ruleId,
    element: z.enum(ELEMENTS),
    text: bilingual,
    kinds: z.array(kind).min(1),
    topic: z.string().regex(/^[a-z_]+$/).optional(),
    stage,
    source: sourceRef,
  })
  .strict();

/** A condition: applies always or when an item's fact matches `when`; needs an item of `kinds`/`topic`, optionally a threshold. */
export const conditionSchema = z
  .object({
    id: ruleId,
    text: bilingual,
    when: z.object({ fact: factName, in: z.array(z.string()).min(1).optional(), notIn: z.array(z.string()).min(1).optional() }).strict().optional(),
    kinds: z.array(kind).min(1),
    topic: z.string().regex(/^[a-z_]+$/),
    threshold: z.object({ fact: factName, min: z.number().positive(), unit: z.string().min(1) }).strict().optional(),
    requireFact: factName.optional(),
    requireFormality: z.enum(['weighedInPresence', 'qualifiedExaminer', 'extractionRecord']).optional(),
    stage,
    source: sourceRef,
  })
  .strict();

/** A charge's standard (one YAML file). */
export const chargeStandardSchema = z
  .object({
    id: z.string().regex(/^[a-z_]+$/),
    version,
    name: bilingual,
    law: sourceRef,
    /** When interrogations must be recorded on audio-video (CPL art. 123): always, only if life or death is possible, never. */
    interrogationRecording: z.enum(['always', 'if_life_or_death', 'never']),
    requirements: z.array(requirementSchema).min(5),
    conditions: z.array(conditionSchema).default([]),
  })
  .strict();

/** Names of the checks implemented by the checker; general.yaml parameterises each. */
export const CHECKS = [
  'confession_corroboration',
  'interrogation_recording',
  'interrogation_location',
  'facility_transfer_24h',
  'statement_signature',
  'record_signature',
  'expert_formality',
  'physical_origin',
  'custody_chain',
  'arrest_request_time_limit',
  'consistency_time',
  'consistency_place',
  'consistency_weapon',
  'consistency_injuries',
  'consistency_amount',
] as const;
export type CheckName = (typeof CHECKS)[number];

/** One general check with its severity per stage and parameters. */
export const checkSchema = z
  .object({
    id: ruleId,
    check: z.enum(CHECKS),
    text: bilingual,
    warningFrom: stage,
    blockingFrom: stage.optional(),
    overridable: z.boolean(),
    hours: z.number().positive().optional(),
    days: z.number().positive().optional(),
    rovingDays: z.number().positive().optional(),
    toleranceMinutes: z.number().nonnegative().optional(),
    tolerancePercent: z.number().nonnegative().optional(),
    source: sourceRef,
  })
  .strict();

/** general.yaml. */
export const generalStandardSchema = z
  .object({
    version,
    stages: z.array(z.object({ stage, zh: z.string(), en: z.string(), standard: bilingual, source: sourceRef }).strict()).length(STAGES.length),
    requirements: z.array(requirementSchema),
    checks: z.array(checkSchema).min(1),
  })
  .strict();

/** sources.yaml. */
export const sourcesSchema = z.object({ version, documents: z.record(z.string().regex(/^[a-z0-9_]+$/), bilingual) }).strict();

export type Requirement = z.output<typeof requirementSchema>;
export type Condition = z.output<typeof conditionSchema>;
export type ChargeStandard = z.output<typeof chargeStandardSchema>;
export type CheckRule = z.output<typeof checkSchema>;
export type GeneralStandard = z.output<typeof generalStandardSchema>;
export type Sources = z.output<typeof sourcesSchema>;

/** Everything the checker needs: sources, general rules and the charges by id. */
export interface StandardSet {
  readonly sources: Sources;
  readonly general: GeneralStandard;
  readonly charges: ReadonlyMap<string, ChargeStandard>;
}

/** A problem found while loading the standards: the file and what is wrong. */
export interface StandardProblem {
  readonly file: string;
  readonly message: string;
}

function readYaml(file: string): unknown {
  return parse(fs.readFileSync(file, 'utf8')) as unknown;
}

/** Every cited source and rule id of a loaded set, for the cross-checks. */
function* citations(set: { general: GeneralStandard; charges: Iterable<ChargeStandard> }): Generator<{ file: string; id: string; doc: string }> {
  for (const s of set.general.stages) yield { file: 'general.yaml', id: `stage:${s.stage}`, doc: s.source.doc };
  for (const r of [...set.general.requirements, ...set.general.checks]) yield { file: 'general.yaml', id: r.id, doc: r.source.doc };
  for (const c of set.charges) {
    yield { file: `${c.id}.yaml`, id: `law:${c.id}`, doc: c.law.doc };
    for (const r of [...c.requirements, ...c.conditions]) yield { file: `${c.id}.yaml`, id: r.id, doc: r.source.doc };
  }
}

/**
 * Validate the standards directory without throwing: schema problems per file, citations of
 * documents missing from sources.yaml, repeated rule ids, a charge file named differently from
 * its id, and general checks whose blocking stage precedes their warning stage.
 * @returns the set (when the files parse) and the list of problems (empty = valid).
 */
export function validateStandards(dir: string = STANDARDS_DIR): { set: StandardSet | null; problems: StandardProblem[] } {
  const problems: StandardProblem[] = [];
  const parseFile = <S extends z.ZodType>(file: string, schema: S): z.output<S> | null => {
    const r = schema.safeParse(readYaml(path.join(dir, file)));
    if (r.success) return r.data;
    for (const i of r.error.issues) problems.push({ file, message: `${i.path.join('.')}: ${i.message}` });
    return null;
  };
  const sources = parseFile('sources.yaml', sourcesSchema);
  const general = parseFile('general.yaml', generalStandardSchema);
  const charges = new Map<string, ChargeStandard>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'sources.yaml' && f !== 'general.yaml').sort()) {
    const c = parseFile(file, chargeStandardSchema);
    if (!c) continue;
    if (`${c.id}.yaml` !== file) problems.push({ file, message: `id ${c.id} does not match the file name` });
    charges.set(c.id, c);
  }
  if (!sources || !general) return { set: null, problems };
  const seen = new Set<string>();
  for (const cite of citations({ general, charges: charges.values() })) {
    if (!(cite.doc in sources.documents)) problems.push({ file: cite.file, message: `${cite.id} cites unknown document ${cite.doc}` });
    if (seen.has(cite.id)) problems.push({ file: cite.file, message: `rule id ${cite.id} is used twice` });
    seen.add(cite.id);
  }
  for (const c of general.checks) {
    if (c.blockingFrom && STAGES.indexOf(c.blockingFrom) < STAGES.indexOf(c.warningFrom)) problems.push({ file: 'general.yaml', message: `${c.id} blocks before it warns` });
  }
  return { set: { sources, general, charges }, problems };
}

let cached: StandardSet | null = null;

/**
 * The standards shipped with the application, loaded once.
 * @throws Error listing every problem when a file is invalid (a defect of the release, not of input).
 */
export function loadStandards(): StandardSet {
  if (cached) return cached;
  const { set, problems } = validateStandards();
  if (!set || problems.length > 0) throw new Error(`invalid evidence standards:\n${problems.map((p) => `${p.file}: ${p.message}`).join('\n')}`);
  cached = set;
  return set;
}

/** The full title of a cited document in the given language (the id itself when unknown). */
export function sourceTitle(set: StandardSet, doc: string, lang: 'zh' | 'en' = 'zh'): string {
  return set.sources.documents[doc]?.[lang] ?? doc;
}

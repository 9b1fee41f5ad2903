/**
 * zod schemas of case-file input (API bodies, CLI files): a case with its persons and items,
 * one item, a stage change and an override. Instants are ISO-8601 with an offset or Z.
 */
import { z } from 'zod';
import { ELEMENTS, EVIDENCE_KINDS, PERSON_ROLES, STAGES } from './types.ts';

const instant = z.iso.datetime({ offset: true });
const key = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/);

/** A chain-of-custody entry. */
export const custodyEntrySchema = z.object({ at: instant, action: z.string().min(1).max(40), fromHolder: z.string().min(1).max(100), toHolder: z.string().min(1).max(100), note: z.string().max(500).nullish() });

/** An evidence item as submitted. */
export const evidenceItemSchema = z.object({
  key,
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string().min(1).max(200),
  topics: z.array(z.string().regex(/^[a-z_]+$/)).max(10).default([]),
  proves: z.array(z.enum(ELEMENTS)).max(5).default([]),
  personKey: key.nullish(),
  collector: z.string().min(1).max(100),
  collectedAt: instant,
  place: z.string().min(1).max(200),
  custody: z.array(custodyEntrySchema).max(100).default([]),
  formalities: z
    .object({
      signedByPerson: z.boolean(), signedByCollector: z.boolean(), witnessSigned: z.boolean(), recorded: z.boolean(), recordingComplete: z.boolean(),
      location: z.enum(['detention_facility', 'police_office', 'scene', 'other']), startedAt: instant, endedAt: instant,
      qualifiedExaminer: z.boolean(), extractionRecord: z.boolean(), weighedInPresence: z.boolean(),
    })
    .partial()
    .default({}),
  facts: z
    .object({
      time: instant, place: z.string().min(1).max(200), weapon: z.string().min(1).max(40),
      injuries: z.object({ count: z.number().int().min(0).max(1000), sites: z.array(z.string().min(1).max(40)).max(50) }).partial(),
      amountYuan: z.number().min(0), bacMgPer100ml: z.number().min(0), drugWeightGrams: z.number().min(0), muzzleEnergyJPerCm2: z.number().min(0),
    })
    .partial()
    .default({}),
});

/** A person as submitted. */
export const personSchema = z.object({
  key, role: z.enum(PERSON_ROLES), name: z.string().min(1).max(60), idNumber: z.string().max(18).nullish(),
  detainedAt: instant.nullish(), facilityAt: instant.nullish(), arrestRequestedAt: instant.nullish(), roving: z.boolean().optional(),
});

/** A new case file. */
export const caseFileSchema = z.object({
  caseNo: z.string().regex(/^[A-Za-z0-9-]{4,40}$/),
  title: z.string().min(1).max(200),
  charges: z.array(z.string().regex(/^[a-z_]+$/)).min(1).max(8),
  stage: z.enum(STAGES).default('filing'),
  lifeOrDeathPossible: z.boolean().default(false),
  persons: z.array(personSchema).max(200).default([]),
  items: z.array(evidenceItemSchema).max(2000).default([]),
});

/** An override request: the finding's key and the officer's reason. */
export const overrideSchema = z.object({ findingKey: z.string().min(3).max(300), reason: z.string().max(2000).optional(), stage: z.enum(STAGES).optional() });

/**
 * The stored reunion post (one shape for both kinds), as services and routes see it. The
 * matching module's input types (posts/types.ts) are derived from it by `toMatchPost`.
 */
import type { ChildSearchPost, FamilySearchPost, PartialDate, PostPlace } from './posts/types.ts';

/** Kinds of post: 家寻宝贝 (a family looking for a child), 宝贝寻家 (a person looking for their family). */
export const POST_KINDS = ['familySearch', 'childSearch'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Workflow states of a post (workflow.ts). */
export const POST_STATES = ['searching', 'candidate_review', 'dna_comparison', 'reunited', 'closed'] as const;
export type PostState = (typeof POST_STATES)[number];

/** DNA sample status: none, sample collected, profile in the police DNA database, compared. */
export const DNA_STATUSES = ['none', 'collected', 'in_database', 'compared'] as const;
export type DnaStatus = (typeof DNA_STATUSES)[number];

/** A partial date as stored: the Gregorian reading (precision kept) and what was given. */
export interface StoredDate extends PartialDate {
  readonly calendar: 'gregorian' | 'lunar';
  /** The text or lunar date as given, e.g. '2016年7月' or '农历2016年七月初五'. */
  readonly given: string;
}

/** A structured mark (scar, birthmark, mole). */
export interface MarkItem {
  readonly kind: 'scar' | 'birthmark' | 'mole' | 'other';
  readonly bodyPart: string;
  readonly description: string;
}

/** A private contact of the poster (encrypted at rest, masked by default). */
export interface Contact {
  readonly name: string;
  readonly relation: string;
  readonly phone?: string | undefined;
  readonly address?: string | undefined;
}

/** Fields a poster may consent to publish, one flag each. */
export const CONSENT_FIELDS = ['sex', 'name', 'nickname', 'formerName', 'birthDate', 'lossDate', 'lossPlace', 'heightCm', 'marks', 'dialect', 'memories', 'photos'] as const;
export type ConsentField = (typeof CONSENT_FIELDS)[number];
export type Consent = Readonly<Record<ConsentField, boolean>>;

/** No field published (the default). */
export const NO_CONSENT: Consent = Object.freeze(Object.fromEntries(CONSENT_FIELDS.map((f) => [f, false])) as Record<ConsentField, boolean>);

/** A post with every field, contacts decrypted (never leaves a service unmasked except to police/admin with a purpose). */
export interface ReunionPost {
  readonly id: string;
  readonly kind: PostKind;
  readonly status: PostState;
  readonly sex: 'male' | 'female' | null;
  /** Family post: the child's official name; child post: the current name. Null when unknown. */
  readonly name: string | null;
  readonly nameUnknown: boolean;
  /** 小名. */
  readonly nickname: string | null;
  /** Child post: the birth name if remembered (names change after adoption). */
  readonly formerName: string | null;
  readonly birthDate: StoredDate | null;
  readonly lossDate: StoredDate | null;
  /** Instant of loss (ISO UTC) for a newly missing child; drives the alert radius. */
  readonly lostAt: string | null;
  readonly lossPlace: PostPlace | null;
  readonly heightCm: number | null;
  readonly marks: { readonly items: readonly MarkItem[]; readonly text: string };
  readonly dialect: string | null;
  readonly memories: string;
  readonly relatives: readonly string[];
  readonly dnaStatus: DnaStatus;
  readonly policeCaseNo: string | null;
  readonly contacts: readonly Contact[];
  readonly consent: Consent;
  /** Date the post was written, YYYY-MM-DD. */
  readonly postedOn: string;
  readonly pfifRecordId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string;
}

/** Marks as one text for comparison: the free text, then each structured item. */
export function marksText(post: Pick<ReunionPost, 'marks'>): string {
  return [post.marks.text, ...post.marks.items.map((m) => `${m.bodyPart}${m.description}`)].filter((s) => s.trim() !== '').join('，');
}

/**
 * The post as the matching module reads it (posts/types.ts): a family post or a child post.
 * Lunar dates enter with their Gregorian reading; the workflow status is not compared. Null
 * when the sex is unknown (blocking needs it; such posts, e.g. from PFIF, are not matched).
 */
export function toMatchPost(p: ReunionPost): FamilySearchPost | ChildSearchPost | null {
  if (!p.sex) return null;
  const base = {
    id: p.id, sex: p.sex, birthDate: p.birthDate, lossDate: p.lossDate, lossPlace: p.lossPlace, heightCm: p.heightCm,
    marks: marksText(p), dialect: p.dialect, status: 'open' as const, postedOn: p.postedOn, memories: p.memories,
  };
  if (p.kind === 'familySearch') return { ...base, kind: 'familySearch', name: p.name, nickname: p.nickname, relatives: p.relatives };
  return { ...base, kind: 'childSearch', currentName: p.name ?? '', formerName: p.formerName, nickname: p.nickname };
}

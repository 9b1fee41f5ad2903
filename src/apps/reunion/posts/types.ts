/**
 * Reunion posts (issue 4). Two kinds, named as in the glossary: a family post (家寻宝贝, a
 * family looking for a lost child) and a child post (宝贝寻家, a person looking for the family
 * they were separated from, written years later, often after adoption under a new name).
 * Dates are partial with an explicit precision (a date known only to the year is the whole
 * year, never 1 January); places are GB/T 2260 division codes (province PP0000, prefecture
 * PPCC00, county PPCCXX) with the words the poster used.
 */

/** A partial date: year always, month and day when known. */
export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: 'year' | 'month' | 'day';
}

/** A place as the poster gave it: a division code at the depth they knew, and their words. */
export interface PostPlace {
  /** GB/T 2260 code: county, prefecture (PPCC00) or province (PP0000) when only that is known. */
  readonly divisionCode: string;
  readonly text: string;
}

/** Lifecycle of a post. */
export type PostStatus = 'open' | 'matched' | 'reunited' | 'closed';

/** Fields both kinds of post share. */
interface PostBase {
  readonly id: string;
  readonly sex: 'male' | 'female';
  /** Birth date of the child, partial. */
  readonly birthDate: PartialDate | null;
  /** Date the child was lost (or, for a child post, remembered as lost), partial. */
  readonly lossDate: PartialDate | null;
  readonly lossPlace: PostPlace | null;
  /** Height at the time of loss in centimetres, when known. */
  readonly heightCm: number | null;
  /** Scars, birthmarks, moles, in the poster's words ('' when none given). */
  readonly marks: string;
  /** Dialect spoken at home (e.g. 四川话), null when not given. */
  readonly dialect: string | null;
  readonly status: PostStatus;
  /** Date the post was written (ISO YYYY-MM-DD). */
  readonly postedOn: string;
}

/** 家寻宝贝: a family looking for a child. */
export interface FamilySearchPost extends PostBase {
  readonly kind: 'familySearch';
  /** The child's official name at the time of loss; null when the child had none registered. */
  readonly name: string | null;
  /** 小名 (milk name) the family called the child. */
  readonly nickname: string | null;
  /** What the family remembers that the child may remember: relatives, house, landmarks. */
  readonly memories: string;
  /** Names of parents and relatives as the family gives them. */
  readonly relatives: readonly string[];
}

/** 宝贝寻家: a person looking for their family. */
export interface ChildSearchPost extends PostBase {
  readonly kind: 'childSearch';
  /** Current name (after adoption it usually differs from the birth name). */
  readonly currentName: string;
  /** Birth name if remembered, null if not. */
  readonly formerName: string | null;
  /** 小名 if remembered. */
  readonly nickname: string | null;
  /** Childhood memories: relatives' names, the house, landmarks, events. */
  readonly memories: string;
}

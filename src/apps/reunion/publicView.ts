/**
 * What the public may see of a post (DESIGN: minors' data is never public beyond what the
 * family consented to publish): only fields whose consent flag is true; never contacts, the
 * police case number, the DNA status or tips' contacts; for a minor — or a person whose age is
 * unknown — the place of loss is the division's name only, never the words the poster gave
 * (which may be a street address). A person counts as an adult only when even the latest
 * possible birth day is 18 or more years before today.
 */
import { lookupDivision } from '../../core/index.ts';
import type { ReunionPost, StoredDate } from './model.ts';

/** The published part of a post. */
export interface PublishedFields {
  sex?: 'male' | 'female';
  name?: string;
  nickname?: string;
  formerName?: string;
  birthDate?: { year: number; month?: number; day?: number; precision: string; given: string };
  lossDate?: { year: number; month?: number; day?: number; precision: string; given: string };
  lossPlace?: { divisionCode: string; name: string; text?: string };
  heightCm?: number;
  marks?: string;
  dialect?: string;
  memories?: string;
  photos?: number[];
}

/** A post as the public search returns it. */
export interface PublicPost {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly postedOn: string;
  readonly published: PublishedFields;
}

/** The latest day a partial date can stand for, as a Date (UTC midnight). */
function latestDay(d: StoredDate): Date {
  if (d.precision === 'day') return new Date(Date.UTC(d.year, d.month! - 1, d.day!));
  if (d.precision === 'month') return new Date(Date.UTC(d.year, d.month!, 0));
  return new Date(Date.UTC(d.year, 11, 31));
}

/** True unless the birth date proves the person is 18 or older at `now`. */
export function mayBeMinor(birthDate: StoredDate | null, now: Date): boolean {
  if (!birthDate) return true;
  const latest = latestDay(birthDate);
  const eighteen = new Date(Date.UTC(latest.getUTCFullYear() + 18, latest.getUTCMonth(), latest.getUTCDate()));
  return eighteen.getTime() > now.getTime();
}

const dateOut = (d: StoredDate) => ({ year: d.year, ...(d.month ? { month: d.month } : {}), ...(d.day ? { day: d.day } : {}), precision: d.precision, given: d.given });

/** The consented fields of a post (see the module doc). `photoIds` are listed only when photos are consented. */
export function publicFields(post: ReunionPost, options: { now: Date; photoIds?: readonly number[] }): PublishedFields {
  const c = post.consent;
  const out: PublishedFields = {};
  if (c.sex && post.sex) out.sex = post.sex;
  if (c.name && post.name) out.name = post.name;
  if (c.nickname && post.nickname) out.nickname = post.nickname;
  if (c.formerName && post.formerName) out.formerName = post.formerName;
  if (c.birthDate && post.birthDate) out.birthDate = dateOut(post.birthDate);
  if (c.lossDate && post.lossDate) out.lossDate = dateOut(post.lossDate);
  if (c.lossPlace && post.lossPlace) {
    const info = lookupDivision(post.lossPlace.divisionCode);
    const name = info ? info.path.join('') : post.lossPlace.divisionCode;
    out.lossPlace = mayBeMinor(post.birthDate, options.now) || !post.lossPlace.text ? { divisionCode: post.lossPlace.divisionCode, name } : { divisionCode: post.lossPlace.divisionCode, name, text: post.lossPlace.text };
  }
  if (c.heightCm && post.heightCm != null) out.heightCm = post.heightCm;
  if (c.marks) {
    const marks = [post.marks.text, ...post.marks.items.map((m) => `${m.bodyPart}${m.description}`)].filter((x) => x.trim()).join('，');
    if (marks) out.marks = marks;
  }
  if (c.dialect && post.dialect) out.dialect = post.dialect;
  if (c.memories && post.memories) out.memories = post.memories;
  if (c.photos && options.photoIds?.length) out.photos = [...options.photoIds];
  return out;
}

/** The public form of a post. */
export function publicPost(post: ReunionPost, options: { now: Date; photoIds?: readonly number[] }): PublicPost {
  return { id: post.id, kind: post.kind, status: post.status, postedOn: post.postedOn, published: publicFields(post, options) };
}

/**
 * Post intake: the zod schema of a post as sent (HTTP, CLI, PFIF bridge, demo) and its
 * normalisation into stored values. Dates go through src/core `parseDate`: partial dates keep
 * their precision (case C17: 2016年7月 is July 2016, precision month), impossible dates are
 * refused (case C16: 1990-02-30, 1990年2月30日, 1991-02-29 — no rollover, no silent null).
 * Lunar dates are converted with lunar-javascript (a day → that Gregorian day; a month → the
 * Gregorian month holding the lunar month's 15th, precision month; a year → the Gregorian year,
 * precision year).
 */
import { Lunar } from 'lunar-javascript';
import { z } from 'zod';
import { issue, type Issue } from '../../core/errors.ts';
import { lookupDivision, parseDate } from '../../core/index.ts';
import { ReunionErrors as E } from './errors.ts';
import { CONSENT_FIELDS, DNA_STATUSES, NO_CONSENT, POST_KINDS, type Consent, type ConsentField, type StoredDate } from './model.ts';
import type { PostPlace } from './posts/types.ts';

const lunarSchema = z.object({
  calendar: z.literal('lunar'),
  year: z.number().int().min(1901).max(2099),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(30).optional(),
  leapMonth: z.boolean().optional(),
});
/** A date as sent: text for the Gregorian calendar ('2016-07-05', '2016年7月', '2016'), or a lunar date. */
export const dateInputSchema = z.union([z.string().min(1).max(40), lunarSchema]);
export type DateInput = z.infer<typeof dateInputSchema>;

/** Consent flags as sent (absent = false). */
export const consentSchema = z.object(Object.fromEntries(CONSENT_FIELDS.map((f) => [f, z.boolean().optional()])) as Record<ConsentField, z.ZodOptional<z.ZodBoolean>>);

/** A post as sent (README "PostInput"). */
export const postInputSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/).optional(),
  kind: z.enum(POST_KINDS),
  sex: z.enum(['male', 'female']),
  name: z.string().trim().min(1).max(40).optional(),
  nameUnknown: z.boolean().optional(),
  nickname: z.string().trim().min(1).max(20).optional(),
  formerName: z.string().trim().min(1).max(40).optional(),
  birthDate: dateInputSchema.optional(),
  lossDate: dateInputSchema.optional(),
  lostAt: z.string().max(40).optional(),
  lossPlace: z.object({ divisionCode: z.string(), text: z.string().max(200).default('') }).optional(),
  heightCm: z.number().min(30).max(220).optional(),
  marks: z.object({
    items: z.array(z.object({ kind: z.enum(['scar', 'birthmark', 'mole', 'other']), bodyPart: z.string().max(40), description: z.string().max(200) })).max(20).default([]),
    text: z.string().max(1000).default(''),
  }).optional(),
  dialect: z.string().trim().min(1).max(40).optional(),
  memories: z.string().max(4000).optional(),
  relatives: z.array(z.string().max(60)).max(20).optional(),
  dnaStatus: z.enum(DNA_STATUSES).optional(),
  policeCaseNo: z.string().max(60).optional(),
  contacts: z.array(z.object({ name: z.string().max(40), relation: z.string().max(20), phone: z.string().max(30).optional(), address: z.string().max(200).optional() })).max(10).optional(),
  consent: consentSchema.optional(),
  postedOn: z.string().max(40).optional(),
});
export type PostInput = z.infer<typeof postInputSchema>;

const CN_MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const CN_DAYS = (d: number): string => (d <= 10 ? '初' + ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][d - 1] : d < 20 ? '十' + ['一', '二', '三', '四', '五', '六', '七', '八', '九'][d - 11] : d === 20 ? '二十' : d < 30 ? '廿' + ['一', '二', '三', '四', '五', '六', '七', '八', '九'][d - 21] : '三十');

/** '农历2016年闰四月初五' for a lunar input. */
function lunarText(d: z.infer<typeof lunarSchema>): string {
  return `农历${d.year}年` + (d.month ? `${d.leapMonth ? '闰' : ''}${CN_MONTHS[d.month - 1]}月` : '') + (d.month && d.day ? CN_DAYS(d.day) : '');
}

/**
 * Parse one date field. Gregorian text: src/core parseDate, precision kept (year, month or day;
 * a time of day is cut to its local day). Lunar: converted as the module doc says.
 * @returns the stored date, or coded issues REUNION_DATE_INVALID / REUNION_LUNAR_DATE_INVALID /
 *   REUNION_DATE_IN_FUTURE (after `today`, YYYY-MM-DD) naming `field`.
 */
export function parsePostDate(value: DateInput, field: string, today: string): { date: StoredDate | null; issues: Issue[] } {
  if (typeof value === 'string') {
    const r = parseDate(value);
    if (!r.valid || !r.parsed) return { date: null, issues: [issue(E.REUNION_DATE_INVALID, { field, value }, field)] };
    const p = r.parsed;
    const precision = p.precision === 'year' || p.precision === 'month' ? p.precision : 'day';
    const day = precision === 'day' ? (p.localDay ?? '') : '';
    const date: StoredDate = precision === 'day'
      ? { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)), precision, calendar: 'gregorian', given: value }
      : precision === 'month' ? { year: p.year, month: p.month!, precision, calendar: 'gregorian', given: value } : { year: p.year, precision, calendar: 'gregorian', given: value };
    return future(date, field, today);
  }
  const given = lunarText(value);
  if (value.day !== undefined && value.month === undefined) return { date: null, issues: [issue(E.REUNION_LUNAR_DATE_INVALID, { field, value: given, reason: 'day without month' }, field)] };
  if (value.month === undefined) return future({ year: value.year, precision: 'year', calendar: 'lunar', given }, field, today);
  const month = value.leapMonth ? -value.month : value.month;
  try {
    const solar = Lunar.fromYmd(value.year, month, value.day ?? 15).getSolar();
    const date: StoredDate = value.day !== undefined
      ? { year: solar.getYear(), month: solar.getMonth(), day: solar.getDay(), precision: 'day', calendar: 'lunar', given }
      : { year: solar.getYear(), month: solar.getMonth(), precision: 'month', calendar: 'lunar', given };
    return future(date, field, today);
  } catch (e) {
    return { date: null, issues: [issue(E.REUNION_LUNAR_DATE_INVALID, { field, value: given, reason: (e as Error).message }, field)] };
  }
}

function ymd(d: StoredDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month ?? 1).padStart(2, '0')}-${String(d.day ?? 1).padStart(2, '0')}`;
}

/** The last day a partial date can stand for, YYYY-MM-DD. */
function lastDay(d: StoredDate): string {
  if (d.precision === 'day') return ymd(d);
  const month = d.precision === 'month' ? d.month! : 12;
  const days = new Date(Date.UTC(d.year, month, 0)).getUTCDate();
  return `${String(d.year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
}

function future(date: StoredDate, field: string, today: string): { date: StoredDate | null; issues: Issue[] } {
  // The earliest day of the partial date must not be after today.
  if (ymd(date) > today) return { date: null, issues: [issue(E.REUNION_DATE_IN_FUTURE, { field, value: date.given }, field)] };
  return { date, issues: [] };
}

/** The normalised values of a PostInput, ready to store (contacts still plain). */
export interface NormalizedPost {
  readonly birthDate: StoredDate | null;
  readonly lossDate: StoredDate | null;
  readonly lostAt: string | null;
  readonly lossPlace: PostPlace | null;
  readonly consent: Consent;
  readonly postedOn: string;
}

/**
 * Check and normalise the dates, place, names and consent of a post. `now` gives today
 * (Asia/Shanghai day). Returns the issues instead of throwing (the service throws the first
 * as AppError with all of them as details).
 */
export function normalizePost(input: PostInput, now: Date): { value: NormalizedPost | null; issues: Issue[] } {
  const today = parseDate(now.toISOString()).parsed?.localDay ?? now.toISOString().slice(0, 10);
  const issues: Issue[] = [];
  if (!input.name && !input.nickname && !input.formerName && !input.nameUnknown) issues.push(issue(E.REUNION_NAME_REQUIRED, undefined, 'name'));
  const birth = input.birthDate ? parsePostDate(input.birthDate, 'birthDate', today) : { date: null, issues: [] };
  const loss = input.lossDate ? parsePostDate(input.lossDate, 'lossDate', today) : { date: null, issues: [] };
  issues.push(...birth.issues, ...loss.issues);
  // Refused only when the latest day the loss can be is before the earliest day of birth.
  if (birth.date && loss.date && lastDay(loss.date) < ymd(birth.date)) {
    issues.push(issue(E.REUNION_LOSS_BEFORE_BIRTH, { loss: loss.date.given, birth: birth.date.given }, 'lossDate'));
  }
  let lostAt: string | null = null;
  if (input.lostAt) {
    const t = parseDate(input.lostAt);
    if (!t.valid || !t.parsed?.instant) issues.push(issue(E.REUNION_DATE_INVALID, { field: 'lostAt', value: input.lostAt }, 'lostAt'));
    else if (Date.parse(t.parsed.instant) > now.getTime()) issues.push(issue(E.REUNION_DATE_IN_FUTURE, { field: 'lostAt', value: input.lostAt }, 'lostAt'));
    else lostAt = new Date(t.parsed.instant).toISOString();
  }
  let lossPlace: PostPlace | null = null;
  if (input.lossPlace) {
    const code = input.lossPlace.divisionCode.trim();
    if (!lookupDivision(code)) issues.push(issue(E.REUNION_DIVISION_INVALID, { field: 'lossPlace.divisionCode', value: code }, 'lossPlace.divisionCode'));
    else lossPlace = { divisionCode: code, text: input.lossPlace.text.trim() };
  }
  let postedOn = today;
  if (input.postedOn) {
    const p = parsePostDate(input.postedOn, 'postedOn', today);
    if (p.date?.precision !== 'day') issues.push(...(p.issues.length ? p.issues : [issue(E.REUNION_DATE_INVALID, { field: 'postedOn', value: input.postedOn }, 'postedOn')]));
    else postedOn = ymd(p.date);
  }
  const consent = { ...NO_CONSENT, ...Object.fromEntries(Object.entries(input.consent ?? {}).filter(([, v]) => v !== undefined)) } as Consent;
  if (issues.length) return { value: null, issues };
  return { value: { birthDate: birth.date, lossDate: loss.date, lostAt, lossPlace, consent, postedOn }, issues };
}

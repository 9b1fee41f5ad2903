/**
 * Field-format rules of PFIF (1.4 §2 "Data model": record ids are 'domain/unique-id' with an
 * RFC 1034 domain name; dates are UTC 'YYYY-MM-DDTHH:MM:SSZ', optionally with a fraction of a
 * second; sex, status and booleans take fixed values; date_of_birth is YYYY, YYYY-MM or
 * YYYY-MM-DD; age is an integer or a range 'N-M'; URLs are http or https with a host).
 * The patterns follow Person Finder's pfif_validator, with one deliberate difference: free
 * text may span lines (PFIF text fields, and 1.4 alternate_names, are newline-separated).
 */
import type { FormatRule } from './model.ts';

const DOMAIN_LABEL = '[a-zA-Z](?:[-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?';
const DOMAIN_NAME = `(?:${DOMAIN_LABEL}\\.)*${DOMAIN_LABEL}\\.?`;
/** A PFIF record id: RFC 1034 domain, a slash, then at least one character. */
export const RECORD_ID_PATTERN = new RegExp(`^(${DOMAIN_NAME})/(.+)$`, 's');
/** A PFIF date: UTC, 'YYYY-MM-DDTHH:MM:SSZ' with optional fractional seconds. */
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;

const PATTERNS: Readonly<Record<Exclude<FormatRule, 'url' | 'url_list'>, RegExp>> = {
  record_id: RECORD_ID_PATTERN,
  date: DATE_PATTERN,
  text: /^[\s\S]*$/,
  email: /^.+@.+$/s,
  phone: /^(?:[-.+() ]*\d[-.+() ]*)+(?:[#x]\d+)?$/,
  caps: /^[A-Z ]+$/,
  us_state: /^[A-Z][A-Z]$/,
  country: /^[A-Z][A-Z]$/,
  iso_state: /^(?:[A-Z][A-Z]-)?[A-Z0-9]{1,3}$/,
  integer: /^\d+$/,
  boolean: /^(?:true|false)$/,
  status: /^(?:information_sought|is_note_author|believed_alive|believed_missing|believed_dead)$/,
  sex: /^(?:male|female|other)$/,
  date_of_birth: /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/,
  age: /^\d+(?:-\d+)?$/,
};

/** True when `text` is an absolute http(s) URL with a non-empty host (1.4 §2 "URL"). */
export function isHttpUrl(text: string): boolean {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/.exec(text);
  if (!m) return false;
  const scheme = m[1]!.toLowerCase();
  return (scheme === 'http' || scheme === 'https') && m[2]!.length > 0;
}

/**
 * Whether a non-empty field value follows `rule`. The value is not trimmed (as in Person
 * Finder's validator: surrounding spaces fail the stricter formats). 'url_list' is 1.4
 * profile_urls: one URL per line.
 */
export function matchesFormat(rule: FormatRule, text: string): boolean {
  if (rule === 'url') return isHttpUrl(text);
  if (rule === 'url_list') return text.split('\n').every((line) => isHttpUrl(line.trim()));
  return PATTERNS[rule].test(text);
}

/**
 * Parse a PFIF date into epoch milliseconds (UTC). Returns null when the text does not match
 * DATE_PATTERN or names no real calendar time (month 13, hour 25 …).
 */
export function parsePfifDate(text: string): number | null {
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h
    || back.getUTCMinutes() !== mi || back.getUTCSeconds() !== s) return null;
  return ms;
}

/** The domain part of a record id ('example.org/p1' → 'example.org'), or null if malformed. */
export function recordIdDomain(recordId: string): string | null {
  const m = RECORD_ID_PATTERN.exec(recordId);
  return m ? m[1]!.replace(/\.$/, '').toLowerCase() : null;
}

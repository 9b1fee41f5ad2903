/**
 * What the public search may match, computed when a post is written: only fields the poster
 * consented to publish enter. Names become space-delimited keys (' 张三 zhangsan sanzhang ')
 * from the resolve engine's name readings (surname readings first, both orders, variant
 * characters — cases C08–C10), so '张三', 'zhang san', 'san zhang' and 'zhangsan' all find the
 * post; places become the division's names from province down and its code.
 */
import { lookupDivision } from '../../core/index.ts';
import { nameReadings, normalizeName, romanKey, splitName, variantKey } from '../../engines/resolve/index.ts';
import type { Consent } from './model.ts';
import type { PostPlace } from './posts/types.ts';

/** Search keys of one name: its normalised form, its variant key and its pinyin keys (no spaces). */
export function nameKeys(raw: string): string[] {
  const normalized = normalizeName(raw);
  if (!normalized) return [];
  const keys = new Set<string>();
  if (/\p{Script=Han}/u.test(normalized)) {
    keys.add(normalized.replace(/\s+/g, ''));
    keys.add(variantKey(normalized.replace(/\s+/g, '')));
  }
  for (const k of nameReadings(splitName(normalized)).keys) keys.add(romanKey(k) || k);
  return [...keys].filter((k) => k !== '' && !/\s/.test(k));
}

/** The `search_names` column: ' key key … ' of the consented names ('' when none is published). */
export function searchNames(post: { name: string | null; nickname: string | null; formerName: string | null }, consent: Consent): string {
  const keys = new Set<string>();
  if (consent.name && post.name) for (const k of nameKeys(post.name)) keys.add(k);
  if (consent.nickname && post.nickname) for (const k of nameKeys(post.nickname)) keys.add(k);
  if (consent.formerName && post.formerName) for (const k of nameKeys(post.formerName)) keys.add(k);
  return keys.size ? ` ${[...keys].join(' ')} ` : '';
}

/** The `search_place` column: 'names-from-province-down|code' when the place is published, else ''. */
export function searchPlace(place: PostPlace | null, consent: Consent): string {
  if (!consent.lossPlace || !place) return '';
  const info = lookupDivision(place.divisionCode);
  return `${info ? info.path.join('') : ''}|${place.divisionCode}`;
}

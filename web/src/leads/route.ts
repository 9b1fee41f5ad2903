/**
 * Places inside the leads page, in the hash route: `#/leads?case=<no>&tab=<tab>[&seed=<personKey>]`.
 */
export { useHashQuery } from '../app/router.ts';

export const TABS = ['case', 'rules', 'leads', 'network'] as const;
export type Tab = (typeof TABS)[number];

/** The hash of a place inside a case, e.g. caseHref('C-1', 'network', { seed: 'id:42' }). */
export function caseHref(caseNo: string, tab: Tab, extra: Readonly<Record<string, string>> = {}): string {
  const q = new URLSearchParams({ case: caseNo, tab, ...extra });
  return `#/leads?${q.toString()}`;
}

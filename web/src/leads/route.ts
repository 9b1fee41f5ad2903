/**
 * Places inside the leads page, in the hash route: `#/leads?case=<no>&tab=<tab>[&seed=<personKey>]`.
 */
import { useEffect, useState } from 'react';

export const TABS = ['case', 'rules', 'leads', 'network'] as const;
export type Tab = (typeof TABS)[number];

/** The query of the hash route, updated on navigation. */
export function useHashQuery(): URLSearchParams {
  const read = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const [q, setQ] = useState(read);
  useEffect(() => {
    const on = () => setQ(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return q;
}

/** The hash of a place inside a case, e.g. caseHref('C-1', 'network', { seed: 'id:42' }). */
export function caseHref(caseNo: string, tab: Tab, extra: Readonly<Record<string, string>> = {}): string {
  const q = new URLSearchParams({ case: caseNo, tab, ...extra });
  return `#/leads?${q.toString()}`;
}

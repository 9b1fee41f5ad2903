/**
 * The pages of the web app and which roles see them in the navigation. This mirrors the
 * server's declared policies (src/security/policies.ts: stats.read, parcel.register,
 * parcel.lookup, audit.read); the server still checks every request, so this table only
 * decides what the navigation offers.
 */
import type { Role } from '../api.ts';
import type { MessageKey } from '../i18n/index.ts';

export type PageId = 'dashboard' | 'register' | 'lookup' | 'audit';

export interface PageDef {
  readonly id: PageId;
  readonly path: string;
  readonly label: MessageKey;
  readonly roles: readonly Role[];
}

export const pages: readonly PageDef[] = [
  { id: 'dashboard', path: '/parcels/dashboard', label: 'nav.dashboard', roles: ['admin', 'regulator', 'viewer'] },
  { id: 'register', path: '/parcels/register', label: 'nav.register', roles: ['clerk', 'admin'] },
  { id: 'lookup', path: '/parcels/lookup', label: 'nav.lookup', roles: ['investigator'] },
  { id: 'audit', path: '/audit', label: 'nav.audit', roles: ['admin'] },
];

/** Pages a role may open, in navigation order. */
export function pagesFor(role: Role): readonly PageDef[] {
  return pages.filter((p) => p.roles.includes(role));
}

/** The page a path names, or undefined. */
export function pageAt(path: string): PageDef | undefined {
  return pages.find((p) => p.path === path);
}

/**
 * The pages of the web app and the declared policy each one needs. Which pages a role sees is
 * read from the server's own policy table (src/security/policies.ts, pure data shared with the
 * browser bundle), so the navigation and the server's checks cannot drift apart; the server
 * still checks every request.
 */
import { findPolicy, type Action, type RecordKind } from '../../../src/security/policies.ts';
import { EVIDENCE_POLICIES } from '../../../src/apps/evidence/policies.ts';
import { LEADS_POLICIES } from '../../../src/apps/leads/policies.ts';
import { DISPUTES_POLICIES } from '../../../src/apps/disputes/policies.ts';
import type { Role } from '../api.ts';
import { platformRolesFor } from '../reunion/model.ts';
import type { MessageKey } from '../i18n/index.ts';

export type PageId = 'dashboard' | 'register' | 'lookup' | 'audit' | 'evidence' | 'leads' | 'reunionPosts' | 'reunionTips' | 'reunionAlerts' | 'disputes' | 'disputesBodies' | 'disputesWarnings';

export interface PageDef {
  readonly id: PageId;
  readonly path: string;
  readonly label: MessageKey;
  /** The policy the page's main request is checked against. */
  readonly access: readonly [Action, RecordKind] | null;
  /** Roles granted the page by an app's own declared policy table (when `access` is null). */
  readonly roles?: readonly string[];
}

export const pages: readonly PageDef[] = [
  { id: 'dashboard', path: '/parcels/dashboard', label: 'nav.dashboard', access: ['stats.read', 'parcel'] },
  { id: 'register', path: '/parcels/register', label: 'nav.register', access: ['parcel.register', 'parcel'] },
  { id: 'lookup', path: '/parcels/lookup', label: 'nav.lookup', access: ['parcel.lookup', 'parcel'] },
  { id: 'audit', path: '/audit', label: 'nav.audit', access: ['audit.read', 'audit'] },
  { id: 'evidence', path: '/evidence', label: 'nav.evidence', access: null, roles: EVIDENCE_POLICIES['evidence.read'] },
  { id: 'leads', path: '/leads', label: 'nav.leads', access: null, roles: LEADS_POLICIES['leads.case.read'].roles },
  { id: 'reunionPosts', path: '/reunion/posts', label: 'nav.reunionPosts', access: null, roles: platformRolesFor('reunion.post.read') },
  { id: 'reunionTips', path: '/reunion/tips', label: 'nav.reunionTips', access: null, roles: platformRolesFor('reunion.tip.moderate') },
  { id: 'reunionAlerts', path: '/reunion/alerts', label: 'nav.reunionAlerts', access: null, roles: platformRolesFor('reunion.alert.send') },
  { id: 'disputes', path: '/disputes', label: 'nav.disputes', access: null, roles: DISPUTES_POLICIES['disputes.read'] },
  { id: 'disputesBodies', path: '/disputes/bodies', label: 'nav.disputesBodies', access: null, roles: DISPUTES_POLICIES['disputes.stats'] },
  { id: 'disputesWarnings', path: '/disputes/warnings', label: 'nav.disputesWarnings', access: null, roles: DISPUTES_POLICIES['disputes.read'] },
];

/** Pages a role is granted (purpose conditions are stated on the page itself), in navigation order. */
export function pagesFor(role: Role): readonly PageDef[] {
  return pages.filter((p) => (p.access ? Boolean(findPolicy(p.access[0], p.access[1])?.grants[role]) : Boolean(p.roles?.includes(role))));
}

/** The page a path names, or undefined. */
export function pageAt(path: string): PageDef | undefined {
  return pages.find((p) => p.path === path);
}

/**
 * Who may do what in the disputes application, as one declared table (pure data; the web app
 * reads it to show each role its pages). The platform's roles have no operator or mediator yet:
 * `regulator` (监管人员) stands for 综治中心 and mediation staff, `admin` may do everything,
 * `viewer` and `investigator` read lists and statistics without personal data. Full parties'
 * details need a stated purpose (≥ 4 characters) and are audited (DESIGN: safeguards).
 */

/** Actions of the disputes application. */
export type DisputesAction = 'disputes.intake' | 'disputes.read' | 'disputes.read_parties' | 'disputes.handle' | 'disputes.stats' | 'disputes.projects';

export const DISPUTES_POLICIES: Readonly<Record<DisputesAction, readonly string[]>> = {
  'disputes.intake': ['admin', 'regulator'],
  'disputes.read': ['admin', 'regulator', 'viewer', 'investigator'],
  'disputes.read_parties': ['admin', 'regulator'],
  'disputes.handle': ['admin', 'regulator'],
  'disputes.stats': ['admin', 'regulator', 'viewer', 'investigator'],
  'disputes.projects': ['admin', 'regulator'],
};

/** True when `role` is granted `action`. */
export function disputesAllowed(role: string, action: DisputesAction): boolean {
  return DISPUTES_POLICIES[action].includes(role);
}

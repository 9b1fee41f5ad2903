/**
 * Who may do what with the registry, as one declared table (pure data; the web app reads it).
 * The registry is public-service information: any signed-in role may read it (members' phones
 * stay masked); only administrators and regulators (综治中心 / 司法行政) edit it.
 */

/** Actions on the registry. */
export type OrgsAction = 'orgs.read' | 'orgs.write';

export const ORGS_POLICIES: Readonly<Record<OrgsAction, readonly string[]>> = {
  'orgs.read': ['admin', 'regulator', 'investigator', 'viewer', 'clerk'],
  'orgs.write': ['admin', 'regulator'],
};

/** True when `role` is granted `action`. */
export function orgsAllowed(role: string, action: OrgsAction): boolean {
  return ORGS_POLICIES[action].includes(role);
}

/**
 * Who may do what with case files, as one declared table (pure data, no Node imports: the web
 * app reads it to show the evidence page only to the roles granted it). Checked on the server
 * by access.ts before every evidence service call.
 */

/** Actions on case files. */
export type EvidenceAction = 'evidence.read' | 'evidence.write' | 'evidence.override';

/** Roles granted each action: case officers (investigator) and administrators. */
export const EVIDENCE_POLICIES: Readonly<Record<EvidenceAction, readonly string[]>> = {
  'evidence.read': ['investigator', 'admin'],
  'evidence.write': ['investigator', 'admin'],
  'evidence.override': ['investigator', 'admin'],
};

/** True when `role` is granted `action`. */
export function evidenceAllowed(role: string, action: EvidenceAction): boolean {
  return EVIDENCE_POLICIES[action].includes(role);
}

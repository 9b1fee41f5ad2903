/**
 * Who may do what in the leads application, as one declared table (pure data, no Node imports:
 * the web app may import it to show the leads pages only to the roles granted them). Checked on
 * the server by access.ts before every leads service call (the platform table in
 * src/security/policies.ts declares no leads actions).
 *
 * - `personLevel`: reads or derives data about persons; needs membership of the case, and every
 *   refusal and read is audited with the case number.
 * - `work`: changes or analyses inside the case; refused once the case is closed.
 *
 * Role `operator` is the shell user of the machine acting through the CLI without an account
 * (`cli:<os user>`, like `gongzhi user add`); no session can carry it (account roles are those of
 * src/security/policies.ts ROLES). It may open and list cases, nothing person-level.
 */

/** Actions of the leads application. */
export type LeadsAction =
  | 'leads.case.open'
  | 'leads.case.read'
  | 'leads.case.manage'
  | 'leads.rules.read'
  | 'leads.rules.run'
  | 'leads.tags.read'
  | 'leads.lead.score'
  | 'leads.lead.read'
  | 'leads.lead.review'
  | 'leads.lead.export'
  | 'leads.model.fit'
  | 'leads.graph.read'
  | 'leads.graph.export';

/** One row of the leads policy table. */
export interface LeadsPolicy {
  readonly roles: readonly string[];
  readonly personLevel: boolean;
  readonly work: boolean;
  readonly description: string;
}

const WORK = { roles: ['investigator'], personLevel: true, work: true } as const;

/** The policy table: investigators work cases they are members of; administrators open and manage cases. */
export const LEADS_POLICIES: Readonly<Record<LeadsAction, LeadsPolicy>> = Object.freeze({
  'leads.case.open': { roles: ['investigator', 'admin', 'operator'], personLevel: false, work: false, description: '立案 open a case' },
  'leads.case.read': { roles: ['investigator', 'admin', 'operator'], personLevel: false, work: false, description: 'read a case (members; administrators all)' },
  'leads.case.manage': { roles: ['investigator', 'admin'], personLevel: false, work: false, description: 'add members, close (the owner or an administrator)' },
  'leads.rules.read': { roles: ['investigator', 'admin'], personLevel: false, work: false, description: 'read the tag rules' },
  'leads.rules.run': { ...WORK, description: 'run tag rules (or a dry run) in a case' },
  'leads.tags.read': { ...WORK, work: false, description: 'read the tags of a case with their evidence' },
  'leads.lead.score': { ...WORK, description: 'score persons from live tags' },
  'leads.lead.read': { ...WORK, work: false, description: 'read the lead queue and a lead with evidence' },
  'leads.lead.review': { ...WORK, description: 'confirm or dismiss a lead with a reason' },
  'leads.lead.export': { ...WORK, description: 'export reviewed leads (CSV)' },
  'leads.model.fit': { ...WORK, description: "fit the scoring model to the case's decisions" },
  'leads.graph.read': { ...WORK, description: 'expand, paths, roles, spread in the network' },
  'leads.graph.export': { ...WORK, description: 'export the network (GEXF, GraphML, CSV)' },
});

/** True when `role` is granted `action`. */
export function leadsAllowed(role: string | null, action: LeadsAction): boolean {
  return role !== null && LEADS_POLICIES[action].roles.includes(role);
}

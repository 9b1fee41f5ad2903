/**
 * Declared access policies (STYLE: "authorization as declared policies, checked first", after
 * outline `server/policies/` and immich `requireAccess`): one table of role × action × record
 * kind → allowed, and whether the action is person-level (reads personal data of a person
 * chosen by the user) and therefore needs a stated purpose (DESIGN "Safeguards": person-level
 * analysis runs only for a registered purpose, and is audited).
 *
 * Services never test roles; routes call `requireAccess` (src/security/access.ts) or
 * `authorize` here before the service runs. This file is pure data and functions (no Node
 * imports): the web app imports it to show each role only the pages it may use.
 */

/** The roles of Gongzhi: 管理员, 收寄员, 监管人员, 侦查人员, 查看者. */
export const ROLES = ['admin', 'clerk', 'regulator', 'investigator', 'viewer'] as const;
/** One of ROLES. */
export type Role = (typeof ROLES)[number];

/** Role names for people (zh-CN, en). */
export const ROLE_LABELS: Readonly<Record<Role, { zh: string; en: string }>> = {
  admin: { zh: '管理员', en: 'administrator' },
  clerk: { zh: '收寄员', en: 'outlet clerk' },
  regulator: { zh: '监管人员', en: 'regulator' },
  investigator: { zh: '侦查人员', en: 'investigator' },
  viewer: { zh: '查看者', en: 'viewer' },
};

/** True when `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Actions that policies are declared for. */
export type Action =
  | 'parcel.register'
  | 'parcel.read_own_outlet'
  | 'parcel.lookup'
  | 'stats.read'
  | 'audit.read'
  | 'audit.verify'
  | 'user.manage';

/** Kinds of records a policy is about; statistics are declared on the kind they count. */
export type RecordKind = 'parcel' | 'audit' | 'user';

/** The conditions under which a role is granted an action. */
export interface Grant {
  /** A purpose (用途/查询事由) must be stated, at least MIN_PURPOSE_LENGTH characters. */
  readonly purpose: boolean;
  /**
   * Limited to the user's own outlet (clerks): the service must filter on `user.outlet`; the
   * policy states it so the limit is visible in one table.
   */
  readonly ownOutletOnly?: boolean;
}

/** One row of the policy table. */
export interface Policy {
  readonly action: Action;
  readonly recordKind: RecordKind;
  /** Reads personal data of a chosen person: refusals are audited too. */
  readonly personLevel: boolean;
  /** Roles allowed, each with its conditions; a role not listed is refused. */
  readonly grants: Readonly<Partial<Record<Role, Grant>>>;
  readonly description: string;
}

/** Minimum length of a stated purpose, in characters (code points). */
export const MIN_PURPOSE_LENGTH = 4;

/** The policy table. Adding an action = one row here. */
export const POLICIES: readonly Policy[] = Object.freeze([
  {
    action: 'parcel.register',
    recordKind: 'parcel',
    personLevel: false,
    grants: { admin: { purpose: false }, clerk: { purpose: false, ownOutletOnly: true } },
    description: '收寄登记 register parcels (a clerk for their own outlet)',
  },
  {
    action: 'parcel.read_own_outlet',
    recordKind: 'parcel',
    personLevel: false,
    grants: { clerk: { purpose: false, ownOutletOnly: true }, admin: { purpose: false } },
    description: "read the parcels registered at the clerk's own outlet (masked)",
  },
  {
    action: 'parcel.lookup',
    recordKind: 'parcel',
    personLevel: true,
    grants: { investigator: { purpose: true } },
    description: 'look parcels up by waybill, ID number or phone of a person: investigators with a stated purpose',
  },
  {
    action: 'stats.read',
    recordKind: 'parcel',
    personLevel: false,
    grants: { admin: { purpose: false }, regulator: { purpose: false }, viewer: { purpose: false }, investigator: { purpose: false } },
    description: 'aggregate statistics without personal data',
  },
  {
    action: 'audit.read',
    recordKind: 'audit',
    personLevel: false,
    grants: { admin: { purpose: false } },
    description: 'read the audit log',
  },
  {
    action: 'audit.verify',
    recordKind: 'audit',
    personLevel: false,
    grants: { admin: { purpose: false }, regulator: { purpose: false } },
    description: 'verify the hash chain of the audit log',
  },
  {
    action: 'user.manage',
    recordKind: 'user',
    personLevel: false,
    grants: { admin: { purpose: false } },
    description: 'create, list and disable users',
  },
] satisfies Policy[]);

/** The policy for (action, recordKind), or undefined when none is declared (which refuses). */
export function findPolicy(action: string, recordKind: string): Policy | undefined {
  return POLICIES.find((p) => p.action === action && p.recordKind === recordKind);
}

/** The subject of a decision: the signed-in user (only role and status matter here). */
export interface Subject {
  readonly role: string;
  readonly disabled?: boolean;
}

/** What the user stated with the request. */
export interface AccessOptions {
  /** 用途 / 查询事由 as stated by the user. */
  readonly purpose?: string | null | undefined;
}

/** Registered error codes (errors.ts) that authorize returns as refusal reasons. */
export type RefusalReason =
  | 'ACCESS_NO_POLICY'
  | 'ACCESS_ROLE_DENIED'
  | 'ACCESS_PURPOSE_REQUIRED'
  | 'ACCESS_PURPOSE_TOO_SHORT'
  | 'ACCESS_USER_DISABLED';

/** The answer of authorize: allowed with the grant and the trimmed purpose, or refused with a reason code and its params. */
export type Decision =
  | { readonly allowed: true; readonly reason: 'ALLOWED'; readonly policy: Policy; readonly grant: Grant; readonly purpose: string | null }
  | { readonly allowed: false; readonly reason: RefusalReason; readonly policy: Policy | undefined; readonly params: Readonly<Record<string, string | number>> };

/**
 * Decide whether `user` may perform `action` on `recordKind` (pure; no I/O, no audit).
 * Order: policy declared → account active → role granted → purpose stated and ≥ 4 characters
 * when the grant requires one. `reason` is 'ALLOWED' or a registered error code
 * (src/security/errors.ts) whose params are in `params`.
 *
 * @example authorize({ role: 'clerk' }, 'parcel.lookup', 'parcel') → { allowed: false, reason: 'ACCESS_ROLE_DENIED', … }
 * @example authorize({ role: 'investigator' }, 'parcel.lookup', 'parcel', { purpose: '盗窃案侦查' }) → { allowed: true, … }
 */
export function authorize(user: Subject, action: string, recordKind: string, options: AccessOptions = {}): Decision {
  const policy = findPolicy(action, recordKind);
  if (!policy) return { allowed: false, reason: 'ACCESS_NO_POLICY', policy, params: { action, recordKind } };
  if (user.disabled) return { allowed: false, reason: 'ACCESS_USER_DISABLED', policy, params: {} };
  const grant = isRole(user.role) ? policy.grants[user.role] : undefined;
  if (!grant) return { allowed: false, reason: 'ACCESS_ROLE_DENIED', policy, params: { role: user.role, action, recordKind } };
  const purpose = options.purpose?.trim() || null;
  if (grant.purpose) {
    if (!purpose) return { allowed: false, reason: 'ACCESS_PURPOSE_REQUIRED', policy, params: {} };
    if ([...purpose].length < MIN_PURPOSE_LENGTH) return { allowed: false, reason: 'ACCESS_PURPOSE_TOO_SHORT', policy, params: { min: MIN_PURPOSE_LENGTH } };
  }
  return { allowed: true, reason: 'ALLOWED', policy, grant, purpose };
}

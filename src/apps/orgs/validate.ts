/**
 * Check an org record before it enters the registry: kind, domain and categories from the
 * declared lists (types.ts), the unified social credit code by GB 32100-2015 (core uscc:
 * charset, check character, registration authority, division), the seat and served divisions
 * by GB/T 2260 (core division), capacity as a bounded integer, members with a role and a name.
 * Returns every problem at once as coded issues (CONVENTIONS: results, not exceptions).
 */
import { issue, type Issue } from '../../core/errors.ts';
import { validateDivision } from '../../core/division/division.ts';
import { validateUscc } from '../../core/uscc/uscc.ts';
import { OrgsErrors as E } from './errors.ts';
import { MEMBER_ROLES, ORG_KINDS, PROFESSIONAL_DOMAINS, SERVICE_CATEGORIES, type Org, type OrgMember } from './types.ts';

/** Loose input (a JSON body or an import row after splitting lists). */
export interface OrgInput {
  readonly code?: unknown;
  readonly name?: unknown;
  readonly kind?: unknown;
  readonly domain?: unknown;
  readonly uscc?: unknown;
  readonly divisionCode?: unknown;
  readonly divisionsServed?: unknown;
  readonly categories?: unknown;
  readonly capacity?: unknown;
  readonly phone?: unknown;
  readonly address?: unknown;
  readonly active?: unknown;
  readonly members?: unknown;
}

export type OrgValidation = { readonly valid: true; readonly org: Org; readonly warnings: readonly Issue[] } | { readonly valid: false; readonly errors: readonly Issue[] };

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
/** A list given as an array or as text separated by ; , 、 | or whitespace. */
export function splitList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(text).filter(Boolean);
  return text(v).split(/[;,，、|\s]+/u).map((s) => s.trim()).filter(Boolean);
}

function checkMembers(raw: unknown, errors: Issue[]): OrgMember[] {
  let list: unknown = raw;
  if (typeof raw === 'string' && raw.trim()) {
    try {
      list = JSON.parse(raw);
    } catch {
      errors.push(issue(E.ORGS_MEMBER_INVALID, { index: 0, reason: 'members is not a JSON array' }, 'members'));
      return [];
    }
  }
  if (list === undefined || list === null || list === '') return [];
  if (!Array.isArray(list)) {
    errors.push(issue(E.ORGS_MEMBER_INVALID, { index: 0, reason: 'members is not a list' }, 'members'));
    return [];
  }
  const out: OrgMember[] = [];
  list.forEach((m: Record<string, unknown>, i) => {
    const name = text(m?.name);
    const role = text(m?.role);
    if (!name) errors.push(issue(E.ORGS_MEMBER_INVALID, { index: i + 1, reason: 'name is empty' }, 'members'));
    else if (!(MEMBER_ROLES as readonly string[]).includes(role)) errors.push(issue(E.ORGS_MEMBER_INVALID, { index: i + 1, reason: `role "${role}" is not one of ${MEMBER_ROLES.join(', ')}` }, 'members'));
    else out.push({ name, role: role as OrgMember['role'], qualifications: splitList(m.qualifications), phone: text(m.phone) || null });
  });
  return out;
}

/**
 * Validate and normalise one org.
 * @returns `{ valid: true, org, warnings }` (USCC upper-cased, lists de-duplicated) or
 *   `{ valid: false, errors }` with ORGS_* codes (field set on each issue).
 * @example validateOrg({ code: 'MC-320102-01', name: '玄武区梅园街道人民调解委员会', kind: 'mediation_committee', divisionCode: '320102', divisionsServed: '320102', categories: 'general;family_neighbour', capacity: 40 })
 */
export function validateOrg(input: OrgInput): OrgValidation {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const code = text(input.code);
  const name = text(input.name);
  if (!code) errors.push(issue(E.ORGS_FIELD_REQUIRED, { field: 'code' }, 'code'));
  if (!name) errors.push(issue(E.ORGS_FIELD_REQUIRED, { field: 'name' }, 'name'));
  const kind = text(input.kind);
  if (!(ORG_KINDS as readonly string[]).includes(kind)) errors.push(issue(E.ORGS_KIND_UNKNOWN, { kind }, 'kind'));
  const domain = text(input.domain) || null;
  if (domain && !(PROFESSIONAL_DOMAINS as readonly string[]).includes(domain)) errors.push(issue(E.ORGS_DOMAIN_UNKNOWN, { domain }, 'domain'));
  let uscc: string | null = text(input.uscc) || null;
  if (uscc) {
    const r = validateUscc(uscc);
    if (!r.valid) errors.push(issue(E.ORGS_USCC_INVALID, { uscc, detail: r.errors.map((e) => e.message).join('；'), detailEn: r.errors.map((e) => e.messageEn).join('; ') }, 'uscc'));
    else {
      uscc = r.normalized;
      warnings.push(...r.warnings);
    }
  }
  const divisionCode = text(input.divisionCode);
  if (!validateDivision(divisionCode).valid) errors.push(issue(E.ORGS_DIVISION_INVALID, { code: divisionCode }, 'divisionCode'));
  const served = [...new Set(splitList(input.divisionsServed))];
  for (const c of served) if (!validateDivision(c).valid) errors.push(issue(E.ORGS_DIVISION_INVALID, { code: c }, 'divisionsServed'));
  const categories = [...new Set(splitList(input.categories))];
  if (categories.length === 0) errors.push(issue(E.ORGS_FIELD_REQUIRED, { field: 'categories' }, 'categories'));
  for (const c of categories) if (!(SERVICE_CATEGORIES as readonly string[]).includes(c)) errors.push(issue(E.ORGS_CATEGORY_UNKNOWN, { category: c }, 'categories'));
  const capacity = typeof input.capacity === 'number' ? input.capacity : Number(text(input.capacity));
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > 100_000) errors.push(issue(E.ORGS_CAPACITY_INVALID, { value: text(input.capacity) || String(input.capacity) }, 'capacity'));
  const members = checkMembers(input.members, errors);
  if (errors.length) return { valid: false, errors };
  const active = input.active === undefined || input.active === '' ? true : input.active === true || ['true', '1', '是', 'yes'].includes(text(input.active));
  return {
    valid: true,
    warnings,
    org: {
      code, name, kind: kind as Org['kind'], domain: domain as Org['domain'], uscc, divisionCode,
      divisionsServed: served.length ? served : [divisionCode], categories: categories as Org['categories'], capacity,
      phone: text(input.phone) || null, address: text(input.address) || null, active, members,
    },
  };
}

/** True when `divisionCode` (6 digits, county level usually) lies within a served code (province 'xx0000', prefecture 'xxxx00' or exact). */
export function divisionCovers(served: string, divisionCode: string): boolean {
  if (served === divisionCode) return true;
  if (served.endsWith('0000')) return divisionCode.startsWith(served.slice(0, 2));
  if (served.endsWith('00')) return divisionCode.startsWith(served.slice(0, 4));
  return false;
}

/** How closely a served code fits a division: 3 exact county, 2 prefecture, 1 province, 0 none. */
export function coverageLevel(served: readonly string[], divisionCode: string): number {
  let best = 0;
  for (const s of served) {
    if (!divisionCovers(s, divisionCode)) continue;
    best = Math.max(best, s === divisionCode ? 3 : s.endsWith('0000') ? 1 : 2);
  }
  return best;
}

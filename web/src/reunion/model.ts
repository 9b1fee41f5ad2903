/**
 * Pure helpers of the reunion pages (no React): who may open which page and fire which review
 * step (read from the server's declared tables in src/apps/reunion/policies.ts), the alert
 * radius rule, dates as posted, the explanation of a candidate sorted into what agreed, what
 * disagreed and what was missing, and the hash-route query.
 */
import { REUNION_POLICIES, REUNION_ROLE_OF, type ReunionAction, type ReunionRole } from '../../../src/apps/reunion/policies.ts';
import type { Role } from '../api.ts';
import type { ReunionKey } from './i18n/messages.ts';
import type { CandidateReview, CandidateTransition, FieldExplanation, PostDate } from './types.ts';

/** Platform roles granted a reunion action (volunteer = viewer, police = investigator, admin = admin). */
export function platformRolesFor(action: ReunionAction): Role[] {
  const granted = REUNION_POLICIES[action].roles;
  return (Object.entries(REUNION_ROLE_OF) as [Role, ReunionRole][]).filter(([, r]) => granted.includes(r)).map(([p]) => p);
}

/** True when `role` (platform) is granted `action`. */
export function may(role: Role, action: ReunionAction): boolean {
  return platformRolesFor(action).includes(role);
}

/**
 * The review steps of a candidate: the review states each leaves from and the reunion roles
 * that may fire it (mirrors CANDIDATE_TRANSITIONS in src/apps/reunion/verification.ts and the
 * roles of postWorkflow in workflow.ts; web/src/reunion/model.test.ts checks both). All but
 * openReview need a reason.
 */
export const REVIEW_STEPS: readonly { readonly transition: CandidateTransition; readonly from: readonly CandidateReview[]; readonly roles: readonly ReunionRole[]; readonly reason: boolean }[] = [
  { transition: 'openReview', from: ['pending'], roles: ['volunteer', 'police', 'admin'], reason: false },
  { transition: 'recommendDna', from: ['under_review'], roles: ['volunteer', 'admin'], reason: true },
  { transition: 'rejectCandidate', from: ['under_review'], roles: ['volunteer', 'police', 'admin'], reason: true },
  { transition: 'confirmReunited', from: ['recommended'], roles: ['police', 'admin'], reason: true },
  { transition: 'dnaNoMatch', from: ['recommended'], roles: ['police', 'admin'], reason: true },
];

/** The review steps `role` (platform) may fire on a candidate in state `review`. */
export function stepsFor(review: CandidateReview, role: Role): typeof REVIEW_STEPS {
  const r = REUNION_ROLE_OF[role] as ReunionRole | undefined;
  if (!r) return [];
  return REVIEW_STEPS.filter((s) => s.from.includes(review) && s.roles.includes(r));
}

/** The alert radius rule: up to `upToMinutes` since the loss (null = after), radius in km. */
export const RADIUS_RULE: readonly { readonly upToMinutes: number | null; readonly km: number }[] = [
  { upToMinutes: 60, km: 100 },
  { upToMinutes: 120, km: 200 },
  { upToMinutes: 180, km: 300 },
  { upToMinutes: null, km: 500 },
];

/** Radius in km for the minutes elapsed since the loss (a boundary minute belongs to the smaller circle). */
export function radiusFor(elapsedMinutes: number): number {
  return RADIUS_RULE.find((r) => r.upToMinutes === null || elapsedMinutes <= r.upToMinutes)!.km;
}

/** A date as posted: the poster's words in Chinese, the ISO partial form (2004, 2004-04, 2004-04-23) in English. */
export function dateText(d: PostDate | null | undefined, lang: 'zh-CN' | 'en'): string {
  if (!d) return '';
  if (lang === 'zh-CN' && d.given) return d.given;
  const p = (n: number) => String(n).padStart(2, '0');
  if (d.precision === 'day' && d.month && d.day) return `${d.year}-${p(d.month)}-${p(d.day)}`;
  if (d.precision === 'month' && d.month) return `${d.year}-${p(d.month)}`;
  return String(d.year);
}

/**
 * True unless the birth date proves the person is 18 or older at `now` (the latest day the
 * partial date can stand for, plus 18 years) — the rule of src/apps/reunion/publicView.ts, under
 * which a minor's place of loss is published as the division only.
 */
export function mayBeMinor(birthDate: PostDate | null | undefined, now: Date): boolean {
  if (!birthDate) return true;
  const latest = birthDate.precision === 'day' && birthDate.month && birthDate.day ? new Date(Date.UTC(birthDate.year, birthDate.month - 1, birthDate.day))
    : birthDate.precision === 'month' && birthDate.month ? new Date(Date.UTC(birthDate.year, birthDate.month, 0)) : new Date(Date.UTC(birthDate.year, 11, 31));
  return Date.UTC(latest.getUTCFullYear() + 18, latest.getUTCMonth(), latest.getUTCDate()) > now.getTime();
}

/** The dictionary key of a comparison level, or null for levels shown as the engine names them (bands such as 'cosine ≥ 0.4', 'within 31 d'). */
export function levelKey(level: string): ReunionKey | null {
  const known = ['exact', 'variant', 'pinyin', 'similar', 'different', 'agree', 'disagree', 'consistent', 'violated', 'missing', 'same county', 'same prefecture', 'near', 'same province'];
  return known.includes(level) ? (`level.${level}` as ReunionKey) : null;
}

/** The dictionary key of an explained field, or null for a field this page does not know. */
export function fieldKey(field: string): ReunionKey | null {
  const known = ['currentName', 'formerName', 'nickname', 'nicknameVsGiven', 'givenName', 'sex', 'birthDate', 'lossDate', 'postAfterLoss', 'lossPlace', 'heightThen', 'marks', 'memories', 'relatives', 'dialect'];
  return known.includes(field) ? (`field.${field}` as ReunionKey) : null;
}

/**
 * A candidate's fields sorted for a reviewer: `agreed` (weight > 0, or the best level at weight 0),
 * `disagreed` (weight < 0, or a lower level at weight 0), `missing` (either side absent); each
 * list in order of |weight|, largest first.
 */
export function splitExplanation(fields: readonly FieldExplanation[]): { agreed: FieldExplanation[]; disagreed: FieldExplanation[]; missing: FieldExplanation[] } {
  const agreed: FieldExplanation[] = [];
  const disagreed: FieldExplanation[] = [];
  const missing: FieldExplanation[] = [];
  for (const f of fields) {
    if (f.level === 'missing' || f.levelIndex === null) missing.push(f);
    else if (f.weight > 0 || (f.weight === 0 && f.levelIndex === 0)) agreed.push(f);
    else disagreed.push(f);
  }
  const byWeight = (a: FieldExplanation, b: FieldExplanation) => Math.abs(b.weight) - Math.abs(a.weight);
  return { agreed: agreed.sort(byWeight), disagreed: disagreed.sort(byWeight), missing };
}

/** The query part of the hash route (`#/reunion/posts?post=F1` → { post: 'F1' }). */
export function hashQuery(hash: string = window.location.hash): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(hash.split('?')[1] ?? ''));
}

/** A hash route with a query, empty values dropped: ('/public/search', { name: 'a b' }) → '#/public/search?name=a+b'. */
export function hashWith(path: string, query: Readonly<Record<string, string | number | undefined | null>>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

/**
 * Who may do what in reunion, as one declared table (pure data, no Node imports: the web app can
 * read it to show pages per role). The platform's role list (src/security/policies.ts ROLES) is
 * a closed constant and has no volunteer or police role, so reunion maps its three roles onto
 * it: volunteer (志愿者) = `viewer`, police (民警) = `investigator`, admin (管理员) = `admin`.
 * Checked on the server by access.ts before every staff service call.
 */

/** Roles inside reunion. */
export type ReunionRole = 'volunteer' | 'police' | 'admin';

/** Platform role → reunion role. A platform role not listed has no reunion access. */
export const REUNION_ROLE_OF: Readonly<Record<string, ReunionRole>> = { viewer: 'volunteer', investigator: 'police', admin: 'admin' };

/** The reunion role of a platform role, or null. */
export function reunionRole(platformRole: string): ReunionRole | null {
  return REUNION_ROLE_OF[platformRole] ?? null;
}

/** Actions on reunion records. */
export type ReunionAction =
  | 'reunion.post.write' | 'reunion.post.read' | 'reunion.contact.read' | 'reunion.candidate.review'
  | 'reunion.post.close' | 'reunion.tip.moderate' | 'reunion.alert.send' | 'reunion.pfif.exchange';

/** One row: roles granted, and whether a stated purpose (≥ 4 characters) is required. */
export interface ReunionPolicy {
  readonly roles: readonly ReunionRole[];
  readonly purpose: boolean;
  readonly description: string;
}

export const REUNION_POLICIES: Readonly<Record<ReunionAction, ReunionPolicy>> = {
  'reunion.post.write': { roles: ['volunteer', 'police', 'admin'], purpose: false, description: '登记、修改帖子 register and edit posts, consent, photos' },
  'reunion.post.read': { roles: ['volunteer', 'police', 'admin'], purpose: false, description: '查看帖子全部字段（联系方式脱敏） read posts, contacts masked' },
  'reunion.contact.read': { roles: ['police', 'admin'], purpose: true, description: '查看未脱敏联系方式 read contacts unmasked, with a purpose' },
  'reunion.candidate.review': { roles: ['volunteer', 'police', 'admin'], purpose: false, description: '计算与审核候选匹配 compute and review candidates (each transition has its own roles)' },
  'reunion.post.close': { roles: ['police', 'admin'], purpose: false, description: '结案、重新开启、记录DNA采样状态 close or reopen a post, record its DNA sample status' },
  'reunion.tip.moderate': { roles: ['volunteer', 'admin'], purpose: false, description: '审核群众线索 moderate tips from the public' },
  'reunion.alert.send': { roles: ['police', 'admin'], purpose: false, description: '推送走失预警、管理接收人 send alerts, manage subscribers' },
  'reunion.pfif.exchange': { roles: ['police', 'admin'], purpose: false, description: 'PFIF 导入导出 PFIF import and export' },
};

/** Minimum length of a stated purpose or reason, in characters. */
export const MIN_REASON_LENGTH = 4;

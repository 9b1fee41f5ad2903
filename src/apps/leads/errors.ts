/**
 * Codes of the leads application (issue 3): whole-request failures thrown as AppError. Codes are
 * global and never reused.
 */
import { defineErrors } from '../../core/errors.ts';

export const LeadsErrors = defineErrors('leads', {
  LEADS_ROLE_DENIED: { status: 403, zh: '角色 {role} 无权执行 {action}', en: 'the role {role} may not {action}' },
  LEADS_NOT_A_MEMBER: { status: 403, zh: '{username} 不是案件 {caseNo} 的成员', en: '{username} is not a member of case {caseNo}' },
  LEADS_NOT_CASE_MANAGER: { status: 403, zh: '只有案件负责人或管理员可以管理案件 {caseNo}', en: 'only the owner of case {caseNo} or an administrator may manage it' },
  LEADS_CASE_NOT_FOUND: { status: 404, zh: '案件 {caseNo} 不存在', en: 'case {caseNo} does not exist' },
  LEADS_CASE_EXISTS: { status: 409, zh: '案件 {caseNo} 已存在', en: 'case {caseNo} already exists' },
  LEADS_CASE_CLOSED: { status: 409, zh: '案件 {caseNo} 已结案，不能继续研判', en: 'case {caseNo} is closed; no further work in it' },
  LEADS_CASE_FIELD_REQUIRED: { status: 422, zh: '立案须写明{field}（至少 {min} 个字）', en: 'opening a case needs the {fieldEn} (at least {min} characters)' },
  LEADS_USER_UNKNOWN: { status: 422, zh: '用户 {username} 不存在或已停用', en: 'user {username} does not exist or is disabled' },
  LEADS_OWNER_ROLE: { status: 422, zh: '案件负责人 {username} 须为侦查人员（当前角色 {role}）', en: 'the owner {username} must be an investigator (role {role})' },
  LEADS_RULE_UNKNOWN: { status: 422, zh: '没有规则 {ruleId}', en: 'there is no rule {ruleId}' },
  LEADS_RULE_FILE_INVALID: { status: 500, zh: '规则文件 {file} 有误：{detail}', en: 'rule file {file} is invalid: {detail}' },
  LEADS_LEAD_NOT_FOUND: { status: 404, zh: '案件 {caseNo} 中没有线索 {leadId}', en: 'case {caseNo} has no lead {leadId}' },
  LEADS_REASON_REQUIRED: { status: 422, zh: '审核结论须写明理由（至少 {min} 个字）', en: 'a review decision needs a recorded reason (at least {min} characters)' },
  LEADS_NOT_REVIEWED: { status: 409, zh: '线索 {leadIds} 尚未经人工审核，不能导出', en: 'leads {leadIds} have not been reviewed by a person and cannot be exported' },
  LEADS_MODEL_INSUFFICIENT: { status: 422, zh: '拟合模型至少需要 {min} 条审核结论且确认与排除都有（现有确认 {confirmed}、排除 {dismissed}）', en: 'fitting needs at least {min} review decisions with both confirmations and dismissals (have {confirmed} confirmed, {dismissed} dismissed)' },
  LEADS_MODEL_NOT_FOUND: { status: 404, zh: '案件 {caseNo} 还没有拟合的评分模型', en: 'case {caseNo} has no fitted scoring model yet' },
  LEADS_SEED_NOT_FOUND: { status: 404, zh: '起点 {seed} 不在关系网络中', en: 'the seed {seed} is not in the network' },
  LEADS_SEED_INVALID: { status: 422, zh: '起点须为证件号码、人员键或节点键之一', en: 'a seed is one of an ID number, a person key or a node key' },
  LEADS_TOO_MANY_IDS: { status: 422, zh: '一次最多 {max} 条记录', en: 'at most {max} records at a time' },
});

/**
 * Codes of the orgs registry: field findings (422, reported as issues per row or per request)
 * and whole-request failures thrown as AppError. Codes are global and never reused.
 */
import { defineErrors } from '../../core/errors.ts';

export const OrgsErrors = defineErrors('orgs', {
  ORGS_FIELD_REQUIRED: { status: 422, zh: '缺少字段 {field}', en: 'field {field} is required' },
  ORGS_KIND_UNKNOWN: { status: 422, zh: '未知的机构类型 {kind}', en: 'unknown org kind {kind}' },
  ORGS_DOMAIN_UNKNOWN: { status: 422, zh: '未知的专业领域 {domain}', en: 'unknown professional domain {domain}' },
  ORGS_CATEGORY_UNKNOWN: { status: 422, zh: '未知的服务类别 {category}', en: 'unknown service category {category}' },
  ORGS_USCC_INVALID: { status: 422, zh: '统一社会信用代码 {uscc} 无效：{detail}', en: 'unified social credit code {uscc} is invalid: {detailEn}' },
  ORGS_DIVISION_INVALID: { status: 422, zh: '行政区划代码 {code} 无效', en: 'division code {code} is invalid' },
  ORGS_CAPACITY_INVALID: { status: 422, zh: '承办能力应为 0 至 100000 的整数，实际为 {value}', en: 'capacity must be an integer from 0 to 100000, got {value}' },
  ORGS_MEMBER_INVALID: { status: 422, zh: '第 {index} 名人员无效：{reason}', en: 'member {index} is invalid: {reason}' },
  ORGS_INVALID: { status: 422, zh: '机构信息有 {count} 处错误', en: 'the org has {count} problems' },
  ORGS_NOT_FOUND: { status: 404, zh: '机构 {code} 不存在', en: 'org {code} does not exist' },
  ORGS_ROLE_DENIED: { status: 403, zh: '角色 {role} 无权执行 {action}', en: 'the role {role} may not {action}' },
});

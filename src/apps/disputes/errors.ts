/**
 * Codes of the disputes application (appeals 诉求 and disputes 矛盾纠纷). Codes are global and
 * never reused; field findings carry status 422 and are returned as issues.
 */
import { defineErrors } from '../../core/errors.ts';

export const DisputesErrors = defineErrors('disputes', {
  DISPUTES_APPEAL_NOT_FOUND: { status: 404, zh: '诉求 {appealNo} 不存在', en: 'appeal {appealNo} does not exist' },
  DISPUTES_APPEAL_INVALID: { status: 422, zh: '诉求信息有 {count} 处错误', en: 'the appeal has {count} problems' },
  DISPUTES_DIVISION_INVALID: { status: 422, zh: '行政区划代码 {code} 无效', en: 'division code {code} is invalid' },
  DISPUTES_TIME_INVALID: { status: 422, zh: '时间 {value} 无法识别', en: 'time {value} cannot be read' },
  DISPUTES_TEXT_REQUIRED: { status: 422, zh: '诉求内容不能为空', en: 'the appeal text is empty' },
  DISPUTES_CATEGORY_UNKNOWN: { status: 422, zh: '未知的分类 {category}', en: 'unknown category {category}' },
  DISPUTES_TRANSITION_REFUSED: { status: 409, zh: '操作 {transition} 被拒绝：{reasons}', en: 'transition {transition} was refused: {reasonsEn}' },
  DISPUTES_STALE: { status: 409, zh: '诉求 {appealNo} 已被他人更新（版本 {expected}，实际 {actual}）', en: 'appeal {appealNo} was updated by someone else (expected version {expected}, found {actual})' },
  DISPUTES_NO_ORG: { status: 409, zh: '没有可承办 {routingKey} 类、覆盖区划 {divisionCode} 的机构', en: 'no org takes {routingKey} cases in division {divisionCode}' },
  DISPUTES_ORG_NOT_FOUND: { status: 404, zh: '机构 {code} 不存在或未启用', en: 'org {code} does not exist or is inactive' },
  DISPUTES_REASON_REQUIRED: { status: 422, zh: '{action} 必须填写理由', en: '{action} requires a reason' },
  DISPUTES_ESCALATION_UNAVAILABLE: { status: 409, zh: '此案不能转往 {route}（可选：{allowed}）', en: 'this case cannot be escalated to {route} (allowed: {allowed})' },
  DISPUTES_AGREEMENT_MISSING: { status: 404, zh: '诉求 {appealNo} 尚无调解协议', en: 'appeal {appealNo} has no mediation agreement yet' },
  DISPUTES_NOT_MEDIATING: { status: 409, zh: '只有调解中的案件可以记录{what}（当前状态 {state}）', en: 'only a case under mediation can record {whatEn} (state {state})' },
  DISPUTES_ATTACHMENT_TOO_LARGE: { status: 413, zh: '附件超过 {max} 字节', en: 'attachment exceeds {max} bytes' },
  DISPUTES_ATTACHMENT_MISSING: { status: 422, zh: '请求中没有文件', en: 'the request carries no file' },
  DISPUTES_ATTACHMENT_NOT_FOUND: { status: 404, zh: '附件 {id} 不存在', en: 'attachment {id} does not exist' },
  DISPUTES_PROJECT_INVALID: { status: 422, zh: '项目信息无效：{reason}', en: 'the project is invalid: {reason}' },
  DISPUTES_PROJECT_NOT_FOUND: { status: 404, zh: '征地拆迁项目 {code} 不存在', en: 'land-requisition project {code} does not exist' },
  DISPUTES_ROLE_DENIED: { status: 403, zh: '角色 {role} 无权执行 {action}', en: 'the role {role} may not {action}' },
  DISPUTES_IMPORT_ROW: { status: 422, zh: '第 {row} 行：{reason}', en: 'row {row}: {reason}' },
});

/**
 * Codes of the reunion application (posts, verification, candidates, tips, alerts, public
 * search, PFIF over HTTP). Module name 'reunion'; the PFIF format codes live in pfif/errors.ts
 * and the demo generator's in posts/errors.ts. Codes are global and never reused.
 */
import { defineErrors } from '../../core/errors.ts';

export const ReunionErrors = defineErrors('reunion', {
  REUNION_DATE_INVALID: { status: 422, zh: '{field} 日期无效：{value}', en: '{field}: invalid date {value}' },
  REUNION_LUNAR_DATE_INVALID: { status: 422, zh: '{field} 农历日期无效：{value}（{reason}）', en: '{field}: invalid lunar date {value} ({reason})' },
  REUNION_DATE_IN_FUTURE: { status: 422, zh: '{field} 晚于今天：{value}', en: '{field} is later than today: {value}' },
  REUNION_LOSS_BEFORE_BIRTH: { status: 422, zh: '走失日期 {loss} 早于出生日期 {birth}', en: 'date of loss {loss} is before the birth date {birth}' },
  REUNION_DIVISION_INVALID: { status: 422, zh: '{field} 行政区划代码无效：{value}', en: '{field}: unknown division code {value}' },
  REUNION_NAME_REQUIRED: { status: 422, zh: '请填写姓名或小名，或注明姓名不详', en: 'give a name or a nickname, or state that the name is unknown' },
  REUNION_POST_NOT_FOUND: { status: 404, zh: '帖子 {id} 不存在', en: 'post {id} does not exist' },
  REUNION_POST_EXISTS: { status: 409, zh: '帖子 {id} 已存在', en: 'post {id} already exists' },
  REUNION_ROLE_DENIED: { status: 403, zh: '角色 {role} 无权执行 {action}', en: 'the role {role} may not {action}' },
  REUNION_TRANSITION_REFUSED: { status: 409, zh: '帖子 {id} 不能执行“{transition}”：{reason}', en: 'post {id} cannot take "{transition}": {reasonEn}' },
  REUNION_CANDIDATE_NOT_FOUND: { status: 404, zh: '候选匹配 {id} 不存在', en: 'candidate match {id} does not exist' },
  REUNION_CANDIDATE_NOT_REVIEWED: { status: 409, zh: '候选匹配 {id} 尚未经志愿者审核并建议比对DNA，不得告知家属', en: 'candidate match {id} has not been reviewed and recommended for a DNA comparison by a volunteer; the family may not be told' },
  REUNION_NO_CANDIDATES: { status: 422, zh: '帖子 {id} 没有可比对的帖子（{reason}）', en: 'post {id} has no posts to be compared with ({reasonEn})' },
  REUNION_PHOTO_UNSUPPORTED: { status: 415, zh: '照片须为 JPEG 或 PNG：{reason}', en: 'photos must be JPEG or PNG: {reason}' },
  REUNION_PHOTO_NOT_FOUND: { status: 404, zh: '照片 {id} 不存在或未公开', en: 'photo {id} does not exist or is not published' },
  REUNION_TIP_NOT_FOUND: { status: 404, zh: '线索 {id} 不存在', en: 'tip {id} does not exist' },
  REUNION_TIP_ALREADY_MODERATED: { status: 409, zh: '线索 {id} 已审核（{status}）', en: 'tip {id} was already moderated ({status})' },
  REUNION_REASON_REQUIRED: { status: 422, zh: '须写明理由（至少 {min} 个字）', en: 'a reason is required (at least {min} characters)' },
  REUNION_ALERT_NO_LOSS_TIME: { status: 422, zh: '帖子 {id} 没有走失时间（lostAt），不能推送预警', en: 'post {id} has no time of loss (lostAt); no alert can be sent' },
  REUNION_ALERT_NO_PLACE: { status: 422, zh: '帖子 {id} 的走失地点 {code} 没有位置坐标', en: 'the place of loss {code} of post {id} has no coordinates' },
  REUNION_CHANNEL_UNKNOWN: { status: 422, zh: '没有推送渠道 {channel}', en: 'there is no alert channel {channel}' },
  REUNION_SEARCH_EMPTY: { status: 422, zh: '请至少给出姓名、地点、年份或日期之一', en: 'give at least a name, a place, a year or a date' },
  REUNION_PFIF_UNREADABLE: { status: 422, zh: 'PFIF 文档无法读取：{reason}', en: 'the PFIF document cannot be read: {reason}' },
});

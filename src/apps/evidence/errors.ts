/**
 * Codes of the evidence application. Two families:
 * - findings of the checker (the code of each Finding; status 422 is used only if a request
 *   fails because of one): EVIDENCE_REQUIREMENT_MISSING … EVIDENCE_CONTRADICTION;
 * - whole-request failures thrown as AppError: EVIDENCE_CASE_NOT_FOUND, EVIDENCE_OVERRIDE_REASON_REQUIRED …
 * Codes are global and never reused.
 */
import { defineErrors } from '../../core/errors.ts';

export const EvidenceErrors = defineErrors('evidence', {
  EVIDENCE_REQUIREMENT_MISSING: { status: 422, zh: '缺少{elementZh}证据：{text}', en: 'missing evidence of {elementEn}: {textEn}' },
  EVIDENCE_CONDITION_MISSING: { status: 422, zh: '条件未满足：{text}', en: 'condition not met: {textEn}' },
  EVIDENCE_CONDITION_BELOW_THRESHOLD: { status: 422, zh: '{text}（证据 {item} 所示为 {value} {unit}）', en: '{textEn} (item {item} shows {value} {unit})' },
  EVIDENCE_CONFESSION_ONLY: { status: 422, zh: '{text}：供述 {items} 没有其他证据印证', en: '{textEn}: confession {items} is not corroborated by any other evidence' },
  EVIDENCE_RECORDING_MISSING: { status: 422, zh: '{text}：讯问笔录 {item}', en: '{textEn}: interrogation record {item}' },
  EVIDENCE_INTERROGATION_PLACE: { status: 422, zh: '{text}：讯问笔录 {item}（地点：{location}）', en: '{textEn}: interrogation record {item} (place: {location})' },
  EVIDENCE_FACILITY_LATE: { status: 422, zh: '{text}：{person} 拘留后 {hours} 小时', en: '{textEn}: {person}, {hours} hours after detention' },
  EVIDENCE_SIGNATURE_MISSING: { status: 422, zh: '{text}：{item}', en: '{textEn}: {item}' },
  EVIDENCE_RECORD_SIGNATURE_MISSING: { status: 422, zh: '{text}：{item}', en: '{textEn}: {item}' },
  EVIDENCE_EXPERT_FORMALITY: { status: 422, zh: '{text}：{item}', en: '{textEn}: {item}' },
  EVIDENCE_ORIGIN_UNPROVEN: { status: 422, zh: '{text}：{item}', en: '{textEn}: {item}' },
  EVIDENCE_CUSTODY_GAP: { status: 422, zh: '{text}：{item}，{detail}', en: '{textEn}: {item}, {detailEn}' },
  EVIDENCE_ARREST_REQUEST_LATE: { status: 422, zh: '{text}：{person} 拘留后 {days} 日提请（期限 {limit} 日）', en: '{textEn}: {person}, requested {days} days after detention (limit {limit} days)' },
  EVIDENCE_CONTRADICTION: { status: 422, zh: '{text}：{a} 为“{valueA}”，{b} 为“{valueB}”', en: '{textEn}: {a} says "{valueA}", {b} says "{valueB}"' },
  EVIDENCE_CASE_NOT_FOUND: { status: 404, zh: '案件 {caseNo} 不存在', en: 'case {caseNo} does not exist' },
  EVIDENCE_CASE_EXISTS: { status: 409, zh: '案件 {caseNo} 已存在', en: 'case {caseNo} already exists' },
  EVIDENCE_CHARGE_UNKNOWN: { status: 422, zh: '没有罪名 {charge} 的证据标准', en: 'there is no evidence standard for the charge {charge}' },
  EVIDENCE_ITEM_EXISTS: { status: 409, zh: '案件 {caseNo} 已有证据 {item}', en: 'case {caseNo} already has item {item}' },
  EVIDENCE_PERSON_UNKNOWN: { status: 422, zh: '证据 {item} 所指人员 {person} 不在案件中', en: 'item {item} names person {person}, who is not in the case' },
  EVIDENCE_OVERRIDE_REASON_REQUIRED: { status: 422, zh: '推翻审查结论须写明理由（至少 {min} 个字）', en: 'overriding a finding needs a recorded reason (at least {min} characters)' },
  EVIDENCE_OVERRIDE_NOT_ALLOWED: { status: 422, zh: '规则 {ruleId} 的结论不得推翻（{reason}）', en: 'findings of rule {ruleId} cannot be overridden ({reasonEn})' },
  EVIDENCE_FINDING_NOT_FOUND: { status: 404, zh: '当前审查结果中没有结论 {key}', en: 'the current check has no finding {key}' },
  EVIDENCE_ROLE_DENIED: { status: 403, zh: '角色 {role} 无权执行 {action}', en: 'the role {role} may not {action}' },
});

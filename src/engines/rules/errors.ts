/**
 * Error codes of the tag-rule engine (src/engines/rules). Syntax and type errors are returned as
 * `Issue` values with `line`/`column` params; run-time problems of one condition (a missing named
 * list, a missing fact) are warnings and never stop a run (cases C19, C20).
 */
import { defineErrors } from '../../core/errors.ts';

export const RuleErrors = defineErrors('rules', {
  RULE_SYNTAX: { status: 422, zh: '规则语法错误（第 {line} 行第 {column} 列）：{reason}', en: 'rule syntax error at line {line}, column {column}: {reason}' },
  RULE_FILE_INVALID: { status: 422, zh: '规则文件无效：{reason}', en: 'invalid rule file: {reason}' },
  RULE_FIELD_INVALID: { status: 422, zh: '规则 {ruleId} 的字段 {field} 无效：{reason}', en: 'rule {ruleId}: invalid field {field}: {reason}' },
  RULE_DURATION_INVALID: { status: 422, zh: '时长格式无效：{value}（应为 30d、12h、2w 或 ISO 8601 如 P90D）', en: 'invalid duration {value} (expected 30d, 12h, 2w or ISO 8601 such as P90D)' },
  RULE_UNKNOWN_FACT: { status: 422, zh: '未知事实 {name}（第 {line} 行第 {column} 列）', en: 'unknown fact {name} at line {line}, column {column}' },
  RULE_UNKNOWN_RECORD_KIND: { status: 422, zh: '未知记录类型 {name}（第 {line} 行第 {column} 列）', en: 'unknown record kind {name} at line {line}, column {column}' },
  RULE_UNKNOWN_FIELD: { status: 422, zh: '记录类型 {kind} 没有字段 {name}（第 {line} 行第 {column} 列）', en: 'record kind {kind} has no field {name} at line {line}, column {column}' },
  RULE_UNKNOWN_LIST: { status: 422, zh: '未声明的名单 {name}（第 {line} 行第 {column} 列）', en: 'undeclared named list {name} at line {line}, column {column}' },
  RULE_TYPE_MISMATCH: { status: 422, zh: '类型不匹配（第 {line} 行第 {column} 列）：{reason}', en: 'type mismatch at line {line}, column {column}: {reason}' },
  RULE_PERSON_LINK: { status: 422, zh: '聚合 {kind} 无法关联到人员（第 {line} 行第 {column} 列）：{reason}', en: 'aggregate over {kind} has no link to the person at line {line}, column {column}: {reason}' },
  RULE_DUPLICATE_ID: { status: 422, zh: '规则编号 {ruleId} 重复', en: 'duplicate rule id {ruleId}' },
  RULE_MISSING_LIST: { status: 200, zh: '名单 {name} 不存在，条件 {condition} 按不成立处理', en: 'named list {name} is missing: condition {condition} is treated as not holding' },
  RULE_RUN_FAILED: { status: 500, zh: '规则 {ruleId} 执行失败：{reason}', en: 'rule {ruleId} failed: {reason}' },
});

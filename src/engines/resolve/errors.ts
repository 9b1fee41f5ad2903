/**
 * Error codes of the resolve engine (entity resolution and matching). Bad configurations are
 * whole-request failures (`AppError`); bad values inside records are never thrown (a missing or
 * unparseable value is a missing comparison, weight 0).
 */
import { defineErrors } from '../../core/errors.ts';

export const ResolveErrors = defineErrors('resolve', {
  RESOLVE_CONFIG_INVALID: { status: 422, zh: '匹配配置无效：{reason}', en: 'invalid matching configuration: {reason}' },
  RESOLVE_UNKNOWN_COMPARATOR: { status: 422, zh: '未知的比较器：{kind}', en: 'unknown comparator: {kind}' },
  RESOLVE_UNKNOWN_FIELD: { status: 422, zh: '比较项 {field} 不存在', en: 'no comparison named {field}' },
  RESOLVE_NO_CANDIDATE_PAIRS: { status: 422, zh: '分块后没有候选对，无法估计参数', en: 'blocking produced no candidate pairs; parameters cannot be estimated' },
  RESOLVE_LABELS_INSUFFICIENT: { status: 422, zh: '标注样本不足：需要匹配与非匹配各至少 {min} 对', en: 'not enough labelled pairs: need at least {min} matches and {min} non-matches' },
  RESOLVE_NOT_FITTED: { status: 409, zh: '模型尚未估计 m/u 参数', en: 'the model has no m/u parameters yet (fit it first)' },
});

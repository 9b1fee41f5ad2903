/** Error codes of the HTTP API assembly (request validation). Never reused, never renamed. */
import { defineErrors } from '../core/errors.ts';

/** Codes of the API assembly (zh + en), registered at import. */
export const ApiErrors = defineErrors('api', {
  VALIDATION_FAILED: { status: 422, zh: '请求有 {count} 处无效，详见各字段', en: 'the request has {count} invalid value(s); see the fields' },
  FIELD_INVALID: { status: 422, zh: '字段“{field}”无效：{reason}', en: 'invalid {field}: {reason}' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请 {retryAfter} 后再试', en: 'too many requests; try again in {retryAfter}' },
  ROUTE_NOT_FOUND: { status: 404, zh: '没有这个接口：{method} {url}', en: 'no such endpoint: {method} {url}' },
});

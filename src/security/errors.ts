/**
 * Error codes of the security module (users, sessions, policies, audit log). Codes are global
 * and never reused or renamed (src/core/errors.ts). Refusal reasons of `authorize` are codes
 * from this table so a refused request carries the exact reason in both languages.
 */
import { defineErrors } from '../core/errors.ts';

/** Codes of the security module (zh + en), registered at import. */
export const SecurityErrors = defineErrors('security', {
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'wrong username or password' },
  ACCESS_NO_POLICY: { status: 403, zh: '没有为 {action}（{recordKind}）声明访问策略', en: 'no access policy is declared for {action} on {recordKind}' },
  ACCESS_ROLE_DENIED: { status: 403, zh: '角色“{role}”无权执行 {action}（{recordKind}）', en: 'role "{role}" may not perform {action} on {recordKind}' },
  ACCESS_PURPOSE_REQUIRED: { status: 403, zh: '查询个人信息须说明用途（查询事由）', en: 'a purpose must be stated for person-level access' },
  ACCESS_PURPOSE_TOO_SHORT: { status: 403, zh: '查询事由至少 {min} 个字', en: 'the purpose must be at least {min} characters' },
  ACCESS_USER_DISABLED: { status: 403, zh: '账号已停用', en: 'the account is disabled' },
  USERNAME_INVALID: { status: 422, zh: '用户名须为 2–64 位字母、数字、点、下划线或连字符', en: 'a username is 2–64 letters, digits, dots, underscores or hyphens' },
  USERNAME_TAKEN: { status: 409, zh: '用户名“{username}”已存在', en: 'username "{username}" is already taken' },
  ROLE_UNKNOWN: { status: 422, zh: '未知角色“{role}”，可选：{roles}', en: 'unknown role "{role}"; one of: {roles}' },
  USER_OUTLET_REQUIRED: { status: 422, zh: '收寄员账号须指定网点', en: 'a clerk account needs an outlet' },
  PASSWORD_TOO_WEAK: { status: 422, zh: '密码至少 {min} 个字符', en: 'the password must be at least {min} characters' },
  AUDIT_ENTRY_INVALID: { status: 500, zh: '审计记录无效：{reason}', en: 'invalid audit entry: {reason}' },
});

/** Any code of SecurityErrors. */
export type SecurityErrorCode = keyof typeof SecurityErrors;

import { defineErrors } from '../../core/errors.ts';

export const WorkflowErrors = defineErrors('workflow', {
  WORKFLOW_UNKNOWN_TRANSITION: { status: 422, zh: '流程 {workflow} 没有操作 {transition}', en: 'workflow {workflow} has no transition {transition}' },
  WORKFLOW_TRANSITION_NOT_ALLOWED: {
    status: 409,
    zh: '当前状态 {state} 不能执行操作 {transition}（允许的起始状态：{from}）',
    en: 'transition {transition} is not allowed from state {state} (allowed from: {from})',
  },
  WORKFLOW_REASON_REQUIRED: { status: 422, zh: '操作 {transition} 必须填写理由', en: 'transition {transition} requires a reason' },
  WORKFLOW_ROLE_FORBIDDEN: { status: 403, zh: '角色 {role} 不能执行操作 {transition}', en: 'role {role} may not perform {transition}' },
  WORKFLOW_ACTOR_REQUIRED: { status: 422, zh: '必须记录操作人', en: 'an actor is required' },
  WORKFLOW_TIME_ORDER: { status: 422, zh: '操作时间 {at} 早于上一步 {previous}', en: 'transition time {at} is before the previous step {previous}' },
  WORKFLOW_STALE: { status: 409, zh: '流程已被他人更新（版本 {expected}，实际 {actual}）', en: 'workflow was updated by someone else (expected version {expected}, found {actual})' },
  SLA_BAD_DURATION: { status: 422, zh: '时限格式无效：{value}', en: 'invalid time limit: {value}' },
});

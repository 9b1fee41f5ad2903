/**
 * One registry of stable error codes (after fastify `lib/errors.js`). Each module declares its
 * codes with `defineErrors` in its own `errors.ts`; codes are global, UPPER_SNAKE, never reused
 * and never renamed. A code carries an HTTP status and a zh-CN and an en message template whose
 * `{name}` placeholders are filled from params.
 *
 * Bad input is reported as a value (`Issue`), never thrown. `AppError` is thrown only for
 * failures of a request as a whole (not found, forbidden, conflict), and the API turns it into
 * `{ error: { code, message, messageEn, params } }` with the code's status.
 */

export interface ErrorDef {
  /** HTTP status when this code fails a request as a whole. */
  readonly status: number;
  /** Simplified Chinese message template, e.g. '校验码应为 {expected}'. */
  readonly zh: string;
  /** English message template. */
  readonly en: string;
}

/** A coded finding about one value: the shape of every validation error and warning. */
export interface Issue {
  readonly code: string;
  /** zh-CN message, placeholders filled. */
  readonly message: string;
  /** English message, placeholders filled. */
  readonly messageEn: string;
  readonly params?: Readonly<Record<string, string | number | boolean | null>>;
  /** The field the issue is about, when known (ingest rows, API bodies). */
  readonly field?: string;
}

const registry = new Map<string, ErrorDef & { module: string }>();

/**
 * Register a module's error codes. Throws at import time (a programming error) if a code is
 * already registered by another module or is not UPPER_SNAKE.
 */
export function defineErrors<const T extends Record<string, ErrorDef>>(module: string, defs: T): { readonly [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, def] of Object.entries(defs)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(code)) throw new Error(`error code ${code} is not UPPER_SNAKE`);
    const existing = registry.get(code);
    if (existing && existing.module !== module) throw new Error(`error code ${code} defined by both ${existing.module} and ${module}`);
    registry.set(code, { ...def, module });
    (codes as Record<string, string>)[code] = code;
  }
  return Object.freeze(codes);
}

function fill(template: string, params: Issue['params']): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params && k in params ? String(params[k]) : m));
}

/** Build an `Issue` for a registered code. Throws if the code was never registered (a bug). */
export function issue(code: string, params?: Issue['params'], field?: string): Issue {
  const def = registry.get(code);
  if (!def) throw new Error(`unregistered error code ${code}`);
  const out: { -readonly [K in keyof Issue]: Issue[K] } = { code, message: fill(def.zh, params), messageEn: fill(def.en, params) };
  if (params) out.params = params;
  if (field !== undefined) out.field = field;
  return out;
}

/** The definition of a registered code, or undefined. */
export function errorDef(code: string): (ErrorDef & { module: string }) | undefined {
  return registry.get(code);
}

/** Every registered code (for the docs-sync test and the error catalogue endpoint). */
export function allErrors(): ReadonlyArray<{ code: string } & ErrorDef & { module: string }> {
  return [...registry.entries()].map(([code, d]) => ({ code, ...d }));
}

/** A whole-request failure with a registered code; the API maps it to the code's HTTP status. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issue: Issue;
  readonly details: readonly Issue[];
  constructor(code: string, params?: Issue['params'], details: readonly Issue[] = []) {
    const i = issue(code, params);
    super(i.messageEn);
    this.name = 'AppError';
    this.code = code;
    this.status = errorDef(code)!.status;
    this.issue = i;
    this.details = details;
  }
}

/** Codes used across the platform (not owned by one module). */
export const CommonErrors = defineErrors('core', {
  NOT_FOUND: { status: 404, zh: '未找到：{what}', en: 'not found: {what}' },
  BAD_REQUEST: { status: 400, zh: '请求无效：{reason}', en: 'bad request: {reason}' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'please log in' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作：{reason}', en: 'forbidden: {reason}' },
  CONFLICT: { status: 409, zh: '冲突：{reason}', en: 'conflict: {reason}' },
  REQUIRED: { status: 422, zh: '必填项缺失', en: 'required value is missing' },
  INTERNAL: { status: 500, zh: '内部错误', en: 'internal error' },
});

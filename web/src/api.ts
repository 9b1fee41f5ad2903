/**
 * The web app's one door to the Gongzhi HTTP API: JSON in and out, the session cookie sent
 * with every request (same origin), and every failure turned into an `ApiError`
 * `{ code, message, messageEn, status, details }` whose messages the UI shows in the current
 * language. A 401 from any call other than login notifies the shell, which returns to login.
 */

/** A coded finding as the server's validators and services return it (src/core/errors.ts Issue). */
export interface Issue {
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  readonly params?: Readonly<Record<string, string | number | boolean | null>>;
  readonly field?: string;
}

/** The server's ValidationResult<P> (src/core/result.ts). */
export interface ValidationResult<P = Record<string, unknown>> {
  readonly valid: boolean;
  readonly normalized: string | null;
  readonly parsed: P | null;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}

export type Role = 'admin' | 'clerk' | 'regulator' | 'investigator' | 'viewer';

export interface User {
  readonly id: number | string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly outlet: string | null;
}

/** A failed request: the server's coded error, or a network failure (code NETWORK). */
export class ApiError extends Error {
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly status: number;
  readonly details: readonly Issue[];
  constructor(status: number, body: { code: string; message: string; messageEn?: string; details?: readonly Issue[] }) {
    super(body.messageEn ?? body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageZh = body.message;
    this.messageEn = body.messageEn ?? body.message;
    this.details = body.details ?? [];
  }
  /** The bilingual shape `pick` takes. */
  get bilingual(): { message: string; messageEn: string } {
    return { message: this.messageZh, messageEn: this.messageEn };
  }
}

let onUnauthenticated: (() => void) | null = null;

/** Called by the shell: what to do when the session has expired (401 outside login). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Query = Readonly<Record<string, string | number | undefined | null>>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const err = (body as { error?: { code?: string; message?: string; messageEn?: string; details?: Issue[] } } | null)?.error;
  if (err?.code && err.message) return new ApiError(res.status, { code: err.code, message: err.message, messageEn: err.messageEn, details: err.details });
  return new ApiError(res.status, { code: `HTTP_${res.status}`, message: `服务器返回 ${res.status}`, messageEn: `server answered ${res.status}` });
}

/**
 * Call the API. `path` starts with /api. Resolves to the parsed JSON body on 2xx; rejects with
 * ApiError otherwise (network failures: code NETWORK, status 0). `signal` aborts the request.
 */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: options.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接服务器', messageEn: 'cannot reach the server' });
  }
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') onUnauthenticated?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** GET helper. */
export function get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return api<T>('GET', path, { query, signal });
}

/** POST helper. */
export function post<T>(path: string, body?: unknown): Promise<T> {
  return api<T>('POST', path, { body: body ?? {} });
}

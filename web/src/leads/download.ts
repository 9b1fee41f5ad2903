/**
 * File answers of the leads API (lead CSV, network GEXF/GraphML/CSV): fetched with the session
 * cookie, refused requests turned into the server's coded ApiError (e.g. LEADS_NOT_REVIEWED), and
 * the file handed to the browser as a download. `api()` in web/src/api.ts parses JSON only.
 */
import { ApiError } from '../api.ts';

async function fail(res: Response): Promise<never> {
  type Body = { error?: { code?: string; message?: string; messageEn?: string } } | null;
  const body = await res.json().then((b: unknown) => b as Body, () => null);
  const e = body?.error;
  throw new ApiError(res.status, e?.code && e.message ? { code: e.code, message: e.message, messageEn: e.messageEn } : { code: `HTTP_${res.status}`, message: `服务器返回 ${res.status}`, messageEn: `server answered ${res.status}` });
}

/** The file name of a Content-Disposition header, or `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const m = disposition?.match(/filename="([^"]+)"/);
  return m ? decodeURIComponent(m[1]!) : fallback;
}

/**
 * Fetch a file (GET, or POST with a JSON body) and save it. Resolves to the saved name and the
 * text; rejects with ApiError (NETWORK when the server cannot be reached).
 */
export async function downloadFile(path: string, fallbackName: string, body?: unknown): Promise<{ name: string; text: string }> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接服务器', messageEn: 'cannot reach the server' });
  }
  if (!res.ok) await fail(res);
  const text = await res.text();
  const name = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(new Blob([text], { type: res.headers.get('content-type') ?? 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return { name, text };
}

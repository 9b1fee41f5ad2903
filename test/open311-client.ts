/**
 * A tiny GeoReport v2 client written from the spec alone (wiki.open311.org/GeoReport_v2), with
 * no import from the server: it speaks XML (the required format) or JSON over fetch, posts
 * form-encoded bodies with attribute[code]=value, and reads the spec's error lists.
 */
import { XMLParser } from 'fast-xml-parser';

export interface ClientService { service_code: string; service_name: string; description: string; metadata: boolean; type: string; keywords: string; group: string }
export interface ClientAttribute { code: string; datatype: string; required: boolean; description: string; order: number; values: { key: string; name: string }[] }
export interface ClientRequest { service_request_id: string; status: string; service_code: string; service_name: string; description: string; requested_datetime: string; expected_datetime: string; address: string; lat: number | null; long: number | null }

/** A failed call: HTTP status and the spec's error list. */
export class Open311ClientError extends Error {
  constructor(readonly status: number, readonly errors: { code: string; description: string }[]) {
    super(`HTTP ${status}: ${errors.map((e) => e.description).join('; ')}`);
  }
}

const LISTS = ['service', 'request', 'error', 'attribute', 'value'];

/** A client for one endpoint, e.g. new Open311Client('http://127.0.0.1:8080/api/open311/v2', 'xml'). */
export class Open311Client {
  private readonly xml = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.includes(name) });
  constructor(private readonly endpoint: string, private readonly format: 'xml' | 'json' = 'xml', private readonly apiKey?: string) {}

  private async call(path: string, init?: RequestInit): Promise<unknown> {
    const res = await fetch(`${this.endpoint}/${path}`, init);
    const text = await res.text();
    const body = this.format === 'json' ? JSON.parse(text) : this.xml.parse(text);
    if (!res.ok) {
      const list = this.format === 'json' ? (body as { code: unknown; description: string }[]) : (body.errors.error as { code: unknown; description: string }[]);
      throw new Open311ClientError(res.status, list.map((e) => ({ code: String(e.code), description: e.description })));
    }
    return body;
  }

  private unwrap<T>(body: unknown, root: string, item: string): T[] {
    if (this.format === 'json') return body as T[];
    return ((body as Record<string, Record<string, T[]> | ''>)[root] || { [item]: [] })[item] ?? [];
  }

  /** GET Service List. */
  async services(): Promise<ClientService[]> {
    const list = this.unwrap<Record<string, string | boolean>>(await this.call(`services.${this.format}`), 'services', 'service');
    return list.map((s) => ({ ...(s as unknown as ClientService), service_code: String(s.service_code), metadata: s.metadata === true || s.metadata === 'true' }));
  }

  /** GET Service Definition: the attributes, in order. */
  async definition(code: string): Promise<ClientAttribute[]> {
    const body = await this.call(`services/${encodeURIComponent(code)}.${this.format}`);
    const def = this.format === 'json' ? (body as { attributes: Record<string, unknown>[] }) : (body as { service_definition: { attributes: { attribute?: Record<string, unknown>[] } } }).service_definition;
    const attrs = (this.format === 'json' ? (def as { attributes: Record<string, unknown>[] }).attributes : ((def as { attributes: { attribute?: Record<string, unknown>[] } }).attributes.attribute ?? [])) as Record<string, unknown>[];
    return attrs
      .map((a) => ({
        code: String(a.code), datatype: String(a.datatype), required: a.required === true || a.required === 'true', description: String(a.description), order: Number(a.order),
        values: (this.format === 'json' ? (a.values as { key: string; name: string }[]) : (((a.values as { value?: { key: string; name: string }[] }) || {}).value ?? [])).map((v) => ({ key: String(v.key), name: v.name })),
      }))
      .sort((x, y) => x.order - y.order);
  }

  /** POST Service Request; returns service_request_id, or token for batch services. */
  async submit(fields: Record<string, string | number>, attributes: Record<string, string | string[]> = {}): Promise<{ service_request_id?: string; token?: string; service_notice?: string }> {
    const form = new URLSearchParams();
    if (this.apiKey) form.set('api_key', this.apiKey);
    for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
    for (const [code, v] of Object.entries(attributes)) {
      if (Array.isArray(v)) for (const x of v) form.append(`attribute[${code}][]`, x);
      else form.set(`attribute[${code}]`, v);
    }
    const body = await this.call(`requests.${this.format}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: form.toString() });
    const [first] = this.unwrap<Record<string, string>>(body, 'service_requests', 'request');
    const out: { service_request_id?: string; token?: string; service_notice?: string } = {};
    if (first?.service_request_id !== undefined) out.service_request_id = String(first.service_request_id);
    if (first?.token !== undefined) out.token = String(first.token);
    if (first?.service_notice) out.service_notice = first.service_notice;
    return out;
  }

  /** GET service_request_id from a token. */
  async fromToken(token: string): Promise<string> {
    const [first] = this.unwrap<Record<string, string>>(await this.call(`tokens/${token}.${this.format}`), 'service_requests', 'request');
    return String(first!.service_request_id);
  }

  /** GET Service Request. */
  async request(id: string): Promise<ClientRequest> {
    const [first] = this.unwrap<Record<string, string | number | null>>(await this.call(`requests/${id}.${this.format}`), 'service_requests', 'request');
    const num = (v: unknown) => (v === null || v === '' || v === undefined ? null : Number(v));
    return { ...(first as unknown as ClientRequest), service_request_id: String(first!.service_request_id), lat: num(first!.lat), long: num(first!.long) };
  }

  /** GET Service Requests with the spec's optional arguments. */
  async requests(query: Record<string, string> = {}): Promise<ClientRequest[]> {
    const q = new URLSearchParams(query).toString();
    return this.unwrap<ClientRequest>(await this.call(`requests.${this.format}${q ? `?${q}` : ''}`), 'service_requests', 'request');
  }
}

/**
 * The GeoReport v2 methods as domain functions (the routes only parse the wire and present):
 * POST Service Request (`submitServiceRequest`) and the arguments of GET Service Requests
 * (`requestFilterFrom`). Bad input fails the request as a whole with every problem found, as
 * the spec's error list allows ("Multiple errors codes and descriptions can be returned").
 *
 * Times (case C18): a `requested_datetime` (a Gongzhi extension for channels that replay
 * earlier calls, e.g. a hotline's batch upload) or a `start_date` / `end_date` without an
 * offset is local time of the endpoint's zone (default Asia/Shanghai); it is stored as the
 * UTC instant, counted on the local day of that zone, and written back out with the zone's
 * offset (+08:00).
 */
import { AppError, issue, type Issue } from '../../../core/errors.ts';
import { localDay as localDayOf, parseDate } from '../../../core/date/date.ts';
import { parseAddress } from '../../../core/division/address.ts';
import { validateDivision } from '../../../core/division/division.ts';
import type { PlatformContext } from '../../../platform/module.ts';
import { verifyApiKey } from './apiKeys.ts';
import type { AppealSink, RequestFilter } from './appealSink.ts';
import { Open311Errors as E } from './errors.ts';
import { expectedAt, type Open311Service, type ServiceCatalogue } from './services.ts';

/** A parsed request body or query: single values are strings, repeated ones arrays. */
export type WireArgs = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What the endpoint needs: platform, storage, catalogue and its zone. */
export interface Open311Deps {
  readonly ctx: PlatformContext;
  readonly sink: AppealSink;
  readonly catalogue: ServiceCatalogue;
  /** IANA zone of the endpoint (requested_datetime without offset, local days, output offsets). */
  readonly timezone: string;
  /** Refuse requests whose county cannot be told (when requests become routed appeals). */
  readonly requireDivision?: boolean;
}

/** The POST response item: service_request_id or token (never both), notice and account id. */
export interface SubmitResult {
  readonly id: string;
  readonly token: string;
  readonly type: Open311Service['type'];
  readonly serviceNotice: string;
  readonly accountId: string | null;
  readonly localDay: string;
}

const MAX_DESCRIPTION = 4000;
const RANGE_MS = 90 * 86_400_000;

/** The first value of an argument, trimmed; empty counts as absent (spec, "Optional Arguments"). */
export function arg(args: WireArgs, name: string): string | null {
  const v = args[name];
  const s = (Array.isArray(v) ? v[0] : v) as string | undefined;
  return s === undefined || s.trim() === '' ? null : s.trim();
}

/** Every value of a repeatable, comma-delimited argument (service_code, status, service_request_id). */
export function listArg(args: WireArgs, name: string): string[] {
  const v = args[name];
  const all = v === undefined ? [] : Array.isArray(v) ? v : [v as string];
  return all.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
}

function instant(value: string, field: string, timezone: string): { at: Date; localDay: string } | Issue {
  const r = parseDate(value, { timezone });
  const p = r.parsed;
  if (!r.valid || !p || !p.instant || !p.localDay) return issue(E.OPEN311_BAD_DATETIME, { field, value });
  return { at: new Date(p.instant), localDay: p.localDay };
}

const isIssue = (v: unknown): v is Issue => typeof v === 'object' && v !== null && 'code' in v && 'messageEn' in v;

function checkAttributes(service: Open311Service, answers: Readonly<Record<string, string | readonly string[]>>, timezone: string): Issue[] {
  const problems: Issue[] = [];
  for (const a of service.attributes) {
    const raw = answers[a.code];
    const values = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw as string]).map((v) => v.trim()).filter(Boolean);
    if (values.length === 0) {
      if (a.required) problems.push(issue(E.OPEN311_ATTRIBUTE_REQUIRED, { code: a.code, description: a.description }));
      continue;
    }
    const bad = (value: string, reason: string) => problems.push(issue(E.OPEN311_ATTRIBUTE_INVALID, { code: a.code, value, reason }));
    if (a.datatype !== 'multivaluelist' && values.length > 1) bad(values.join(','), 'one value expected');
    for (const v of values) {
      if ((a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') && !a.values.some((x) => x.key === v)) bad(v, `not one of ${a.values.map((x) => x.key).join(', ')}`);
      if (a.datatype === 'number' && !Number.isFinite(Number(v))) bad(v, 'not a number');
      if (a.datatype === 'datetime' && !parseDate(v, { timezone }).parsed?.localDay) bad(v, 'not a W3C date or datetime');
    }
  }
  return problems;
}

function coordinate(args: WireArgs, field: 'lat' | 'long', limit: number, problems: Issue[]): number | null {
  const v = arg(args, field);
  if (v === null) return null;
  const n = Number(v);
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    problems.push(issue(E.OPEN311_BAD_COORDINATE, { field, value: v }));
    return null;
  }
  return n;
}

function fail(problems: readonly Issue[]): never {
  throw new AppError(problems[0]!.code, problems[0]!.params, problems);
}

/**
 * POST Service Request. `args` are the form or JSON fields; `attributes` the attribute[code]
 * answers. Checks the api_key first (403), then the service_code (400 missing, 404 unknown),
 * the location (one of lat & long, address_string, address_id), the description (≤ 4,000
 * characters), the attributes of the service definition, requested_datetime, and the division
 * (Gongzhi extension `division_code`, GB/T 2260; else read from address_string; required when
 * `deps.requireDivision`).
 * @throws AppError with every problem in `details`.
 */
export async function submitServiceRequest(deps: Open311Deps, args: WireArgs, attributes: Readonly<Record<string, string | readonly string[]>>): Promise<SubmitResult> {
  const key = arg(args, 'api_key');
  if (key === null) fail([issue(E.OPEN311_API_KEY_MISSING)]);
  const apiKeyId = await verifyApiKey(deps.ctx, key);
  if (apiKeyId === null) fail([issue(E.OPEN311_API_KEY_INVALID)]);
  const code = arg(args, 'service_code');
  if (code === null) fail([issue(E.OPEN311_SERVICE_CODE_MISSING)]);
  const service = deps.catalogue.byCode.get(code);
  if (!service) fail([issue(E.OPEN311_SERVICE_NOT_FOUND, { serviceCode: code })]);

  const problems: Issue[] = [];
  const lat = coordinate(args, 'lat', 90, problems);
  const long = coordinate(args, 'long', 180, problems);
  const address = arg(args, 'address_string');
  const addressId = arg(args, 'address_id');
  if (!((lat !== null && long !== null) || address !== null || addressId !== null) && problems.length === 0) problems.push(issue(E.OPEN311_LOCATION_REQUIRED));
  const description = arg(args, 'description');
  if (description && description.length > MAX_DESCRIPTION) problems.push(issue(E.OPEN311_DESCRIPTION_TOO_LONG, { length: description.length }));
  problems.push(...checkAttributes(service, attributes, deps.timezone));
  const divisionArg = arg(args, 'division_code');
  if (divisionArg !== null && !validateDivision(divisionArg).valid) problems.push(issue(E.OPEN311_BAD_DIVISION, { value: divisionArg }));
  const divisionCode = divisionArg ?? (address ? (parseAddress(address)?.divisionCode ?? null) : null);
  if (deps.requireDivision && divisionCode === null && divisionArg === null) problems.push(issue(E.OPEN311_DIVISION_REQUIRED));
  const requestedText = arg(args, 'requested_datetime');
  const requested = requestedText === null ? null : instant(requestedText, 'requested_datetime', deps.timezone);
  if (isIssue(requested)) problems.push(requested);
  if (problems.length) fail(problems);

  const now = deps.ctx.now();
  const at = requested && !isIssue(requested) ? requested : { at: now, localDay: localDayOf(now, deps.timezone) };
  const localDay = at.localDay;
  const accountId = arg(args, 'account_id');
  const created = await deps.sink.create({
    serviceCode: service.code, serviceName: service.name, description, requestedAt: at.at, localDay,
    expectedAt: expectedAt(service, at.at), serviceNotice: service.notice, agencyResponsible: null,
    address, addressId, zipcode: arg(args, 'zipcode'), lat, long, mediaUrl: arg(args, 'media_url'), attributes,
    jurisdictionId: arg(args, 'jurisdiction_id'), apiKeyId, divisionCode,
    category: service.category.id,
    submitter: { email: arg(args, 'email'), phone: arg(args, 'phone'), firstName: arg(args, 'first_name'), lastName: arg(args, 'last_name'), deviceId: arg(args, 'device_id'), accountId },
  });
  return { ...created, type: service.type, serviceNotice: service.notice, accountId, localDay };
}

/**
 * The filter of GET Service Requests: service_request_id (comma list; overrides all other
 * arguments), service_code (comma list), start_date / end_date (W3C datetimes; at most 90 days
 * apart; without either, the most recent 90 days; with one, 90 days from or to it) and status
 * (open, closed; comma list).
 * @throws AppError OPEN311_BAD_DATETIME, OPEN311_DATE_RANGE_TOO_LONG, OPEN311_BAD_STATUS.
 */
export function requestFilterFrom(args: WireArgs, now: Date, timezone: string): RequestFilter {
  const ids = listArg(args, 'service_request_id');
  if (ids.length) return { ids };
  const problems: Issue[] = [];
  const bound = (field: string) => {
    const v = arg(args, field);
    if (v === null) return null;
    const r = instant(v, field, timezone);
    if (isIssue(r)) {
      problems.push(r);
      return null;
    }
    return r.at;
  };
  const startArg = bound('start_date');
  const endArg = bound('end_date');
  const statuses = listArg(args, 'status');
  for (const s of statuses) if (s !== 'open' && s !== 'closed') problems.push(issue(E.OPEN311_BAD_STATUS, { value: s }));
  if (problems.length) fail(problems);
  const end = endArg ?? (startArg ? new Date(startArg.getTime() + RANGE_MS) : now);
  const start = startArg ?? new Date(end.getTime() - RANGE_MS);
  if (end.getTime() - start.getTime() > RANGE_MS) fail([issue(E.OPEN311_DATE_RANGE_TOO_LONG)]);
  const serviceCodes = listArg(args, 'service_code');
  return { start, end, ...(serviceCodes.length ? { serviceCodes } : {}), ...(statuses.length ? { statuses: statuses as ('open' | 'closed')[] } : {}) };
}

/**
 * Where the Open311 endpoint keeps service requests: a small interface (`AppealSink`) so the
 * endpoint does not depend on how the disputes application stores appeals, and its SQL
 * implementation over `open311_requests` (schema.ts). The submitter's contact fields are
 * encrypted with a key derived from the platform secret (`open311/submitter`) and never read
 * back by the endpoint.
 */
import crypto from 'node:crypto';
import type { PlatformContext } from '../../../platform/module.ts';
import { FieldCipher, deriveKey } from '../../../security/crypto.ts';
import { open311Db, type Open311RequestRow } from './schema.ts';

/** Contact fields of the person submitting (GeoReport v2 POST optional arguments). */
export interface Submitter {
  readonly email: string | null;
  readonly phone: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly deviceId: string | null;
  readonly accountId: string | null;
}

/** A request to store. Instants are Date; `localDay` is 'YYYY-MM-DD' in the endpoint's zone. */
export interface ServiceRequestInput {
  readonly serviceCode: string;
  readonly serviceName: string;
  readonly description: string | null;
  readonly requestedAt: Date;
  readonly localDay: string;
  readonly expectedAt: Date | null;
  readonly serviceNotice: string | null;
  readonly agencyResponsible: string | null;
  readonly address: string | null;
  readonly addressId: string | null;
  readonly zipcode: string | null;
  readonly lat: number | null;
  readonly long: number | null;
  readonly mediaUrl: string | null;
  /** attribute[code] answers; multivaluelist answers are arrays. */
  readonly attributes: Readonly<Record<string, string | readonly string[]>>;
  readonly jurisdictionId: string | null;
  readonly apiKeyId: number | null;
  readonly submitter: Submitter;
  /** The service's category path 'level1/level2/level3' (the disputes category id). */
  readonly category?: string | null;
  /** GB/T 2260 division from the `division_code` argument or the address (null when neither names one). */
  readonly divisionCode?: string | null;
  /** The id in a source system (replays, imports): a second create with it returns the first. */
  readonly externalId?: string | null;
}

/** A stored request as the endpoint presents it (no submitter fields). */
export interface StoredServiceRequest extends Omit<ServiceRequestInput, 'submitter' | 'apiKeyId' | 'category' | 'divisionCode' | 'externalId'> {
  readonly id: string;
  readonly token: string;
  readonly status: 'open' | 'closed';
  readonly statusNotes: string | null;
  readonly updatedAt: Date;
}

/** GET requests filters (GeoReport v2): ids override every other filter. */
export interface RequestFilter {
  readonly ids?: readonly string[];
  readonly serviceCodes?: readonly string[];
  /** Inclusive bounds on requested_datetime. */
  readonly start?: Date;
  readonly end?: Date;
  readonly statuses?: readonly ('open' | 'closed')[];
  /** Most recent first; default 1,000. */
  readonly limit?: number;
}

/** The storage the Open311 endpoint writes to and reads from. */
export interface AppealSink {
  /** Store a new request; returns its service_request_id and token (`existing` when its externalId was stored before). */
  create(input: ServiceRequestInput): Promise<{ id: string; token: string; existing?: boolean }>;
  get(id: string): Promise<StoredServiceRequest | null>;
  getByToken(token: string): Promise<StoredServiceRequest | null>;
  list(filter: RequestFilter): Promise<StoredServiceRequest[]>;
  /** Open or close a request with a note (status_notes) at an instant; null when unknown. */
  setStatus(id: string, change: { status: 'open' | 'closed'; notes: string | null; at: Date }): Promise<StoredServiceRequest | null>;
}

const MAX_LIST = 1000;

function present(r: Open311RequestRow & { id: number }): StoredServiceRequest {
  return {
    id: String(r.id),
    token: r.token,
    status: r.status === 'closed' ? 'closed' : 'open',
    statusNotes: r.status_notes,
    serviceCode: r.service_code,
    serviceName: r.service_name,
    description: r.description,
    requestedAt: new Date(r.requested_at),
    localDay: r.local_day,
    updatedAt: new Date(r.updated_at),
    expectedAt: r.expected_at ? new Date(r.expected_at) : null,
    serviceNotice: r.service_notice,
    agencyResponsible: r.agency_responsible,
    address: r.address,
    addressId: r.address_id,
    zipcode: r.zipcode,
    lat: r.lat === null ? null : Number(r.lat),
    long: r.lon === null ? null : Number(r.lon),
    mediaUrl: r.media_url,
    attributes: JSON.parse(r.attributes) as Record<string, string | string[]>,
    jurisdictionId: r.jurisdiction_id,
  };
}

const numericId = (id: string): number | null => (/^[1-9]\d{0,14}$/.test(id) ? Number(id) : null);

/**
 * The SQL sink over `open311_requests` (SQLite or PostgreSQL through Kysely).
 * Tokens are 16 random bytes in hex; ids are the row's serial number as text.
 */
export function sqlAppealSink(ctx: PlatformContext): AppealSink {
  const db = open311Db(ctx.database.db);
  const cipher = new FieldCipher(deriveKey(ctx.secret, 'open311/submitter'));
  const select = () => db.selectFrom('open311_requests').selectAll();
  const one = async (q: ReturnType<typeof select>) => {
    const row = await q.executeTakeFirst();
    return row ? present(row as Open311RequestRow & { id: number }) : null;
  };
  const sink: AppealSink = {
    async create(input) {
      if (input.externalId) {
        const found = await db.selectFrom('open311_requests').select(['id', 'token']).where('external_id', '=', input.externalId).executeTakeFirst();
        if (found) return { id: String(found.id), token: found.token, existing: true };
      }
      const token = crypto.randomBytes(16).toString('hex');
      const s = input.submitter;
      const hasSubmitter = Object.values(s).some((v) => v !== null && v !== '');
      const row = await db
        .insertInto('open311_requests')
        .values({
          token, service_code: input.serviceCode, service_name: input.serviceName, status: 'open', status_notes: null,
          description: input.description, agency_responsible: input.agencyResponsible, service_notice: input.serviceNotice,
          requested_at: input.requestedAt.toISOString(), local_day: input.localDay, updated_at: input.requestedAt.toISOString(),
          expected_at: input.expectedAt?.toISOString() ?? null, address: input.address, address_id: input.addressId, zipcode: input.zipcode,
          lat: input.lat, lon: input.long, media_url: input.mediaUrl, attributes: JSON.stringify(input.attributes),
          jurisdiction_id: input.jurisdictionId, api_key_id: input.apiKeyId, submitter_enc: hasSubmitter ? cipher.encrypt(JSON.stringify(s)) : null, external_id: input.externalId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(row.id), token };
    },
    async get(id) {
      const n = numericId(id);
      return n === null ? null : one(select().where('id', '=', n));
    },
    async getByToken(token) {
      return one(select().where('token', '=', token));
    },
    async list(filter) {
      let q = select();
      if (filter.ids) {
        const ids = filter.ids.map(numericId).filter((n): n is number => n !== null);
        if (ids.length === 0) return [];
        q = q.where('id', 'in', ids);
      } else {
        if (filter.serviceCodes?.length) q = q.where('service_code', 'in', [...filter.serviceCodes]);
        if (filter.start) q = q.where('requested_at', '>=', filter.start.toISOString());
        if (filter.end) q = q.where('requested_at', '<=', filter.end.toISOString());
        if (filter.statuses?.length) q = q.where('status', 'in', [...filter.statuses]);
      }
      const rows = await q.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(Math.min(filter.limit ?? MAX_LIST, MAX_LIST)).execute();
      return rows.map((r) => present(r as Open311RequestRow & { id: number }));
    },
    async setStatus(id, change) {
      const n = numericId(id);
      if (n === null) return null;
      await db.updateTable('open311_requests').set({ status: change.status, status_notes: change.notes, updated_at: change.at.toISOString() }).where('id', '=', n).execute();
      return sink.get(id);
    },
  };
  return sink;
}

/**
 * GeoReport v2 wire formats. XML is written exactly in the shape of the spec's examples: the XML
 * declaration `<?xml version="1.0" encoding="utf-8"?>`, no namespace, 4-space indentation, root
 * elements `services/service`, `service_definition` (with `attributes/attribute` and
 * `values/value`), `service_requests/request` and `errors/error`; an empty or null value is an
 * empty element. JSON follows the spec's JSON examples (the Spark-convention mapping of the
 * XML): lists are arrays of objects, null for empty values, booleans and numbers typed.
 * Content types: `text/xml; charset=utf-8` and `application/json; charset=utf-8` (spec,
 * "Format Support").
 */
import { formatLocal } from '../../../core/date/date.ts';
import type { StoredServiceRequest } from './appealSink.ts';
import type { Open311Service } from './services.ts';

/** The two formats GeoReport v2 names. */
export type Open311Format = 'xml' | 'json';

/** HTTP content types of the two formats (spec, "Format Support"). */
export const CONTENT_TYPES: Readonly<Record<Open311Format, string>> = { xml: 'text/xml; charset=utf-8', json: 'application/json; charset=utf-8' };

type Scalar = string | number | boolean | null;
/** A value the writers accept: scalars, records, and arrays of records. */
export type WireValue = Scalar | WireRecord | readonly WireRecord[] | readonly string[];
/** An ordered record: key order is element order. */
export interface WireRecord { readonly [key: string]: WireValue }

/** Element name of the items of a wrapped list (spec: attributes/attribute, values/value). */
const ITEM_TAG: Readonly<Record<string, string>> = { attributes: 'attribute', values: 'value', services: 'service', service_requests: 'request', errors: 'error', endpoints: 'endpoint', formats: 'format' };

// Characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/FFFF) are dropped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const escapeXml = (s: string) => s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function element(tag: string, value: WireValue, depth: number): string {
  const pad = '    '.repeat(depth);
  if (value === null || value === '') return `${pad}<${tag}></${tag}>`;
  if (Array.isArray(value)) {
    const item = ITEM_TAG[tag] ?? 'item';
    if (value.length === 0) return `${pad}<${tag}></${tag}>`;
    return [`${pad}<${tag}>`, ...(value as WireValue[]).map((v) => element(item, v, depth + 1)), `${pad}</${tag}>`].join('\n');
  }
  if (typeof value === 'object') {
    const rec = value as WireRecord;
    return [`${pad}<${tag}>`, ...Object.keys(rec).map((k) => element(k, rec[k]!, depth + 1)), `${pad}</${tag}>`].join('\n');
  }
  return `${pad}<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/** An XML document: the declaration and one root element (a list root wraps its items). */
export function toXml(root: string, value: WireValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, 0)}\n`;
}

/** A document in the format: XML under `root`, or the JSON of `value`. */
export function render(format: Open311Format, root: string, value: WireValue): string {
  return format === 'xml' ? toXml(root, value) : JSON.stringify(value);
}

/** GET Service List item. */
export function serviceListItem(s: Open311Service): WireRecord {
  return { service_code: s.code, service_name: s.name, description: s.description, metadata: s.attributes.length > 0, type: s.type, keywords: s.keywords, group: s.group };
}

/** GET Service Definition body. */
export function serviceDefinition(s: Open311Service): WireRecord {
  return {
    service_code: s.code,
    attributes: s.attributes.map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatypeDescription,
      order: a.order,
      description: a.description,
      values: a.values.map((v) => ({ key: v.key, name: v.name })),
    })),
  };
}

/** GET Service Request(s) item, times written in the endpoint's zone with their offset (C18). */
export function requestItem(r: StoredServiceRequest, timezone: string): WireRecord {
  return {
    service_request_id: r.id,
    status: r.status,
    status_notes: r.statusNotes,
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: r.description,
    agency_responsible: r.agencyResponsible,
    service_notice: r.serviceNotice,
    requested_datetime: formatLocal(r.requestedAt, timezone),
    updated_datetime: formatLocal(r.updatedAt, timezone),
    expected_datetime: r.expectedAt ? formatLocal(r.expectedAt, timezone) : null,
    address: r.address,
    address_id: r.addressId,
    zipcode: r.zipcode,
    lat: r.lat,
    long: r.long,
    media_url: r.mediaUrl,
  };
}

/** The spec's error list: code (the HTTP status, as in the spec's example) and description. */
export function errorList(errors: readonly { status: number; description: string }[]): WireRecord[] {
  return errors.map((e) => ({ code: e.status, description: e.description }));
}

/**
 * The Service Discovery document (wiki.open311.org/Service_Discovery, "Fields for All
 * Versions"): changeset, contact, key_service and one GeoReport v2 endpoint with its formats.
 */
export function discoveryDocument(input: { url: string; changeset: string }): WireRecord {
  return {
    changeset: input.changeset,
    contact: '请联系本平台管理员 / contact the administrator of this Gongzhi platform',
    key_service: 'API 密钥由管理员签发（gongzhi open311 key create --label …）/ API keys are issued by an administrator (gongzhi open311 key create --label …)',
    endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: input.url, changeset: input.changeset, type: 'production', formats: ['text/xml', 'application/json'] }],
  };
}

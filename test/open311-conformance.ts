/**
 * Structural conformance of GeoReport v2 responses against the spec's examples (shared data
 * `open311/fixtures/`): same root element (XML) or top-level kind (JSON), every field of the
 * example present, no field the example does not have (the spec: "do not include foreign
 * tags"), and compatible types — booleans stay booleans, W3C datetimes carry an offset or Z,
 * coordinates are numbers, identifiers (shown as numbers in the examples) may be text.
 */
import { XMLParser } from 'fast-xml-parser';

/** A document reduced to values: objects, arrays (list containers) and text leaves. */
export type Doc = string | null | boolean | number | Doc[] | { [k: string]: Doc };

const LISTS = new Set(['services', 'service_requests', 'errors', 'attributes', 'values', 'endpoints', 'formats']);
/** Fields the spec's JSON examples write as numbers although they are identifiers. */
export const ID_LIKE = new Set(['service_code', 'service_request_id', 'token', 'address_id', 'zipcode', 'key']);
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Ordered = Record<string, unknown>;

function toDoc(tag: string, children: Ordered[]): Doc {
  const elements = children.filter((c) => !('#text' in c));
  if (elements.length === 0) {
    if (LISTS.has(tag)) return [];
    const text = children.find((c) => '#text' in c)?.['#text'];
    return text === undefined ? '' : String(text);
  }
  const pairs = elements.map((e) => {
    const k = Object.keys(e).find((x) => x !== ':@')!;
    return [k, toDoc(k, e[k] as Ordered[])] as const;
  });
  if (LISTS.has(tag)) return pairs.map(([, v]) => v);
  return Object.fromEntries(pairs);
}

/** Parse an XML document: its root element name and its value. Throws on a missing declaration. */
export function parseXmlDoc(xml: string): { root: string; declaration: string; value: Doc } {
  const declaration = /^<\?xml[^>]*\?>/.exec(xml.trimStart())?.[0] ?? '';
  const nodes = new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: true, ignoreDeclaration: true }).parse(xml) as Ordered[];
  const root = nodes.find((n) => Object.keys(n).some((k) => k !== ':@'))!;
  const tag = Object.keys(root).find((k) => k !== ':@')!;
  return { root: tag, declaration, value: toDoc(tag, root[tag] as Ordered[]) };
}

/** Parse a spec JSON example: three of them write numbers with leading zeros (001), read as text. */
export function parseLenientJson(text: string): Doc {
  return JSON.parse(text.replace(/:\s*(0\d+)(\s*[,}\n])/g, ':"$1"$2')) as Doc;
}

function leafProblem(key: string, example: Doc, ours: Doc, xml: boolean): string | null {
  if (xml) {
    const e = String(example ?? '');
    const o = String(ours ?? '');
    if (/^(true|false)$/.test(e) && !/^(true|false)$/.test(o)) return `expected true/false, got ${o}`;
    if (W3C.test(e) && o !== '' && !W3C.test(o)) return `expected a W3C datetime with offset, got ${o}`;
    if ((key === 'lat' || key === 'long') && o !== '' && !/^-?\d+(\.\d+)?$/.test(o)) return `expected a number, got ${o}`;
    return null;
  }
  if (typeof example === 'boolean') return typeof ours === 'boolean' ? null : `expected a boolean, got ${JSON.stringify(ours)}`;
  if (typeof example === 'number' && !ID_LIKE.has(key) && ours !== null) return typeof ours === 'number' ? null : `expected a number, got ${JSON.stringify(ours)}`;
  if (ID_LIKE.has(key) && ours !== null && typeof ours !== 'string' && typeof ours !== 'number') return `expected an identifier, got ${JSON.stringify(ours)}`;
  if (typeof example === 'string' && W3C.test(example) && ours !== null) return typeof ours === 'string' && W3C.test(ours) ? null : `expected a W3C datetime with offset, got ${JSON.stringify(ours)}`;
  if ((typeof example === 'string' || example === null) && ours !== null && typeof ours !== 'string') return `expected text or null, got ${JSON.stringify(ours)}`;
  return null;
}

/** Merge the items of an example list into one item (union of fields, first non-empty value). */
function mergeItems(items: Doc[]): Doc {
  if (items.length === 0 || typeof items[0] !== 'object' || items[0] === null || Array.isArray(items[0])) return items[0] ?? null;
  const out: Record<string, Doc> = {};
  for (const it of items as Record<string, Doc>[]) for (const [k, v] of Object.entries(it)) if (!(k in out) || out[k] === null || out[k] === '') out[k] = v;
  return out;
}

/**
 * Problems of `ours` against `example` (empty = conforming). `path` names the place in messages.
 * With `optional`, fields of the example that ours may leave out (the spec's "May not be returned");
 * with `mayBeEmpty`, lists that may be empty (values of an attribute that is not a list type).
 */
export function conformanceProblems(example: Doc, ours: Doc, options: { xml: boolean; optional?: readonly string[]; mayBeEmpty?: readonly string[] }, path = '$', key = ''): string[] {
  if (Array.isArray(example)) {
    if (!Array.isArray(ours)) return [`${path}: expected a list, got ${JSON.stringify(ours)}`];
    if (example.length > 0 && ours.length === 0 && !options.mayBeEmpty?.includes(key)) return [`${path}: expected items, got none`];
    const item = mergeItems(example);
    return ours.flatMap((o, i) => conformanceProblems(item, o, options, `${path}[${i}]`, key));
  }
  if (example !== null && typeof example === 'object') {
    if (ours === null || typeof ours !== 'object' || Array.isArray(ours)) return [`${path}: expected an object, got ${JSON.stringify(ours)}`];
    const problems: string[] = [];
    for (const k of Object.keys(example)) {
      if (!(k in ours)) {
        if (!options.optional?.includes(k)) problems.push(`${path}.${k}: missing`);
        continue;
      }
      problems.push(...conformanceProblems(example[k]!, ours[k]!, options, `${path}.${k}`, k));
    }
    for (const k of Object.keys(ours)) if (!(k in example)) problems.push(`${path}.${k}: not in the spec's example`);
    return problems;
  }
  const p = leafProblem(key, example, ours, options.xml);
  return p ? [`${path}: ${p}`] : [];
}

/**
 * Reads a PFIF XML document into a small element tree with resolved namespaces, and checks
 * the document level: well-formed XML, a root element `pfif` in the namespace
 * 'http://zesty.ca/pfif/1.N' with N in 1–4 (PFIF 1.4 §3 "XML format": "the root element is
 * <pfif:pfif>"; each version has its own namespace). Parsing uses fast-xml-parser with order
 * preserved; comments, the XML declaration and processing instructions are dropped. Character
 * references (&#233; &#x4E2D; &#13;) are decoded as XML 1.0 §4.1 requires; the parser option that
 * does so also accepts HTML named entities (&nbsp;), which strict XML would refuse.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { issue, type Issue } from '../../../core/errors.ts';
import { PfifErrors } from './errors.ts';
import { PFIF_NAMESPACE_PREFIX, PFIF_VERSIONS, type PfifVersion } from './model.ts';

/** One element: namespace URI (null when none), local name, child elements, and its text. */
export interface PfifElement {
  readonly ns: string | null;
  readonly local: string;
  readonly children: readonly PfifElement[];
  /** Concatenated text content directly inside the element (not trimmed). */
  readonly text: string;
}

/** A document whose root passed the document-level checks. */
export interface PfifDocument {
  readonly version: PfifVersion;
  readonly namespace: string;
  readonly root: PfifElement;
}

export type ReadResult = { ok: true; doc: PfifDocument } | { ok: false; error: Issue };

type Node = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false,
  parseAttributeValue: false, trimValues: false, processEntities: true, htmlEntities: true, ignoreDeclaration: true, ignorePiTags: true,
});

function toElement(node: Node, scope: ReadonlyMap<string, string>): PfifElement | null {
  const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
  if (!name) return null;
  const attrs = (node[':@'] ?? {}) as Record<string, string>;
  let inner = scope;
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (inner === scope) inner = new Map(scope);
      (inner as Map<string, string>).set(k === 'xmlns' ? '' : k.slice(6), v);
    }
  }
  const colon = name.indexOf(':');
  const prefix = colon >= 0 ? name.slice(0, colon) : '';
  const local = colon >= 0 ? name.slice(colon + 1) : name;
  const children: PfifElement[] = [];
  let text = '';
  for (const child of (node[name] ?? []) as Node[]) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const el = toElement(child, inner);
      if (el) children.push(el);
    }
  }
  return { ns: inner.get(prefix) ?? null, local, children, text };
}

/**
 * Parse PFIF XML text. Returns the document, or one coded error: PFIF_XML_MALFORMED (not
 * well-formed XML), PFIF_ROOT_NOT_PFIF, PFIF_NAMESPACE_MISSING, PFIF_NAMESPACE_UNKNOWN (not
 * under http://zesty.ca/pfif/) or PFIF_VERSION_UNSUPPORTED (a version other than 1.1–1.4).
 * Never throws.
 */
export function readPfifXml(xml: string): ReadResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const e = valid.err;
    return { ok: false, error: issue(PfifErrors.PFIF_XML_MALFORMED, { reason: `${e.msg} (line ${e.line}, column ${e.col})` }) };
  }
  let nodes: Node[];
  try {
    nodes = parser.parse(xml) as Node[];
  } catch (err) {
    return { ok: false, error: issue(PfifErrors.PFIF_XML_MALFORMED, { reason: (err as Error).message }) };
  }
  const roots = nodes.map((n) => toElement(n, new Map())).filter((e): e is PfifElement => e !== null);
  const root = roots[0];
  if (!root || roots.length > 1) return { ok: false, error: issue(PfifErrors.PFIF_XML_MALFORMED, { reason: 'a document has exactly one root element' }) };
  if (root.ns === null) return { ok: false, error: issue(PfifErrors.PFIF_NAMESPACE_MISSING) };
  if (!root.ns.startsWith(PFIF_NAMESPACE_PREFIX)) return { ok: false, error: issue(PfifErrors.PFIF_NAMESPACE_UNKNOWN, { namespace: root.ns }) };
  if (root.local !== 'pfif') return { ok: false, error: issue(PfifErrors.PFIF_ROOT_NOT_PFIF, { root: root.local }) };
  const version = root.ns.slice(PFIF_NAMESPACE_PREFIX.length).replace(/\/$/, '');
  if (!(PFIF_VERSIONS as readonly string[]).includes(version)) return { ok: false, error: issue(PfifErrors.PFIF_VERSION_UNSUPPORTED, { version }) };
  return { ok: true, doc: { version: version as PfifVersion, namespace: root.ns, root } };
}

/** Child elements of `el` in the document's namespace with local name `local`. */
export function childrenNamed(el: PfifElement, ns: string, local: string): PfifElement[] {
  return el.children.filter((c) => c.ns === ns && c.local === local);
}

/** Text of the first child field named `local`, or undefined when absent. */
export function fieldText(el: PfifElement, ns: string, local: string): string | undefined {
  return el.children.find((c) => c.ns === ns && c.local === local)?.text;
}

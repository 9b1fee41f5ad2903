/**
 * NDJSON reader (one JSON object per line, UTF-8; https://github.com/ndjson/ndjson-spec): values
 * become text — strings as they are, numbers, booleans and nulls by their JSON spelling, objects
 * and arrays as JSON — and non-string values are typed in `cellTypes` (a phone sent as a JSON
 * number has lost its leading zero, like a spreadsheet cell). A line that is not a JSON object
 * is a rejected row (NDJSON_INVALID / NDJSON_NOT_OBJECT), never a failed file. Keys are mapped
 * like CSV headers; the field list is the union of keys in order of first appearance.
 */
import { issue } from '../core/errors.ts';
import { createDecoder } from './encoding.ts';
import { IngestErrors } from './errors.ts';
import { normalizeLabel } from './header.ts';
import { makeRowSource, openBytes, type ByteInput } from './source.ts';
import type { CellType, HeaderOptions, RowSource, SourceMeta, SourceRow } from './types.ts';

export type NdjsonReadOptions = HeaderOptions;

function valueText(v: unknown): { text: string; type: CellType } {
  if (typeof v === 'string') return { text: v, type: 'string' };
  if (v === null || v === undefined) return { text: '', type: 'empty' };
  if (typeof v === 'number') return { text: String(v), type: 'number' };
  if (typeof v === 'boolean') return { text: String(v), type: 'boolean' };
  return { text: JSON.stringify(v), type: 'object' };
}

/**
 * Read NDJSON from a path, buffer or byte stream. `requiredFields` is not checked (NDJSON has no
 * header); a missing key reads as ''. Unknown keys are kept or dropped per `unknownColumns`.
 * @throws AppError INGEST_SOURCE_UNREADABLE (path unreadable, at call time).
 */
export function readNdjson(input: ByteInput, options: NdjsonReadOptions = {}): RowSource {
  const { chunks, totalBytes } = openBytes(input);
  const meta: SourceMeta = { kind: 'ndjson', encoding: 'utf8' };
  let bytesRead = 0;
  const aliases = new Map<string, string>();
  for (const [field, labels] of Object.entries(options.columns ?? {})) for (const l of [field, ...labels]) aliases.set(normalizeLabel(l), field);
  const keep = (options.unknownColumns ?? 'keep') === 'keep';
  const fieldOf = new Map<string, string | null>();
  const seen: string[] = [];
  const mapKey = (key: string): string | null => {
    let f = fieldOf.get(key);
    if (f === undefined) {
      f = aliases.get(normalizeLabel(key)) ?? (keep ? key : null);
      fieldOf.set(key, f);
      if (f !== null && !seen.includes(f)) seen.push(f);
      meta.fields = seen;
    }
    return f;
  };

  async function* rows(): AsyncGenerator<readonly SourceRow[]> {
    const decoder = createDecoder('utf8');
    let rest = '';
    let line = 0;
    let rowNumber = 0;
    const parseLines = (text: string, final: boolean): SourceRow[] => {
      const out: SourceRow[] = [];
      const lines = (rest + text).split('\n');
      rest = final ? '' : lines.pop()!;
      for (const raw of lines) {
        line++;
        const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (body.trim() === '') continue;
        rowNumber++;
        let value: unknown;
        try {
          value = JSON.parse(body);
        } catch (e) {
          out.push({ rowNumber, line, fields: {}, issues: [issue(IngestErrors.NDJSON_INVALID, { reason: e instanceof Error ? e.message : String(e) })] });
          continue;
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          out.push({ rowNumber, line, fields: {}, issues: [issue(IngestErrors.NDJSON_NOT_OBJECT)] });
          continue;
        }
        const fields: Record<string, string> = {};
        let types: Record<string, CellType> | undefined;
        for (const [k, v] of Object.entries(value)) {
          const f = mapKey(k);
          if (f === null) continue;
          const { text, type } = valueText(v);
          fields[f] = text;
          if (type !== 'string' && type !== 'empty') (types ??= {})[f] = type;
        }
        const bad = body.indexOf('\uFFFD') >= 0 ? Object.keys(fields).filter((f) => fields[f]!.indexOf('\uFFFD') >= 0) : [];
        const issues = bad.map((f) => issue(IngestErrors.ENCODING_INVALID, { line, encoding: 'utf8' }, f));
        const row: SourceRow = types ? { rowNumber, line, fields, cellTypes: types } : { rowNumber, line, fields };
        out.push(issues.length > 0 ? { ...row, issues } : row);
      }
      return out;
    };
    for await (const chunk of chunks) {
      bytesRead += chunk.length;
      let text = decoder.write(chunk);
      if (line === 0 && rest === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const out = parseLines(text, false);
      if (out.length > 0) yield out;
    }
    const out = parseLines(decoder.end(), true);
    if (out.length > 0) yield out;
  }
  return makeRowSource(meta, rows, () => ({ bytesRead, totalBytes }));
}

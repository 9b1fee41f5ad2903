/**
 * An incremental RFC 4180 CSV parser over decoded text, written for speed (≈3× csv-parse on a
 * 20-column file here; bench/csv-read.ts) because the parcels import must keep up with raw
 * SQLite inserts. Its output equals csv-parse's on well-formed input (csvParser.test.ts checks
 * both on generated files).
 *
 * Grammar (RFC 4180 §2, relaxed the way spreadsheet exports need): records end at LF, CRLF or a
 * lone CR; fields are split at the delimiter; a field that starts with a quote runs to the next
 * lone quote, `""` inside stands for one quote, and line breaks inside are kept as they are
 * (C13); a quote inside an unquoted field is literal. Empty lines are skipped but counted.
 * Malformed input never throws: the record is delivered with an error code (CSV_QUOTE_INVALID,
 * CSV_QUOTE_NOT_CLOSED) and parsing goes on.
 */

/** Receives each record: its fields, the 1-based line where it starts, and an error code or null. */
export type RecordHandler = (fields: string[], line: number, error: 'CSV_QUOTE_INVALID' | 'CSV_QUOTE_NOT_CLOSED' | null) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Count line breaks (LF, CRLF, lone CR each one) in `s`. */
function countBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

/**
 * Streaming parser: `push(text)` any number of times, then `end()`. Records are delivered to the
 * handler in order as soon as they are complete.
 */
export class CsvParser {
  private rest = '';
  private line = 1;
  private readonly delim: number;
  private readonly delimStr: string;

  /** @param delimiter a single character, default ','. */
  constructor(
    private readonly onRecord: RecordHandler,
    delimiter = ',',
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw new Error(`invalid CSV delimiter ${JSON.stringify(delimiter)}`);
    this.delim = delimiter.charCodeAt(0);
    this.delimStr = delimiter;
  }

  /** Feed the next piece of text (any split, even inside a field or a CRLF). */
  push(text: string): void {
    const s = this.rest.length > 0 ? this.rest + text : text;
    const used = this.parse(s, false);
    this.rest = used < s.length ? s.slice(used) : '';
  }

  /** Signal the end of input: delivers the last record even without a final line break. */
  end(): void {
    if (this.rest.length > 0) this.parse(this.rest, true);
    this.rest = '';
  }

  /** Parse complete records of `s`; returns how many characters were consumed. */
  private parse(s: string, eof: boolean): number {
    const n = s.length;
    const delim = this.delim;
    const delimStr = this.delimStr;
    const next = (ch: string, from: number): number => {
      const i = s.indexOf(ch, from);
      return i < 0 ? n : i;
    };
    // Caches: position of the next quote / CR / LF / delimiter at or after the position they were
    // looked up from (n when none). A cache >= pos is still exact, so each is searched once.
    let nq = -1;
    let ncr = -1;
    let nlf = -1;
    let nd = -1;
    let pos = 0;
    while (pos < n) {
      const recordStart = pos;
      if (nq < pos) nq = next('"', pos);
      if (ncr < pos) ncr = next('\r', pos);
      if (nlf < pos) nlf = next('\n', pos);
      const lineEnd = nlf < ncr ? nlf : ncr;
      if (lineEnd >= n && !eof) return recordStart;
      if (nq > lineEnd) {
        // fast path: no quote before the line break, so the record is split natively
        let after = lineEnd + 1;
        if (lineEnd < n && s.charCodeAt(lineEnd) === CR) {
          if (lineEnd + 1 >= n && !eof) return recordStart;
          if (s.charCodeAt(lineEnd + 1) === LF) after++;
        }
        const startLine = this.line++;
        pos = after < n ? after : n;
        if (lineEnd > recordStart) this.onRecord(s.slice(recordStart, lineEnd).split(delimStr), startLine, null);
        continue;
      }
      let inner = 0; // line breaks inside quoted fields of this record
      let error: 'CSV_QUOTE_INVALID' | 'CSV_QUOTE_NOT_CLOSED' | null = null;
      const fields: string[] = [];
      for (;;) {
        if (pos >= n) {
          if (!eof) return recordStart;
          fields.push('');
          break;
        }
        let value = '';
        const quoted = s.charCodeAt(pos) === QUOTE;
        if (quoted) {
          value = '';
          let start = pos + 1;
          let closed = false;
          for (;;) {
            const q = s.indexOf('"', start);
            if (q < 0) {
              if (!eof) return recordStart;
              value += s.slice(start);
              pos = n;
              break;
            }
            if (q + 1 >= n && !eof) return recordStart;
            if (s.charCodeAt(q + 1) === QUOTE) {
              value += s.slice(start, q + 1);
              start = q + 2;
              continue;
            }
            value += s.slice(start, q);
            pos = q + 1;
            closed = true;
            break;
          }
          if (!closed) error = 'CSV_QUOTE_NOT_CLOSED';
          if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) inner += countBreaks(value);
        }
        // unquoted text (or text after a closing quote) runs to the next delimiter or line break
        if (nd < pos) nd = next(delimStr, pos);
        if (ncr < pos) ncr = next('\r', pos);
        if (nlf < pos) nlf = next('\n', pos);
        let stop = nd < ncr ? nd : ncr;
        if (nlf < stop) stop = nlf;
        if (stop >= n && !eof) return recordStart;
        if (stop > pos) {
          if (quoted) error ??= 'CSV_QUOTE_INVALID';
          value += s.slice(pos, stop);
        }
        fields.push(value);
        pos = stop;
        if (pos >= n) break;
        const c = s.charCodeAt(pos);
        if (c === delim) {
          pos++;
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= n && !eof) return recordStart;
          pos += s.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else pos++;
        break;
      }
      const startLine = this.line;
      this.line += inner + 1;
      this.onRecord(fields, startLine, error);
    }
    return pos;
  }
}

/**
 * Streaming CSV reader: bytes → encoding (BOM, hint or detection; encoding.ts) → text split at
 * line boundaries → CsvParser → header mapping → `SourceRow`s, 64 KiB at a time. Every cell is
 * text. Rows are never dropped: a row with undecodable bytes, a wrong column count or broken
 * quoting comes out with `issues` so the pipeline rejects it with the reason.
 *
 * Standards: RFC 4180 (CSV); the GB 18030 / GBK encodings of Chinese spreadsheet exports.
 */
import { issue, type Issue } from '../core/errors.ts';
import { CsvParser } from './csvParser.ts';
import { chooseEncoding, createDecoder, type EncodingHint, type TextChunkDecoder } from './encoding.ts';
import { IngestErrors } from './errors.ts';
import { mapHeader, rowFactory, type HeaderMap } from './header.ts';
import { makeRowSource, openBytes, READ_CHUNK_BYTES, type ByteInput } from './source.ts';
import type { HeaderOptions, RowSource, SourceMeta, SourceRow } from './types.ts';

export interface CsvReadOptions extends HeaderOptions {
  /** 'auto' (default): BOM, else valid UTF-8, else chardet, else GB18030. A BOM overrides any hint (C11). */
  readonly encoding?: EncodingHint;
  /** Field delimiter, one character; default ','. */
  readonly delimiter?: string;
}

/** Bytes used to choose the encoding when no BOM decides it. */
const DETECT_BYTES = 64 * 1024;
/**
 * Text is handed to the parser in pieces that end at a line break (0x0A, or 0x0D for CR-only
 * files: in every ASCII-compatible encoding these bytes are only ever line breaks), so each piece
 * is one flat string and most records never straddle two pieces. A line longer than this is
 * handed over unsplit-at-break.
 */
const MAX_CARRY_BYTES = 8 << 20;

/**
 * Read a CSV file (path), buffer or byte stream as rows.
 * Row numbers count data rows from 1 (the header is not a row); `line` is the physical line
 * where the row starts, so a quoted line break (C13) moves the next row's line on.
 * @throws AppError INGEST_SOURCE_UNREADABLE (path unreadable, at call time),
 *         INGEST_ENCODING_UNSUPPORTED, INGEST_HEADER_MISSING, INGEST_HEADER_DUPLICATE (while reading).
 * @example
 * for await (const row of readCsv('寄件.csv', { encoding: 'auto', columns: { senderName: ['寄件人姓名'] } })) row.fields.senderName
 */
export function readCsv(input: ByteInput, options: CsvReadOptions = {}): RowSource {
  const { chunks, totalBytes } = openBytes(input, true);
  const meta: SourceMeta = { kind: 'csv' };
  let bytesRead = 0;
  return makeRowSource(meta, () => csvRows(chunks, options, meta, (n) => (bytesRead += n)), () => ({ bytesRead, totalBytes }));
}

async function* csvRows(chunks: AsyncIterable<Buffer>, options: CsvReadOptions, meta: SourceMeta, onBytes: (n: number) => void): AsyncGenerator<readonly SourceRow[]> {
  let out: SourceRow[] = [];
  const state = new RowBuilder(options, meta, out);
  const parser = new CsvParser((fields, line, error) => state.record(fields, line, error), options.delimiter ?? ',');
  let decoder: TextChunkDecoder | null = null;
  let lineCut = true; // ASCII-compatible encoding: 0x0A only ever means LF, so split bytes there
  const cutter = new LineCutter();
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const feed = (text: string) => {
    if (text.length === 0) return;
    state.text(text);
    parser.push(text);
  };
  const start = (head: Buffer, truncated: boolean): Buffer => {
    const choice = chooseEncoding(head, options.encoding ?? 'auto', truncated);
    meta.encoding = choice.encoding;
    meta.encodingReason = choice.reason;
    decoder = createDecoder(choice.encoding);
    lineCut = !choice.encoding.startsWith('utf-16');
    return head.subarray(choice.bomLength);
  };
  const decodeBytes = (buf: Buffer) => {
    if (!lineCut) return feed(decoder!.write(buf));
    const whole = cutter.push(buf);
    if (whole) feed(decoder!.write(whole));
  };

  for await (const chunk of chunks) {
    onBytes(chunk.length);
    if (!decoder) {
      pending.push(Buffer.from(chunk)); // chunks are views of a reused buffer
      pendingBytes += chunk.length;
      if (pendingBytes < DETECT_BYTES) continue;
      decodeBytes(start(Buffer.concat(pending), true));
      pending = [];
    } else decodeBytes(chunk);
    if (out.length > 0) {
      yield out;
      out = [];
      state.out = out;
    }
  }
  if (!decoder) decodeBytes(start(Buffer.concat(pending), false));
  const tail = cutter.rest();
  if (tail.length > 0) feed(decoder!.write(tail));
  feed((decoder as TextChunkDecoder | null)?.end() ?? '');
  parser.end();
  if (out.length > 0) yield out;
  state.finish();
}

/**
 * Cuts bytes at the last line break of what it has, keeping the remainder for the next piece,
 * in one reused buffer (grown when needed) so that no piece allocates. The returned view is
 * valid until the next call.
 */
class LineCutter {
  private buf = Buffer.allocUnsafe(4 * READ_CHUNK_BYTES);
  /** Bytes [start, len) are kept for the next piece; [0, start) was last returned. */
  private start = 0;
  private len = 0;

  push(chunk: Buffer): Buffer | null {
    // the view returned last time has been decoded: move the kept tail to the front
    if (this.start > 0) {
      this.buf.copyWithin(0, this.start, this.len);
      this.len -= this.start;
      this.start = 0;
    }
    if (this.len + chunk.length > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + chunk.length));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    chunk.copy(this.buf, this.len);
    const end = this.len + chunk.length;
    this.len = end;
    if (end === 0) return null;
    let cut = this.buf.lastIndexOf(10, end - 1);
    if (cut < 0) cut = this.buf.lastIndexOf(13, end - 1); // CR-only line ends (old Mac exports)
    if (cut < 0 && end < MAX_CARRY_BYTES) return null;
    this.start = cut < 0 ? end : cut + 1; // one huge line: decoders and parser take any split
    return this.buf.subarray(0, this.start);
  }

  /** The bytes after the last line break (at the end of input). */
  rest(): Buffer {
    return this.buf.subarray(this.start, this.len);
  }
}

/** Turns parsed records into rows: header mapping, field objects, reader issues. */
class RowBuilder {
  private header: HeaderMap | null = null;
  private build: (cells: readonly string[]) => Record<string, string> = () => ({});
  private rowNumber = 0;
  private replacementInText = false;

  constructor(
    private readonly options: CsvReadOptions,
    private readonly meta: SourceMeta,
    public out: SourceRow[],
  ) {}

  /** At the end of input: a file without a header has none of the required columns. */
  finish(): void {
    if (this.header === null) mapHeader([], this.options);
  }

  /** Called with each decoded text piece before it is parsed: notes whether U+FFFD occurs. */
  text(text: string): void {
    this.replacementInText = this.replacementInText || text.indexOf('\uFFFD') >= 0;
  }

  record(cells: string[], line: number, error: 'CSV_QUOTE_INVALID' | 'CSV_QUOTE_NOT_CLOSED' | null): void {
    const header = this.header;
    if (header === null) {
      const h = mapHeader(cells, this.options);
      this.header = h;
      this.build = rowFactory(h);
      this.meta.fields = h.fields;
      this.meta.headerLabels = h.labels;
      this.meta.unmappedColumns = h.unmapped;
      return;
    }
    const fields = this.build(cells);
    const map = header.fieldByColumn;
    let issues: Issue[] | undefined;
    if (error !== null) (issues ??= []).push(issue(error, { line }));
    if (cells.length !== map.length) (issues ??= []).push(issue(IngestErrors.CSV_COLUMN_COUNT, { expected: map.length, actual: cells.length, line }));
    if (this.replacementInText) {
      for (let i = 0; i < cells.length; i++) {
        if (cells[i]!.indexOf('\uFFFD') >= 0) {
          (issues ??= []).push(issue(IngestErrors.ENCODING_INVALID, { line, encoding: this.meta.encoding ?? '?' }, map[i] ?? undefined));
        }
      }
    }
    this.out.push(issues ? { rowNumber: ++this.rowNumber, line, fields, issues } : { rowNumber: ++this.rowNumber, line, fields });
  }
}

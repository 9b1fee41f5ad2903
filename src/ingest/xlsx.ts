/**
 * Streaming XLSX reader (exceljs WorkbookReader): rows of one worksheet as text the way the user
 * sees them (cellText.ts), with each non-text cell's storage type in `cellTypes`, so the pipeline
 * can reject an ID number or phone stored as a number (SPREADSHEET_NUMERIC_CELL) — the value has
 * already lost digits and is never "repaired". Error cells (#N/A …) reject the row with
 * XLSX_CELL_ERROR. The first non-empty row is the header; empty rows are skipped; cells right of
 * the header's last column are not read.
 *
 * Standard: ECMA-376 (Office Open XML SpreadsheetML).
 */
import { Readable } from 'node:stream';
import { AppError, issue, type Issue } from '../core/errors.ts';
import { cellText, type ExcelValue } from './cellText.ts';
import { IngestErrors } from './errors.ts';
import { mapHeader, type HeaderMap } from './header.ts';
import { makeRowSource, openBytes, type ByteInput } from './source.ts';
import type { CellType, HeaderOptions, RowSource, SourceMeta, SourceRow } from './types.ts';

export interface XlsxReadOptions extends HeaderOptions {
  /** Worksheet by name or 1-based position; default the first. */
  readonly sheet?: string | number;
}

/** Rows per yielded chunk. */
const CHUNK_ROWS = 1000;

interface StreamCell {
  value: ExcelValue;
  numFmt?: string;
}
interface StreamRow {
  number: number;
  cellCount: number;
  getCell(col: number): StreamCell;
}

/**
 * Read an XLSX file (path), buffer or byte stream as rows.
 * @throws AppError INGEST_SOURCE_UNREADABLE (path at call time; a corrupt file while reading),
 *         INGEST_SHEET_NOT_FOUND, INGEST_HEADER_MISSING, INGEST_HEADER_DUPLICATE.
 */
export function readXlsx(input: ByteInput, options: XlsxReadOptions = {}): RowSource {
  const { chunks, totalBytes } = openBytes(input);
  const meta: SourceMeta = { kind: 'xlsx' };
  let bytesRead = 0;
  const counted = Readable.from(
    (async function* () {
      for await (const c of chunks) {
        bytesRead += c.length;
        yield c;
      }
    })(),
  );
  return makeRowSource(meta, () => xlsxRows(counted, options, meta), () => ({ bytesRead, totalBytes }));
}

async function* xlsxRows(input: Readable, options: XlsxReadOptions, meta: SourceMeta): AsyncGenerator<readonly SourceRow[]> {
  // exceljs is loaded on first use: it takes about a second to load, which every CSV import and
  // every CLI command would otherwise pay.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  const wanted = options.sheet ?? 1;
  let position = 0;
  let found = false;
  try {
    for await (const sheet of reader) {
      position++;
      const name = (sheet as unknown as { name?: string }).name;
      if (found || (typeof wanted === 'number' ? position !== wanted : name !== wanted)) {
        for await (const _ of sheet) void _; // drain sheets not read
        continue;
      }
      found = true;
      yield* sheetRows(sheet as unknown as AsyncIterable<StreamRow>, options, meta);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(IngestErrors.INGEST_SOURCE_UNREADABLE, { reason: e instanceof Error ? e.message : String(e) });
  }
  if (!found) throw new AppError(IngestErrors.INGEST_SHEET_NOT_FOUND, { sheet: String(wanted) });
}

async function* sheetRows(sheet: AsyncIterable<StreamRow>, options: XlsxReadOptions, meta: SourceMeta): AsyncGenerator<readonly SourceRow[]> {
  let header: HeaderMap | null = null;
  let rowNumber = 0;
  let out: SourceRow[] = [];
  for await (const row of sheet) {
    if (header === null) {
      const labels: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) labels.push(cellText(row.getCell(c).value, row.getCell(c).numFmt).text);
      while (labels.length > 0 && labels[labels.length - 1] === '') labels.pop();
      if (labels.length === 0) continue;
      header = mapHeader(labels, options);
      meta.fields = header.fields;
      meta.headerLabels = header.labels;
      meta.unmappedColumns = header.unmapped;
      continue;
    }
    const fields: Record<string, string> = {};
    let types: Record<string, CellType> | undefined;
    let issues: Issue[] | undefined;
    let empty = true;
    const map = header.fieldByColumn;
    for (let c = 0; c < map.length; c++) {
      const field = map[c];
      if (field == null) continue;
      const cell = c < row.cellCount ? row.getCell(c + 1) : undefined;
      const { text, type } = cell ? cellText(cell.value, cell.numFmt) : { text: '', type: 'empty' as const };
      fields[field] = text;
      if (text !== '') empty = false;
      if (type !== 'string' && type !== 'empty') (types ??= {})[field] = type;
      if (type === 'error') (issues ??= []).push(issue(IngestErrors.XLSX_CELL_ERROR, { shown: text }, field));
    }
    if (empty) continue;
    const base = { rowNumber: ++rowNumber, line: row.number, fields };
    out.push(types && issues ? { ...base, cellTypes: types, issues } : types ? { ...base, cellTypes: types } : base);
    if (out.length >= CHUNK_ROWS) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
  if (header === null) mapHeader([], options); // an empty sheet has none of the required columns
}

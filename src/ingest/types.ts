/**
 * Shapes shared by the readers (csv.ts, xlsx.ts, ndjson.ts) and the row pipeline (pipeline.ts).
 */
import type { Issue } from '../core/errors.ts';

/**
 * How a cell was stored in the source, for the fields where that matters (ID numbers and phones
 * stored as numbers have already lost digits). CSV cells are always 'string'.
 */
export type CellType = 'string' | 'number' | 'date' | 'boolean' | 'formula' | 'error' | 'empty' | 'object';

/** One data row as a reader yields it. Every value is text (never a number). */
export interface SourceRow {
  /** 1-based data row number: the first row after the header is 1. */
  readonly rowNumber: number;
  /** 1-based physical position in the file: the text line where the row starts (CSV, NDJSON) or the sheet row number (XLSX). */
  readonly line: number;
  /** Field name (after header mapping) → cell text as the user sees it. */
  readonly fields: Record<string, string>;
  /** XLSX and NDJSON only: field → how the cell was stored, for fields whose cell was not a plain string. */
  readonly cellTypes?: Readonly<Record<string, CellType>>;
  /** Findings of the reader itself (encoding, column count, quoting); any one rejects the row. */
  readonly issues?: readonly Issue[];
}

/** Progress of a reader through its input, in bytes (total undefined when unknown, e.g. a pipe). */
export interface ReadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number | undefined;
}

/** What a reader found out about its input while reading (filled in as reading goes). */
export interface SourceMeta {
  readonly kind: 'csv' | 'xlsx' | 'ndjson' | 'memory';
  /** The encoding used to decode (CSV), e.g. 'utf8', 'gb18030'; undefined for XLSX/NDJSON. */
  encoding?: string;
  /** How the encoding was chosen: 'bom', 'hint', 'utf8-valid', 'chardet', 'fallback'. */
  encodingReason?: string;
  /** Field names in column order, after mapping (set once the header has been read). */
  fields?: readonly string[];
  /** Header labels as found in the file. */
  headerLabels?: readonly string[];
  /** Header labels that no mapping entry matched (kept or dropped as the options say). */
  unmappedColumns?: readonly string[];
}

/**
 * A stream of rows. Iterating it yields rows one by one; `chunks()` yields them in arrays (the
 * pipeline uses it to save one promise per row). A source can be iterated once.
 */
export interface RowSource extends AsyncIterable<SourceRow> {
  readonly meta: SourceMeta;
  chunks(): AsyncIterable<readonly SourceRow[]>;
  progress(): ReadProgress;
}

/**
 * Header aliases: field name → the header labels that mean it, e.g.
 * `{ senderName: ['寄件人姓名', '寄件人', 'sender_name'] }`. Labels match after NFKC, lower-casing
 * and removing spaces, '_', '-', '*' and a BOM, so 'Sender Name', 'sender_name' and 'SENDER-NAME'
 * are one label; each field's own name is always an alias of itself.
 */
export type ColumnMapping = Readonly<Record<string, readonly string[]>>;

/** Header options common to every reader. */
export interface HeaderOptions {
  readonly columns?: ColumnMapping;
  /** Columns no mapping entry matches: 'keep' them under their trimmed label (default) or 'drop' them. */
  readonly unknownColumns?: 'keep' | 'drop';
  /** Fields that must be present in the header; otherwise INGEST_HEADER_MISSING is thrown. */
  readonly requiredFields?: readonly string[];
}

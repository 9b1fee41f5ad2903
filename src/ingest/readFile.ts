/**
 * Open an import file with the reader its extension calls for: .csv/.txt/.tsv → readCsv (.tsv with
 * a tab delimiter), .xlsx → readXlsx, .ndjson/.jsonl → readNdjson. Legacy .xls (BIFF) is not
 * supported: save it as .xlsx or .csv.
 */
import path from 'node:path';
import { AppError } from '../core/errors.ts';
import { readCsv, type CsvReadOptions } from './csv.ts';
import { IngestErrors } from './errors.ts';
import { readNdjson } from './ndjson.ts';
import type { RowSource } from './types.ts';
import { readXlsx, type XlsxReadOptions } from './xlsx.ts';

export type ReadFileOptions = CsvReadOptions & XlsxReadOptions;

/**
 * A row source for a file path, chosen by extension (case-insensitive).
 * @throws AppError INGEST_SOURCE_UNREADABLE for an unreadable file or an unsupported extension.
 */
export function readFile(file: string, options: ReadFileOptions = {}): RowSource {
  const ext = path.extname(file).toLowerCase();
  switch (ext) {
    case '.csv':
    case '.txt':
      return readCsv(file, options);
    case '.tsv':
      return readCsv(file, { delimiter: '\t', ...options });
    case '.xlsx':
      return readXlsx(file, options);
    case '.ndjson':
    case '.jsonl':
      return readNdjson(file, options);
    default:
      throw new AppError(IngestErrors.INGEST_SOURCE_UNREADABLE, { reason: `${file}: unsupported file type '${ext || '(none)'}' (use .csv, .tsv, .xlsx or .ndjson)` });
  }
}

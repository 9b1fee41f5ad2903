/**
 * src/ingest — readers (CSV with UTF-8/GBK/GB18030 and BOMs, XLSX, NDJSON), the row pipeline,
 * reject reports, the progress bar and resumable runs. Apps import from here.
 */
import type { GongzhiModule } from '../platform/module.ts';
import { migrations } from './schema.ts';

export { readCsv, type CsvReadOptions } from './csv.ts';
export { readXlsx, type XlsxReadOptions } from './xlsx.ts';
export { readNdjson, type NdjsonReadOptions } from './ndjson.ts';
export { readFile, type ReadFileOptions } from './readFile.ts';
export { chooseEncoding, type EncodingHint, type EncodingChoice } from './encoding.ts';
export { mapHeader, normalizeLabel, type HeaderMap } from './header.ts';
export {
  runPipeline,
  type BatchInfo,
  type CheckpointState,
  type PipelineCheckpoint,
  type PipelineOptions,
  type PipelineProgress,
  type PipelineResult,
  type PipelineStats,
  type RejectedRow,
  type RowVerdict,
} from './pipeline.ts';
export { writeRejectReport, createRejectReport, maskGeneric, reportPaths, type RejectReportOptions, type ImportSummary } from './rejectReport.ts';
export { createProgressBar, type ProgressBar, type ProgressBarOptions } from './progress.ts';
export { beginIngestRun, ingestCheckpoint, fileSha256, getIngestRun, listIngestRuns, type IngestRun, type BeganRun, type BeginRunOptions } from './checkpoint.ts';
export { IngestErrors } from './errors.ts';
export { migrations } from './schema.ts';
export type { CellType, ColumnMapping, HeaderOptions, RowSource, SourceMeta, SourceRow, ReadProgress } from './types.ts';

/** The ingest module: its table (ingest_runs) for the platform's migrations. */
export const ingestModule: GongzhiModule = { name: 'ingest', migrations };

/**
 * The reject report beside the input: `<input>.rejects.csv` (UTF-8 with BOM so that Excel opens
 * it as UTF-8; one line per issue: 行号 row, 文件行 line, 字段 field, 代码 code, 原因 message,
 * reason, 原值 value) and `<input>.import.json` (counts per code and per field).
 *
 * Personal data: the 原值 column is written through a masking function (the caller passes the
 * security module's masks per field; default `maskGeneric`), never in full. Cells that a
 * spreadsheet would run as a formula (= + - @ tab CR at the start) are prefixed with ' (OWASP
 * "CSV injection").
 */
import fs from 'node:fs';
import type { PipelineResult, RejectedRow } from './pipeline.ts';

export interface RejectReportOptions {
  /** Text written in the 原值 column for a field's raw value; default `maskGeneric`. */
  readonly mask?: (field: string, value: string) => string;
  /** Extra facts for the JSON summary (run id, encoding, …). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The JSON summary written to `<input>.import.json`. */
export interface ImportSummary {
  readonly input: string;
  readonly rejectsFile: string;
  readonly rowsRead: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Rejected rows written to the CSV (all rows passed to `add`). */
  readonly rejectedListed: number;
  readonly rejectsByCode: Readonly<Record<string, number>>;
  /** field → code → rejected rows ('' for row-level issues). */
  readonly rejectsByField: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly warningsByCode: Readonly<Record<string, number>>;
  readonly durationMs: number;
  readonly [key: string]: unknown;
}

/** Paths of the report files for an input path. */
export function reportPaths(inputPath: string): { rejects: string; summary: string } {
  return { rejects: `${inputPath}.rejects.csv`, summary: `${inputPath}.import.json` };
}

/**
 * Default mask: keeps the first and last quarter of the characters (code points) and replaces
 * the middle with '*', keeping the length: an 18-character ID → first 4 + 10 '*' + last 4
 * (the DESIGN.md form 3201**********1234); values of 3 characters or fewer are all '*'.
 */
export function maskGeneric(value: string): string {
  const chars = [...value];
  const keep = Math.floor(chars.length / 4);
  return chars.map((c, i) => (i < keep || i >= chars.length - keep ? c : '*')).join('');
}

const HEADER = ['行号 row', '文件行 line', '字段 field', '代码 code', '原因 message', 'reason', '原值 value (masked)'];

/** Quote a CSV cell when needed and neutralise formula starts. */
function cell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A reject report being written while the pipeline runs. */
export interface RejectReportWriter {
  /** Append a rejected row (one CSV line per issue). */
  add(row: RejectedRow): void;
  /** Finish the CSV and write the JSON summary; returns the summary. */
  close(result: PipelineResult): ImportSummary;
}

/**
 * Open `<input>.rejects.csv` for writing (replacing an earlier report) and return a writer;
 * pass `writer.add` as the pipeline's `onReject` so every reject is listed, even beyond the
 * pipeline's `maxRejectedKept`.
 */
export function createRejectReport(inputPath: string, options: RejectReportOptions = {}): RejectReportWriter {
  const paths = reportPaths(inputPath);
  const mask = options.mask ?? ((_f: string, v: string) => maskGeneric(v));
  const fd = fs.openSync(paths.rejects, 'w');
  let buffer = '\uFEFF' + HEADER.join(',') + '\r\n';
  let listed = 0;
  const byField: Record<string, Record<string, number>> = {};
  const flush = () => {
    fs.writeSync(fd, buffer);
    buffer = '';
  };
  return {
    add(row) {
      listed++;
      for (const i of row.issues) {
        const field = i.field ?? '';
        const raw = i.field !== undefined ? row.values[i.field] : undefined;
        const shown = raw === undefined || raw === '' ? '' : mask(field, raw);
        buffer += [cell(row.rowNumber), cell(row.line), cell(field), cell(i.code), cell(i.message), cell(i.messageEn), cell(shown)].join(',') + '\r\n';
        const counts = (byField[field] ??= {});
        counts[i.code] = (counts[i.code] ?? 0) + 1;
      }
      if (buffer.length > 1 << 16) flush();
    },
    close(result) {
      flush();
      fs.closeSync(fd);
      const s = result.stats;
      const summary: ImportSummary = {
        ...options.extra,
        input: inputPath,
        rejectsFile: paths.rejects,
        rowsRead: s.rowsRead,
        accepted: s.accepted,
        rejected: s.rejected,
        rejectedListed: listed,
        rejectsByCode: s.rejectsByCode,
        rejectsByField: byField,
        warningsByCode: s.warningsByCode,
        durationMs: Math.round(s.durationMs),
      };
      fs.writeFileSync(paths.summary, JSON.stringify(summary, null, 2) + '\n');
      return summary;
    },
  };
}

/**
 * Write the report of a finished pipeline run from its `rejected` list (at most
 * `maxRejectedKept` rows; use `createRejectReport` + `onReject` to list every one).
 */
export function writeRejectReport(inputPath: string, result: PipelineResult, options: RejectReportOptions = {}): ImportSummary {
  const writer = createRejectReport(inputPath, options);
  for (const row of result.rejected) writer.add(row);
  return writer.close(result);
}

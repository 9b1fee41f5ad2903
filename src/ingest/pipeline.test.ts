import { describe, expect, it } from 'vitest';
import { AppError, issue } from '../core/errors.ts';
import { readCsv } from './csv.ts';
import { IngestErrors } from './errors.ts';
import { runPipeline, type CheckpointState, type PipelineCheckpoint, type RowVerdict } from './pipeline.ts';
import type { SourceRow } from './types.ts';

interface Person {
  name: string;
  phone: string;
}

/** A local validator: an 11-digit phone starting with 1 (the pipeline only reports what validators say). */
function validatePerson(row: SourceRow): RowVerdict<Person> {
  const phone = row.fields['phone'] ?? '';
  if (!/^1\d{10}$/.test(phone)) return { issues: [issue(IngestErrors.ROW_REJECTED, undefined, 'phone')] };
  return { record: { name: row.fields['name']!, phone } };
}

function rows(n: number, bad: (i: number) => boolean = () => false): SourceRow[] {
  return Array.from({ length: n }, (_, k) => ({ rowNumber: k + 1, line: k + 2, fields: { name: `n${k + 1}`, phone: bad(k + 1) ? '12' : `138${String(k + 1).padStart(8, '0')}` } }));
}

class MemoryCheckpoint implements PipelineCheckpoint {
  commits: CheckpointState[] = [];
  finished: CheckpointState | null = null;
  failed: unknown = null;
  constructor(readonly resumeAfterRow = 0) {}
  async commit(s: CheckpointState) {
    this.commits.push(s);
  }
  async finish(s: CheckpointState) {
    this.finished = s;
  }
  async fail(e: unknown) {
    this.failed = e;
  }
}

describe('runPipeline', () => {
  it('a 3-row file with one bad row: accepted 2, rejected 1 with row number, line and field', async () => {
    const sunk: Person[][] = [];
    const csv = Buffer.from('name,phone\n李娜,13812345678\n王强,1088886666\n张伟,13912345678\n');
    const result = await runPipeline({ source: readCsv(csv), validate: validatePerson, sink: async (b) => void sunk.push([...b]) });
    expect(result.accepted).toBe(2);
    expect(result.rejected).toHaveLength(1);
    const [r] = result.rejected;
    expect(r).toMatchObject({ rowNumber: 2, line: 3, values: { phone: '1088886666' } });
    expect(r!.issues.map((i) => [i.field, i.code])).toEqual([['phone', 'ROW_REJECTED']]);
    expect(sunk).toEqual([[{ name: '李娜', phone: '13812345678' }, { name: '张伟', phone: '13912345678' }]]);
    expect(result.stats).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1, batches: 1, rejectsByCode: { ROW_REJECTED: 1 } });
  });

  it('sends full batches in order and checkpoints after each, nothing good lost', async () => {
    const sunk: { size: number; first: number; last: number }[] = [];
    const cp = new MemoryCheckpoint();
    const result = await runPipeline({
      source: rows(25, (i) => i % 10 === 0),
      validate: validatePerson,
      sink: async (b, info) => void sunk.push({ size: b.length, first: info.firstRow, last: info.lastRow }),
      batchSize: 10,
      checkpoint: cp,
    });
    expect(result.accepted).toBe(23);
    expect(result.rejected.map((r) => r.rowNumber)).toEqual([10, 20]);
    expect(sunk).toEqual([
      { size: 10, first: 1, last: 11 },
      { size: 10, first: 12, last: 22 },
      { size: 3, first: 23, last: 25 },
    ]);
    expect(cp.commits.map((c) => c.lastRow)).toEqual([11, 22, 25]);
    expect(cp.finished).toEqual({ lastRow: 25, accepted: 23, rejected: 2 });
  });

  it('resumes after a committed row: earlier records are not sent again, rejects still reported', async () => {
    const sunk: string[] = [];
    const cp = new MemoryCheckpoint(11);
    const result = await runPipeline({ source: rows(25, (i) => i % 10 === 0), validate: validatePerson, sink: async (b) => void sunk.push(...b.map((p) => p.name)), batchSize: 10, checkpoint: cp });
    expect(sunk[0]).toBe('n12');
    expect(sunk).toHaveLength(13);
    expect(result.accepted).toBe(23);
    expect(result.stats.resumedRows).toBe(10);
    expect(result.rejected.map((r) => r.rowNumber)).toEqual([10, 20]);
  });

  it('rejects numeric cells in text fields with SPREADSHEET_NUMERIC_CELL and merges reader issues', async () => {
    const source: SourceRow[] = [
      { rowNumber: 1, line: 2, fields: { name: 'a', phone: '13812345678' }, cellTypes: { phone: 'number' } },
      { rowNumber: 2, line: 3, fields: { name: 'b', phone: '13812345678' }, issues: [issue(IngestErrors.ENCODING_INVALID, { line: 3, encoding: 'utf8' }, 'name')] },
      { rowNumber: 3, line: 4, fields: { name: 'c', phone: '1' }, cellTypes: { name: 'number' } },
    ];
    const result = await runPipeline({ source, validate: validatePerson, sink: async () => undefined, textFields: ['phone'] });
    expect(result.accepted).toBe(0);
    expect(result.rejected.map((r) => r.issues.map((i) => `${r.rowNumber}:${i.field}:${i.code}`))).toEqual([
      ['1:phone:SPREADSHEET_NUMERIC_CELL'],
      ['2:name:ENCODING_INVALID'],
      ['3:phone:ROW_REJECTED'],
    ]);
    expect(result.rejected[0]!.issues[0]!.params).toEqual({ shown: '13812345678' });
  });

  it('a validator that throws rejects only that row (ROW_VALIDATION_FAILED); warnings on accepted rows are counted', async () => {
    const result = await runPipeline({
      source: rows(3),
      validate: (row) => {
        if (row.rowNumber === 2) throw new Error('boom');
        return { record: row.fields, issues: [issue(IngestErrors.ROW_REJECTED, undefined, 'name')] };
      },
      sink: async () => undefined,
    });
    expect(result.accepted).toBe(2);
    expect(result.rejected[0]!.issues[0]).toMatchObject({ code: 'ROW_VALIDATION_FAILED', params: { reason: 'boom' } });
    expect(result.stats.warningsByCode).toEqual({ ROW_REJECTED: 2 });
  });

  it('async validators are awaited; progress is reported', async () => {
    const seen: number[] = [];
    const result = await runPipeline({
      source: rows(2500),
      validate: async (row) => ({ record: row.rowNumber }),
      sink: async () => undefined,
      batchSize: 1000,
      onProgress: (p) => seen.push(p.rowsRead),
    });
    expect(result.accepted).toBe(2500);
    expect(seen).toEqual([1000, 2000, 2500, 2500]);
  });

  it('a failing sink fails the run with INGEST_SINK_FAILED; committed batches stay checkpointed', async () => {
    const cp = new MemoryCheckpoint();
    let calls = 0;
    const run = runPipeline({
      source: rows(30),
      validate: validatePerson,
      sink: async () => {
        if (++calls === 2) throw new Error('disk full');
      },
      batchSize: 10,
      checkpoint: cp,
    });
    await expect(run).rejects.toBeInstanceOf(AppError);
    await expect(run).rejects.toMatchObject({ code: 'INGEST_SINK_FAILED', issue: { params: { firstRow: 11, lastRow: 20, reason: 'disk full' } } });
    expect(cp.commits).toEqual([{ lastRow: 10, accepted: 10, rejected: 0 }]);
    expect(cp.failed).toBeInstanceOf(AppError);
    expect(cp.finished).toBeNull();
  });

  it('reports the original error when recording the failure fails too', async () => {
    const cp = new MemoryCheckpoint();
    cp.fail = async () => {
      throw new Error('database gone');
    };
    const run = runPipeline({ source: rows(3), validate: validatePerson, sink: async () => Promise.reject(new Error('disk full')), checkpoint: cp });
    await expect(run).rejects.toMatchObject({ code: 'INGEST_SINK_FAILED', issue: { params: { reason: 'disk full' } } });
  });

  it('keeps at most maxRejectedKept rejected rows but counts and reports all', async () => {
    let reported = 0;
    const result = await runPipeline({ source: rows(50, () => true), validate: validatePerson, sink: async () => undefined, maxRejectedKept: 5, onReject: () => void reported++ });
    expect(result.rejected).toHaveLength(5);
    expect(result.stats.rejected).toBe(50);
    expect(reported).toBe(50);
  });
});

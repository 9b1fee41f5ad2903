import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../store/database.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { testDialects } from '../store/testing.ts';
import { beginIngestRun, fileSha256, getIngestRun, ingestCheckpoint, listIngestRuns } from './checkpoint.ts';
import { readCsv } from './csv.ts';
import { runPipeline } from './pipeline.ts';
import { migrations } from './schema.ts';

describe.each(testDialects())('ingest runs on $name', (dialect) => {
  let database: Database;
  let drop: () => Promise<void>;
  let file: string;
  let dir: string;

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    database = openDatabase(created.config);
    await migrateToLatest(database, { ...migrations });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-ckpt-'));
    file = path.join(dir, 'in.csv');
    const lines = ['waybillNo,phone'];
    for (let i = 1; i <= 95; i++) lines.push(`W${i},${i % 30 === 0 ? 'bad' : '13800000000'}`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
  });
  afterAll(async () => {
    await database.close();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const validate = (row: { fields: Record<string, string> }) => (row.fields['phone'] === 'bad' ? { issues: [] } : { record: row.fields['waybillNo']! });

  it('an interrupted import resumes after its last committed batch and ends with the rows of one clean run', async () => {
    const stored = new Set<string>();
    const sinkCalls: string[][] = [];
    const first = await beginIngestRun(database, { kind: 'test', sourcePath: file, now: new Date('2026-11-30T01:00:00Z') });
    expect(first.resumed).toBe(false);
    let calls = 0;
    await expect(
      runPipeline({
        source: readCsv(file),
        validate,
        batchSize: 20,
        checkpoint: ingestCheckpoint(database, first.run),
        sink: async (batch) => {
          if (++calls === 3) throw new Error('killed');
          sinkCalls.push(batch);
          for (const w of batch) stored.add(w);
        },
      }),
    ).rejects.toMatchObject({ code: 'INGEST_SINK_FAILED' });
    const failed = await getIngestRun(database, first.run.id);
    expect(failed).toMatchObject({ status: 'failed', lastRow: 41, rowsCommitted: 40, rowsRejected: 1, sourceBytes: fs.statSync(file).size });
    expect(failed.error).toMatch(/killed/);

    const again = await beginIngestRun(database, { kind: 'test', sourcePath: file });
    expect(again.resumed).toBe(true);
    expect(again.run.id).toBe(first.run.id);
    const result = await runPipeline({
      source: readCsv(file),
      validate,
      batchSize: 20,
      checkpoint: ingestCheckpoint(database, again.run),
      sink: async (batch) => {
        sinkCalls.push(batch);
        for (const w of batch) stored.add(w);
      },
    });
    expect(sinkCalls[2]![0]).toBe('W42');
    expect(result.accepted).toBe(92);
    expect(result.rejected.map((r) => r.rowNumber)).toEqual([30, 60, 90]);
    expect(stored.size).toBe(92);
    expect(sinkCalls.flat()).toHaveLength(92); // nothing sent twice
    const done = await getIngestRun(database, first.run.id);
    expect(done).toMatchObject({ status: 'succeeded', lastRow: 95, rowsCommitted: 92, rowsRejected: 3, error: null });
    expect(done.finishedAt).not.toBeNull();

    // the same bytes again: a new run from row 1 that knows the earlier success
    const third = await beginIngestRun(database, { kind: 'test', sourcePath: file });
    expect(third.resumed).toBe(false);
    expect(third.previousSucceeded?.id).toBe(first.run.id);
    expect(third.run.lastRow).toBe(0);
    const runs = await listIngestRuns(database, { kind: 'test' });
    expect(runs.map((r) => r.id)).toContain(third.run.id);
    expect(runs).toHaveLength(2);
  });

  it('hashes files by streaming them', async () => {
    const h = await fileSha256(file);
    expect(h.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(h.bytes).toBe(fs.statSync(file).size);
    await expect(getIngestRun(database, 'nope')).rejects.toMatchObject({ code: 'INGEST_RUN_NOT_FOUND' });
  });
});

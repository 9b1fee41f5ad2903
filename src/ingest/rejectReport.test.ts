import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { issue } from '../core/errors.ts';
import { readCsv } from './csv.ts';
import { IngestErrors } from './errors.ts';
import { runPipeline } from './pipeline.ts';
import { createRejectReport, maskGeneric, reportPaths, writeRejectReport } from './rejectReport.ts';

describe('reject report', () => {
  it('masks values by default: an 18-character ID keeps 4 + 4 characters', () => {
    expect(maskGeneric('320102199001011234')).toBe('3201**********1234');
    expect(maskGeneric('3.20102E+17')).toBe('3.*******17');
    expect(maskGeneric('李娜')).toBe('**');
    expect(maskGeneric('')).toBe('');
  });

  it('writes <input>.rejects.csv (UTF-8 BOM, one line per issue, masked values) and <input>.import.json', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-report-'));
    const input = path.join(dir, '寄件.csv');
    fs.writeFileSync(input, 'name,idNumber,phone\n李娜,11010519880815108X,13812345678\n王强,3.20102E+17,=cmd|calc\n张伟,320102199001011000,1088886666\n');
    try {
      const writer = createRejectReport(input, { mask: (field, v) => (field === 'phone' ? `${v.slice(0, 3)}****${v.slice(-4)}` : maskGeneric(v)), extra: { encoding: 'utf8', runId: 'r1' } });
      const result = await runPipeline({
        source: readCsv(input),
        validate: (row) => {
          const issues = [];
          if (!/^\d{17}[\dX]$/.test(row.fields['idNumber']!) || row.fields['idNumber']!.endsWith('000')) issues.push(issue(IngestErrors.ROW_REJECTED, undefined, 'idNumber'));
          if (!/^1\d{10}$/.test(row.fields['phone']!)) issues.push(issue(IngestErrors.ROW_REJECTED, undefined, 'phone'));
          return issues.length ? { issues } : { record: row.fields };
        },
        sink: async () => undefined,
        onReject: writer.add,
      });
      const summary = writer.close(result);
      const bytes = fs.readFileSync(reportPaths(input).rejects);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = parse(bytes.subarray(3).toString('utf8')) as string[][];
      expect(lines[0]).toEqual(['行号 row', '文件行 line', '字段 field', '代码 code', '原因 message', 'reason', '原值 value (masked)']);
      expect(lines.slice(1).map((l) => [l[0], l[1], l[2], l[3], l[6]])).toEqual([
        ['2', '3', 'idNumber', 'ROW_REJECTED', '3.*******17'],
        ['2', '3', 'phone', 'ROW_REJECTED', "'=cm****calc"],
        ['3', '4', 'idNumber', 'ROW_REJECTED', '3201**********1000'],
        ['3', '4', 'phone', 'ROW_REJECTED', '108****6666'],
      ]);
      expect(lines[1]![4]).toBe('本行被拒收');
      expect(bytes.toString('utf8')).not.toContain('320102199001011000');
      const json = JSON.parse(fs.readFileSync(reportPaths(input).summary, 'utf8'));
      expect(json).toEqual(summary);
      expect(json).toMatchObject({
        input,
        runId: 'r1',
        encoding: 'utf8',
        rowsRead: 3,
        accepted: 1,
        rejected: 2,
        rejectedListed: 2,
        rejectsByCode: { ROW_REJECTED: 4 },
        rejectsByField: { idNumber: { ROW_REJECTED: 2 }, phone: { ROW_REJECTED: 2 } },
      });

      // a later clean run replaces the stale report with an empty one
      const clean = writeRejectReport(input, { accepted: 1, rejected: [], stats: { ...result.stats, rejected: 0, rejectsByCode: {} } });
      expect(clean.rejected).toBe(0);
      expect(fs.readFileSync(reportPaths(input).rejects, 'utf8').trim().split('\r\n')).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

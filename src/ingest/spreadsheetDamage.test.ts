/**
 * C14 and C15 at the pipeline level: values damaged by a spreadsheet are rejected with the
 * validators' specific codes, naming row and field, and never reach the sink.
 */
import { describe, expect, it } from 'vitest';
import { validateIdNumber, validatePhone, validatePostcode, type Issue } from '../core/index.ts';
import { readCsv } from './csv.ts';
import { runPipeline, type RowVerdict } from './pipeline.ts';
import type { SourceRow } from './types.ts';

function validate(row: SourceRow): RowVerdict<Record<string, string>> {
  const issues: Issue[] = [];
  const checks = [
    ['senderIdNumber', validateIdNumber],
    ['senderPhone', validatePhone],
    ['postcode', validatePostcode],
  ] as const;
  for (const [field, check] of checks) {
    for (const e of check(row.fields[field] ?? '').errors) issues.push({ ...e, field });
  }
  return issues.length > 0 ? { issues } : { record: row.fields };
}

describe('spreadsheet damage through the pipeline', () => {
  it('C14 and C15: damaged ID numbers, phones and postcodes are rejected with row, field and specific code', async () => {
    const csv = [
      '寄件人,senderIdNumber,senderPhone,postcode',
      '李娜,11010519880815108X,13812345678,100020',
      '王强,3.20102E+17,13912345678,100020',
      '张伟,320102199001011000,13912345678,100020',
      '刘洋,11010519880815108X,1088886666,10010',
      '陈静,11010519880815108X,01088886666,100020',
    ].join('\r\n');
    const stored: Record<string, string>[] = [];
    const result = await runPipeline({ source: readCsv(Buffer.from(csv)), validate, sink: async (b) => void stored.push(...b) });
    expect(result.accepted).toBe(2);
    expect(stored.map((r) => r['寄件人'])).toEqual(['李娜', '陈静']);
    expect(result.rejected.map((r) => [r.rowNumber, r.line, r.issues.map((i) => `${i.field}:${i.code}`)])).toEqual([
      [2, 3, ['senderIdNumber:ID_SPREADSHEET_DAMAGED']],
      [3, 4, ['senderIdNumber:ID_SPREADSHEET_DAMAGED']],
      [4, 5, ['senderPhone:PHONE_LEADING_ZERO_STRIPPED', 'postcode:POSTCODE_LEADING_ZERO_STRIPPED']],
    ]);
    expect(result.rejected[0]!.values).toEqual({ senderIdNumber: '3.20102E+17' });
    expect(result.rejected[2]!.issues[0]!.params).toEqual({ probable: '010-88886666' });
    expect(result.stats.rejectsByCode).toEqual({ ID_SPREADSHEET_DAMAGED: 2, PHONE_LEADING_ZERO_STRIPPED: 1, POSTCODE_LEADING_ZERO_STRIPPED: 1 });
  });
});

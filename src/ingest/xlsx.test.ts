import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { issue } from '../core/errors.ts';
import { IngestErrors } from './errors.ts';
import { runPipeline } from './pipeline.ts';
import type { SourceRow } from './types.ts';
import { readXlsx } from './xlsx.ts';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function all(source: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const r of source) rows.push(r);
  return rows;
}

describe('readXlsx', () => {
  it('reads cells as the text the user sees and exposes numeric ID cells (C14) for rejection', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('寄件');
      ws.addRow(['寄件人姓名', '寄件人证件号码', '寄件人电话', '邮编', '重量']);
      ws.addRow(['李娜', '11010519880815108X', '13812345678', '100020', 350]);
      ws.addRow(['王强', 320102199001011234, '13912345678', '210000', 1200]);
      ws.addRow([]);
      const r = ws.addRow(['张伟', 320102199001011234, 1088886666, 10010, 80]);
      r.getCell(2).numFmt = '0';
    });
    const columns = { senderName: ['寄件人姓名'], senderIdNumber: ['寄件人证件号码'], senderPhone: ['寄件人电话'], postcode: ['邮编'], weight: ['重量'] };
    const src = readXlsx(bytes, { columns });
    const rows = await all(src);
    expect(src.meta.fields).toEqual(['senderName', 'senderIdNumber', 'senderPhone', 'postcode', 'weight']);
    expect(rows.map((r) => [r.rowNumber, r.line])).toEqual([
      [1, 2],
      [2, 3],
      [3, 5],
    ]);
    expect(rows[0]!.fields).toEqual({ senderName: '李娜', senderIdNumber: '11010519880815108X', senderPhone: '13812345678', postcode: '100020', weight: '350' });
    expect(rows[0]!.cellTypes).toEqual({ weight: 'number' });
    expect(rows[1]!.fields['senderIdNumber']).toBe('3.20102E+17');
    expect(rows[2]!.fields).toMatchObject({ senderIdNumber: '320102199001011000', senderPhone: '1088886666', postcode: '10010' });
    expect(rows[2]!.cellTypes).toEqual({ senderIdNumber: 'number', senderPhone: 'number', postcode: 'number', weight: 'number' });

    const result = await runPipeline({
      source: readXlsx(bytes, { columns }),
      validate: (row) => ({ record: row.fields }),
      sink: async () => undefined,
      textFields: ['senderIdNumber', 'senderPhone', 'postcode'],
    });
    expect(result.accepted).toBe(1);
    expect(result.rejected.map((r) => [r.rowNumber, r.issues.map((i) => `${i.field}:${i.code}`)])).toEqual([
      [2, ['senderIdNumber:SPREADSHEET_NUMERIC_CELL']],
      [3, ['senderIdNumber:SPREADSHEET_NUMERIC_CELL', 'senderPhone:SPREADSHEET_NUMERIC_CELL', 'postcode:SPREADSHEET_NUMERIC_CELL']],
    ]);
    expect(result.rejected[0]!.issues[0]!.message).toContain('3.20102E+17');
  });

  it('reads a named sheet, dates as ISO text, error cells as row issues', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('说明').addRow(['这一页不是数据']);
      const ws = wb.addWorksheet('数据');
      ws.addRow(['waybillNo', 'acceptedAt', 'x']);
      ws.addRow(['78912345678901', new Date(Date.UTC(2026, 10, 11, 9, 30)), { error: '#N/A' }]);
    });
    const rows = await all(readXlsx(bytes, { sheet: 2 }));
    expect(await all(readXlsx(bytes, { sheet: '数据' }))).toEqual(rows);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fields).toEqual({ waybillNo: '78912345678901', acceptedAt: '2026-11-11 09:30:00', x: '#N/A' });
    expect(rows[0]!.issues).toEqual([issue(IngestErrors.XLSX_CELL_ERROR, { shown: '#N/A' }, 'x')]);
    await expect(all(readXlsx(bytes, { sheet: 5 }))).rejects.toMatchObject({ code: 'INGEST_SHEET_NOT_FOUND' });
  });

  it('a file that is not a workbook fails as a whole with INGEST_SOURCE_UNREADABLE', async () => {
    await expect(all(readXlsx(Buffer.from('name,phone\n')))).rejects.toMatchObject({ code: 'INGEST_SOURCE_UNREADABLE' });
  });
});

/**
 * Batch intake of appeals from a file (CSV/TSV/XLSX/NDJSON through src/ingest), channel
 * `import`: each row goes through the same intake as the API (classification, risk, routing);
 * a row already imported (same external id) is skipped; a bad row is rejected with its issues.
 * Header aliases cover the message-board export (留言编号, 留言主题, 留言详情, 留言时间).
 */
import { AppError, issue, type Issue } from '../../core/errors.ts';
import { readFile } from '../../ingest/readFile.ts';
import type { ColumnMapping } from '../../ingest/types.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { DisputesErrors as E } from './errors.ts';
import { registerAppeal, type Actor } from './intake.ts';
import { findByExternalId } from './repository.ts';

export const APPEAL_COLUMNS: ColumnMapping = {
  externalId: ['留言编号', '编号', 'external_id', 'externalId', 'id'],
  title: ['留言主题', '标题', '主题', 'title'],
  text: ['留言详情', '内容', '诉求内容', 'text', 'body'],
  receivedAt: ['留言时间', '受理时间', '时间', 'received_at', 'receivedAt'],
  divisionCode: ['行政区划代码', '区划', 'division_code', 'divisionCode'],
  category: ['分类', 'category'],
  place: ['地点', 'place'],
  name: ['诉求人', '姓名', 'name'],
  phone: ['联系电话', '电话', 'phone'],
  kind: ['类型', 'kind'],
};

export interface AppealImportResult {
  readonly accepted: number;
  readonly skipped: number;
  readonly rejected: readonly { readonly rowNumber: number; readonly line: number; readonly issues: readonly Issue[] }[];
  readonly appealNos: readonly string[];
}

/**
 * Import a file of appeals.
 * @param options.divisionCode used for rows without a division code
 * @param options.limit stop after this many data rows
 */
export async function importAppeals(ctx: PlatformContext, file: string, actor: Actor, options: { divisionCode?: string; limit?: number } = {}): Promise<AppealImportResult> {
  const source = readFile(file, { columns: APPEAL_COLUMNS, unknownColumns: 'drop' });
  const rejected: { rowNumber: number; line: number; issues: Issue[] }[] = [];
  const appealNos: string[] = [];
  let skipped = 0;
  for await (const row of source) {
    if (options.limit !== undefined && row.rowNumber > options.limit) break;
    if (row.issues?.length) {
      rejected.push({ rowNumber: row.rowNumber, line: row.line, issues: [...row.issues] });
      continue;
    }
    const f = row.fields;
    const externalId = f.externalId?.trim() || null;
    if (externalId && (await findByExternalId(ctx.database, 'import', externalId))) {
      skipped++;
      continue;
    }
    const kind = f.kind === 'dispute' || f.kind === 'consultation' ? f.kind : 'appeal';
    try {
      appealNos.push(await registerAppeal(ctx, {
        kind, channel: 'import', externalId, title: f.title ?? '', text: (f.text ?? '').replace(/\s+/g, ' ').trim(), divisionCode: f.divisionCode?.trim() || options.divisionCode || '',
        ...(f.receivedAt?.trim() ? { receivedAt: f.receivedAt.trim().replace(/\//g, '-').replace(/-(\d)(?=\D|$)/g, '-0$1').replace(/ (\d):/, ' 0$1:') } : {}),
        category: f.category?.trim() || null, place: f.place?.trim() || null,
        parties: f.name?.trim() ? [{ side: 'applicant', kind: 'person', name: f.name.trim(), phone: f.phone?.trim() || null }] : [],
      }, actor));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      rejected.push({ rowNumber: row.rowNumber, line: row.line, issues: e.details.length ? [...e.details] : [issue(E.DISPUTES_IMPORT_ROW, { row: row.rowNumber, reason: e.issue.messageEn })] });
    }
  }
  return { accepted: appealNos.length, skipped, rejected, appealNos };
}

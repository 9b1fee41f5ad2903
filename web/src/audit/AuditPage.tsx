/**
 * 审计日志 (admin): the hash-chained audit log, newest first, 50 per page (GET /api/audit
 * ?limit&before), and a button that verifies the whole chain (GET /api/audit/verify) and says
 * where it breaks if it does.
 */
import { useState } from 'react';
import { ApiError, get } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { useApiGet } from '../app/useApiGet.ts';
import { ErrorNotice, Loading } from '../app/Status.tsx';
import { dictionaries, useI18n, type MessageKey } from '../i18n/index.ts';

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly role: string | null;
  readonly action: string;
  readonly purpose: string | null;
  readonly legalBasis?: string | null;
  readonly recordKind?: string | null;
  readonly recordIds?: readonly (string | number)[] | null;
  readonly outcome: 'allowed' | 'refused';
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBadSeq?: number;
  readonly problem?: string;
}

export const PAGE_SIZE = 50;

export function AuditPage() {
  const { t, lang, num } = useI18n();
  const [before, setBefore] = useState<number | undefined>(undefined);
  const { data, error, loading, reload } = useApiGet<{ entries: AuditEntry[] }>('/api/audit', { limit: PAGE_SIZE, before });
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [verifyError, setVerifyError] = useState<ApiError | null>(null);
  const [verifying, setVerifying] = useState(false);

  async function runVerify() {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerify(await get<VerifyResult>('/api/audit/verify'));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setVerifyError(e);
    } finally {
      setVerifying(false);
    }
  }

  const known = (key: string): key is MessageKey => key in dictionaries['zh-CN'];
  const roleLabel = (r: string | null) => (!r ? '—' : known(`role.${r}`) ? t(`role.${r}` as MessageKey) : r);
  const actionLabel = (a: string) => (known(`action.${a}`) ? t(`action.${a}` as MessageKey) : null);
  const kindLabel = (k: string) => (known(`recordKind.${k}`) ? t(`recordKind.${k}` as MessageKey) : k);
  const entries = data?.entries ?? [];
  const oldest = entries.length ? entries[entries.length - 1]!.seq : undefined;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('audit.title')}</h1>
        <button type="button" className="btn btn-primary" onClick={() => void runVerify()} disabled={verifying} data-testid="audit-verify">
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </button>
      </div>
      <p className="muted">{t('audit.intro')}</p>
      {verify && (
        <div className={`notice ${verify.ok ? 'notice-ok' : 'notice-error'}`} data-testid="audit-verify-result">
          {verify.ok ? t('audit.verifyOk', { checked: num(verify.checked) }) : t('audit.verifyBad', { seq: verify.firstBadSeq ?? '?', problem: verify.problem ?? '' })}
        </div>
      )}
      {verifyError && <ErrorNotice error={verifyError} />}
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {loading && !data && <Loading />}
      {data && (
        <section className="panel">
          <div className="table-scroll">
            <table className="table" data-testid="audit-table">
              <thead>
                <tr>
                  <th className="num">{t('audit.seq')}</th>
                  <th>{t('audit.time')}</th>
                  <th>{t('audit.actor')}</th>
                  <th>{t('audit.role')}</th>
                  <th>{t('audit.action')}</th>
                  <th>{t('audit.purpose')}</th>
                  <th>{t('audit.records')}</th>
                  <th>{t('audit.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td className="nowrap">{formatInstant(e.at, lang)}</td>
                    <td>{e.actor}</td>
                    <td>{roleLabel(e.role)}</td>
                    <td>
                      {actionLabel(e.action) ?? ''} <code className="code">{e.action}</code>
                    </td>
                    <td>
                      {e.purpose ?? '—'}
                      {e.legalBasis ? <div className="muted small">{e.legalBasis}</div> : null}
                    </td>
                    <td title={(e.recordIds ?? []).join(', ')}>
                      {e.recordKind ? `${kindLabel(e.recordKind)} · ${t('audit.recordsCount', { n: (e.recordIds ?? []).length })}` : '—'}
                    </td>
                    <td>
                      <span className={`tag ${e.outcome === 'refused' ? 'tag-alert' : 'tag-ok'}`}>{t(e.outcome === 'refused' ? 'audit.refused' : 'audit.allowed')}</span>
                    </td>
                  </tr>
                ))}
                {!entries.length && (
                  <tr>
                    <td colSpan={8} className="empty">
                      {t('app.noData')}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            {before !== undefined && (
              <button type="button" className="btn btn-small" onClick={() => setBefore(undefined)}>
                {t('audit.newest')}
              </button>
            )}
            {entries.length === PAGE_SIZE && oldest !== undefined && (
              <button type="button" className="btn btn-small" onClick={() => setBefore(oldest)}>
                {t('audit.older')}
              </button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

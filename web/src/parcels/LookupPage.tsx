/**
 * 查询 — person-level look-up of parcels by waybill number (+ courier), ID number or phone,
 * with a REQUIRED purpose (查询事由, ≥ 4 characters) and an optional legal basis / case
 * number. GET /api/parcels/lookup; results are masked by the server per role and the query is
 * written to the audit log, which the page states.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, get } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { useApiGet } from '../app/useApiGet.ts';
import { ErrorNotice } from '../app/Status.tsx';
import { useI18n } from '../i18n/index.ts';
import { lookupRows, type LookupResponse } from './lookupRows.ts';
import type { ParcelMeta } from './types.ts';

type Mode = 'waybill' | 'idNumber' | 'phone';
export const MIN_PURPOSE_CHARS = 4;

export function LookupPage() {
  const { t, lang } = useI18n();
  const meta = useApiGet<ParcelMeta>('/api/parcels/meta');
  const [mode, setMode] = useState<Mode>('waybill');
  const [courier, setCourier] = useState('');
  const [value, setValue] = useState('');
  const [purpose, setPurpose] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ response: LookupResponse; purpose: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    const query = {
      purpose: purpose.trim(),
      legalBasis: legalBasis.trim() || undefined,
      waybillNo: mode === 'waybill' ? value.trim() : undefined,
      courier: mode === 'waybill' ? courier || undefined : undefined,
      idNumber: mode === 'idNumber' ? value.trim() : undefined,
      phone: mode === 'phone' ? value.trim() : undefined,
    };
    try {
      setResult({ response: await get<LookupResponse>('/api/parcels/lookup', query), purpose: query.purpose });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const rows = result ? lookupRows(result.response) : [];
  const purposeShort = purpose.trim().length < MIN_PURPOSE_CHARS;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('lookup.title')}</h1>
      </div>
      <p className="muted">{t('lookup.intro')}</p>
      <form className="lookup-form panel" onSubmit={submit}>
        <div className="lookup-modes" role="radiogroup" aria-label={t('lookup.by')}>
          <span className="field-label">{t('lookup.by')}</span>
          {(['waybill', 'idNumber', 'phone'] as const).map((m) => (
            <label key={m} className="radio">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(m === 'waybill' ? 'lookup.byWaybill' : m === 'idNumber' ? 'lookup.byIdNumber' : 'lookup.byPhone')}
            </label>
          ))}
        </div>
        <div className="lookup-grid">
          {mode === 'waybill' && (
            <label className="field">
              <span className="field-label">{t('field.courier')}</span>
              <select name="courier" value={courier} onChange={(e) => setCourier(e.target.value)}>
                <option value="">{t('register.select')}</option>
                {(meta.data?.couriers ?? []).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.code})
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span className="field-label">{t(mode === 'waybill' ? 'lookup.byWaybill' : mode === 'idNumber' ? 'lookup.byIdNumber' : 'lookup.byPhone')}</span>
            <input name="value" value={value} onChange={(e) => setValue(e.target.value)} required autoComplete="off" />
          </label>
          <label className="field field-wide">
            <span className="field-label">{t('lookup.purpose')}</span>
            <input name="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} required minLength={MIN_PURPOSE_CHARS} autoComplete="off" />
            <span className={`msg ${purpose && purposeShort ? 'msg-error' : 'msg-muted'}`}>{t('lookup.purposeHelp')}</span>
          </label>
          <label className="field field-wide">
            <span className="field-label">{t('lookup.legalBasis')}</span>
            <input name="legalBasis" value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} autoComplete="off" />
          </label>
        </div>
        <div className="form-actions">
          <button className="btn btn-primary" type="submit" disabled={busy || purposeShort || !value.trim()}>
            {busy ? t('lookup.searching') : t('lookup.submit')}
          </button>
        </div>
      </form>
      {error && <ErrorNotice error={error} />}
      {result && (
        <section className="panel" data-testid="lookup-results">
          <div className="notice notice-info">{t('lookup.audited', { purpose: result.purpose, seq: result.response.auditSeq ?? '—' })}</div>
          <p className="muted small">
            {t('lookup.results', { n: rows.length })} · {t('lookup.masked')}
          </p>
          {rows.length === 0 ? (
            <p className="empty">{t('lookup.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('table.acceptedAt')}</th>
                    <th>{t('table.courier')}</th>
                    <th>{t('table.waybillNo')}</th>
                    <th>{t('lookup.sender')}</th>
                    <th>{t('lookup.receiver')}</th>
                    <th>{t('lookup.item')}</th>
                    <th>{t('lookup.realName')}</th>
                    <th>{t('lookup.findings')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key}>
                      <td className="nowrap">{r.acceptedAt ? formatInstant(r.acceptedAt, lang) : '—'}</td>
                      <td>{r.courier}</td>
                      <td className="mono">{r.waybillNo}</td>
                      <td>
                        {r.sender.map((s, i) => (
                          <div key={i} className={i ? 'small' : ''}>
                            {s}
                          </div>
                        ))}
                      </td>
                      <td>
                        {r.receiver.map((s, i) => (
                          <div key={i} className={i ? 'small' : ''}>
                            {s}
                          </div>
                        ))}
                      </td>
                      <td>{r.item}</td>
                      <td>{r.realNameOk === null ? '—' : t(r.realNameOk ? 'lookup.yes' : 'lookup.no')}</td>
                      <td>
                        {r.terms.map((term) => (
                          <span key={term} className="tag tag-alert">
                            {term}
                          </span>
                        ))}
                        {r.noncompliance.map((code) => (
                          <code key={code} className="code">
                            {code}
                          </code>
                        ))}
                        {!r.terms.length && !r.noncompliance.length && '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

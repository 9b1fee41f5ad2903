/**
 * A list of findings (blocking, warnings or overridden): rule id, message, source (document and
 * clause), items, and — for overridable open findings — an override form that requires a
 * reason; the server refuses an empty one and the refusal is shown.
 */
import { useState } from 'react';
import { ApiError, post } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { useEvidenceText } from './i18n/messages.ts';
import { formatInstant } from './itemForm.ts';
import type { CaseFileView, Finding } from './types.ts';

function OverrideForm({ caseNo, finding, stage, onDone }: { caseNo: string; finding: Finding; stage: string; onDone: (v: CaseFileView) => void }) {
  const tx = useEvidenceText();
  const { pick } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open) return <button type="button" className="btn btn-small no-print" data-override={finding.key} onClick={() => setOpen(true)}>{tx('override')}</button>;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await post<CaseFileView>(`/api/evidence/cases/${encodeURIComponent(caseNo)}/overrides`, { findingKey: finding.key, reason, stage }));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ev-override no-print" data-testid="override-form">
      <label>{tx('overrideReason')}<textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      {error && <div className="notice notice-error" data-testid="override-error">{pick(error.bilingual)}</div>}
      <div className="ev-row">
        <button type="button" className="btn btn-primary btn-small" disabled={busy} onClick={() => void submit()}>{tx('overrideSubmit')}</button>
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>{tx('cancel')}</button>
      </div>
    </div>
  );
}

/** A panel of findings of one kind with rule, message, items and source; open overridable findings get an override form. */
export function FindingList({ findings, kind, caseNo, stage, onChange }: { findings: readonly Finding[]; kind: 'blocking' | 'warnings' | 'overridden'; caseNo: string; stage: string; onChange: (v: CaseFileView) => void }) {
  const tx = useEvidenceText();
  const { lang } = useI18n();
  return (
    <section className={`panel ev-findings ev-${kind}`} data-testid={`findings-${kind}`}>
      <h2 className="panel-title">{tx(kind)} ({findings.length})</h2>
      {findings.length === 0 ? (
        <div className="muted">{tx('none')}</div>
      ) : (
        <table className="table">
          <thead><tr><th>{tx('rule')}</th><th>{tx('finding')}</th><th>{tx('items')}</th><th>{tx('source')}</th></tr></thead>
          <tbody>
            {findings.map((f) => (
              <tr key={f.key} data-rule={f.ruleId} data-key={f.key}>
                <td className="mono">{f.ruleId}</td>
                <td>
                  <div>{lang === 'en' ? f.messageEn : f.message}</div>
                  {f.override && <div className="ev-reason">{tx('reason')}: {f.override.reason} — {f.override.officer}, {formatInstant(f.override.at, lang)} ({tx('auditSeq')} {f.override.auditSeq})</div>}
                  {kind !== 'overridden' && (f.overridable ? <OverrideForm caseNo={caseNo} finding={f} stage={stage} onDone={onChange} /> : <span className="muted small">{tx('notOverridable')}</span>)}
                </td>
                <td className="mono">{f.itemKeys.join(', ')}</td>
                <td className="ev-source">{f.sourceTitle}<br /><span className="muted small">{f.source.clause}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

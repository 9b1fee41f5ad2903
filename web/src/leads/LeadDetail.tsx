/**
 * One lead under review: the person (masked), the score with each rule's contribution, every tag
 * with its conditions (actual value against threshold), the rule file's text, the evidence rows
 * (masked parcels), the review history, and the decision form — confirm or dismiss, with a
 * reason the server requires (LEADS_REASON_REQUIRED) and writes to the audit log.
 */
import { useState, type FormEvent } from 'react';
import { post } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { ErrorNotice, Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { useAction } from './CaseTab.tsx';
import { useLeadsText, type LeadsKey } from './i18n/messages.ts';
import { caseHref } from './route.ts';
import { showValue } from './RulesTab.tsx';
import type { CaseView, EvidenceParcel, LeadView } from './types.ts';

/** Masked evidence parcels as a table (shared by the lead view and the network's explanation panel). */
export function EvidenceTable({ rows, testId, compact = false }: { rows: readonly EvidenceParcel[]; testId?: string; compact?: boolean }) {
  const tx = useLeadsText();
  const { lang } = useI18n();
  if (rows.length === 0) return <div className="muted small">{tx('noEvidence')}</div>;
  return (
    <div className="table-scroll ld-evidence">
      <table className="table" data-testid={testId}>
        <thead><tr><th>#</th>{!compact && <th>{tx('waybillNo')}</th>}<th>{tx('acceptedAt')}</th><th>{tx('sender')}</th><th>{tx('receiver')}</th><th>{tx('item')}</th>{!compact && <th>{tx('flagged')}</th>}</tr></thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-parcel={p.id}>
              <td className="mono">{p.id}</td>
              {!compact && <td className="mono small">{p.courier} {p.waybillNo}</td>}
              <td className="nowrap small">{formatInstant(p.acceptedAt, lang)}</td>
              <td className="small">{p.senderName} {p.senderPhone}<div className="muted">{compact ? p.senderProvince : `${p.senderProvince ?? ''} ${p.senderAddress}`}</div></td>
              <td className="small">{p.receiverName} {p.receiverPhone}<div className="muted">{compact ? p.receiverProvince : `${p.receiverProvince ?? ''} ${p.receiverAddress}`}</div></td>
              <td>{p.itemName}{compact && p.flaggedTerms.length > 0 && <span className="tag tag-alert" title={p.flaggedTerms.join('、')}>⚠</span>}</td>
              {!compact && <td>{p.flaggedTerms.length ? <span className="tag tag-alert">{p.flaggedTerms.join('、')}</span> : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LeadDetail({ caseView, leadId, onReviewed }: { caseView: CaseView; leadId: number; onReviewed: () => void }) {
  const tx = useLeadsText();
  const { lang, num } = useI18n();
  const base = `/api/leads/cases/${encodeURIComponent(caseView.caseNo)}`;
  const loaded = useApiGet<LeadView>(`${base}/leads/${leadId}`);
  const [view, setView] = useState<LeadView | null>(null);
  const [decision, setDecision] = useState<'confirm' | 'dismiss'>('confirm');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const act = useAction();
  const lead = view ?? loaded.data;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const v = await act.run(() => post<LeadView>(`${base}/leads/${leadId}/review`, { decision, reason }));
    if (v) {
      setView(v);
      setReason('');
      setDone(tx('reviewDone', { decision: tx(`status.${v.status}` as LeadsKey) }));
      onReviewed();
    }
  };

  if (loaded.error) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!lead) return <Loading />;
  return (
    <div className="ld-lead" data-testid="lead-detail" data-lead={lead.id} data-status={lead.status}>
      <div className="ld-lead-head">
        <h2 className="panel-title">{tx('lead')} #{lead.id} · <span className={`ld-badge ld-${lead.status}`}>{tx(`status.${lead.status}` as LeadsKey)}</span></h2>
        <a className="btn btn-small" href={caseHref(caseView.caseNo, 'network', { seed: lead.personKey })} data-action="expand-lead">{tx('expandFrom')}</a>
      </div>
      <dl className="ld-dl">
        <dt>{tx('person')}</dt><dd data-testid="lead-person">{lead.person.name ?? '—'} {lead.person.phone ?? ''} <span className="mono muted small">{lead.personKey}</span></dd>
        <dt>{tx('score')}</dt>
        <dd>
          <b>{num(lead.score, lead.model === 'fitted' ? 3 : 0)}</b> <span className="muted small">({tx(`model.${lead.model === 'fitted' ? 'fitted' : 'declared'}` as LeadsKey)})</span>{' = '}
          {lead.contributions.map((c) => `${c.ruleId} ${num(c.weight, Number.isInteger(c.weight) ? 0 : 2)}`).join(' + ')}
        </dd>
      </dl>

      <h3>{tx('tags')} ({lead.tags.length})</h3>
      {lead.tags.map((t) => (
        <div key={t.id} className={`ld-tag ${t.live ? '' : 'ld-tag-expired'}`} data-rule={t.ruleId}>
          <div>
            <b>{t.ruleName ? (lang === 'en' ? t.ruleName.en : t.ruleName.zh) : t.ruleId}</b> <span className="mono muted small">{t.ruleId} v{t.ruleVersion}</span>{' '}
            <span className={`ld-badge ${t.live ? 'ld-open' : 'ld-closed'}`}>{t.live ? tx('live') : tx('expired')}</span>
            <span className="muted small"> {tx('firedAt')} {formatInstant(t.firedAt, lang)} · {tx('expiresAt')} {formatInstant(t.expiresAt, lang)}</span>
          </div>
          <table className="table ld-inner">
            <thead><tr><th>{tx('condition')}</th><th className="num">{tx('actual')}</th><th className="num">{tx('threshold')}</th><th>{tx('outcome')}</th></tr></thead>
            <tbody>
              {t.conditions.map((c, i) => (
                <tr key={i}><td className="mono small">{c.text}</td><td className="num">{showValue(c.actual)}</td><td className="num">{showValue(c.threshold)}</td><td>{c.outcome}</td></tr>
              ))}
            </tbody>
          </table>
          <div className="small muted">{tx('evidenceIds', { shown: t.evidence.length, total: t.evidence.length })}: <span className="mono">{t.evidence.map((e) => e.recordId).join(', ')}</span></div>
          {t.ruleText && (
            <details>
              <summary className="small">{tx('ruleText')}</summary>
              <pre className="ld-yaml">{t.ruleText}</pre>
            </details>
          )}
        </div>
      ))}

      <h3>{tx('evidenceRows')} ({lead.evidence.length})</h3>
      <EvidenceTable rows={lead.evidence} testId="lead-evidence" />

      <h3>{tx('reviews')} ({lead.reviews.length})</h3>
      {lead.reviews.length > 0 && (
        <table className="table ld-inner" data-testid="lead-reviews">
          <thead><tr><th>{tx('at')}</th><th>{tx('reviewer')}</th><th>{tx('decision')}</th><th>{tx('reason')}</th><th>{tx('rule')}</th></tr></thead>
          <tbody>
            {lead.reviews.map((r, i) => (
              <tr key={i}><td className="nowrap small">{formatInstant(r.at, lang)}</td><td>{r.reviewer}</td><td className="nowrap">{tx(`status.${r.decision}` as LeadsKey)}</td><td>{r.reason}</td><td className="mono small">{r.rules.join(', ')}</td></tr>
            ))}
          </tbody>
        </table>
      )}

      {caseView.open && (
        <form className="ld-review-form" onSubmit={submit} data-testid="review-form">
          <div className="ld-radios">
            <label><input type="radio" name="decision" value="confirm" checked={decision === 'confirm'} onChange={() => setDecision('confirm')} /> {tx('confirm')}</label>
            <label><input type="radio" name="decision" value="dismiss" checked={decision === 'dismiss'} onChange={() => setDecision('dismiss')} /> {tx('dismiss')}</label>
          </div>
          <label className="field"><span className="field-label">{tx('reviewReason')}</span>
            <textarea name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} /></label>
          {act.error && <div data-testid="review-error"><ErrorNotice error={act.error} /></div>}
          {done && <div className="notice notice-ok" data-testid="review-done">{done}</div>}
          <div><button className="btn btn-primary" type="submit" disabled={act.busy}>{tx('submitReview')}</button></div>
        </form>
      )}
    </div>
  );
}

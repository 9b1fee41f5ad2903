/**
 * The lead review tab (线索审核): scoring (declared weights or the fitted logistic model, its
 * weights shown beside the declared ones), the ranked queue by status with pager, the selected
 * lead's evidence and review form (LeadDetail), export of reviewed leads only (the server refuses
 * any undecided lead with LEADS_NOT_REVIEWED) and the precision of reviewed leads per rule.
 */
import { useEffect, useState } from 'react';
import { get, post } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { ErrorNotice, Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { useAction } from './CaseTab.tsx';
import { downloadFile } from './download.ts';
import { useLeadsText, type LeadsKey } from './i18n/messages.ts';
import { LeadDetail } from './LeadDetail.tsx';
import type { CaseView, LeadStatus, LeadSummary, ModelView, PrecisionRow } from './types.ts';

const PAGE = 20;
const STATUSES: readonly LeadStatus[] = ['pending', 'confirmed', 'dismissed'];

export function LeadsTab({ caseView }: { caseView: CaseView }) {
  const tx = useLeadsText();
  const { num } = useI18n();
  const base = `/api/leads/cases/${encodeURIComponent(caseView.caseNo)}`;
  const [status, setStatus] = useState<LeadStatus>('pending');
  const [offset, setOffset] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [tick, setTick] = useState(0);
  const [scoredMsg, setScoredMsg] = useState<string | null>(null);
  const queue = useApiGet<{ leads: LeadSummary[]; total: number }>(`${base}/leads`, { status, limit: PAGE, offset });
  const precision = useApiGet<{ rules: PrecisionRow[] }>(`${base}/precision`);
  const act = useAction();
  const refresh = () => {
    queue.reload();
    precision.reload();
    setTick((n) => n + 1);
  };

  const score = async (model: 'declared' | 'fitted') => {
    const r = await act.run(() => post<{ scored: number; queued: number; model: string }>(`${base}/leads/score`, { model }));
    if (r) {
      setScoredMsg(tx('scored', { scored: r.scored, queued: r.queued, model: tx(`model.${r.model}` as LeadsKey) }));
      setOffset(0);
      refresh();
    }
  };
  const exportChecked = async () => {
    await act.run(() => downloadFile(`${base}/leads/export.csv?ids=${[...checked].sort((a, b) => a - b).join(',')}`, 'leads.csv'));
  };
  const leads = queue.data?.leads ?? [];
  const total = queue.data?.total ?? 0;

  return (
    <div className="ld-leads" data-testid="leads-tab">
      <p className="muted">{tx('leadsIntro')}</p>
      <div className="ld-actions">
        <button type="button" className="btn btn-primary" data-action="score" disabled={act.busy || !caseView.open} onClick={() => void score('declared')}>{tx('scoreDeclared')}</button>
        <button type="button" className="btn" data-action="score-fitted" disabled={act.busy || !caseView.open} onClick={() => void score('fitted')}>{tx('scoreFitted')}</button>
        {scoredMsg && <span className="small" data-testid="scored">{scoredMsg}</span>}
      </div>
      {act.error && <ErrorNotice error={act.error} />}
      <div className="ld-review">
        <section className="panel ld-queue">
          <div className="ld-status-tabs" role="tablist">
            {STATUSES.map((s) => (
              <button key={s} type="button" role="tab" aria-selected={s === status} className={s === status ? 'active' : ''} data-status={s}
                onClick={() => { setStatus(s); setOffset(0); setChecked(new Set()); }}>{tx(`status.${s}` as LeadsKey)}</button>
            ))}
          </div>
          {queue.error && <ErrorNotice error={queue.error} onRetry={queue.reload} />}
          {queue.loading && !queue.data && <Loading />}
          {queue.data && leads.length === 0 && <div className="empty" data-testid="queue-empty">{tx('queueEmpty')}</div>}
          {leads.length > 0 && (
            <table className="table ld-queue-table" data-testid="lead-queue">
              <thead><tr>{status !== 'pending' && <th />}<th>{tx('rank')}</th><th className="num">{tx('score')}</th><th>{tx('contributions')}</th><th>{tx('personKey')}</th></tr></thead>
              <tbody>
                {leads.map((l, i) => (
                  <tr key={l.id} data-lead={l.id} className={l.id === selectedId ? 'ld-selected' : ''} onClick={() => setSelectedId(l.id)}>
                    {status !== 'pending' && (
                      <td onClick={(e) => e.stopPropagation()}>
                        <input type="checkbox" name={`export-${l.id}`} checked={checked.has(l.id)} onChange={() => {
                          const next = new Set(checked);
                          if (next.has(l.id)) next.delete(l.id); else next.add(l.id);
                          setChecked(next);
                        }} />
                      </td>
                    )}
                    <td className="num">{offset + i + 1}</td>
                    <td className="num"><b>{num(l.score, l.model === 'fitted' ? 3 : 0)}</b></td>
                    <td>{l.contributions.map((c) => <span key={c.ruleId} className="ld-chip" title={`${c.ruleId} v${c.ruleVersion}`}>{c.ruleId} <b>{num(c.weight, Number.isInteger(c.weight) ? 0 : 2)}</b></span>)}</td>
                    <td className="mono small">{l.personKey}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {total > PAGE && (
            <div className="ld-pager">
              <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{tx('prev')}</button>
              <span className="small">{tx('pageOf', { from: offset + 1, to: Math.min(total, offset + PAGE), total })}</span>
              <button type="button" className="btn btn-small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{tx('next')}</button>
            </div>
          )}
          {status !== 'pending' && leads.length > 0 && (
            <div className="ld-actions">
              <button type="button" className="btn" data-action="export-leads" disabled={checked.size === 0 || act.busy} onClick={() => void exportChecked()}>{tx('exportSelected')}</button>
              <span className="muted small">{tx('exportHint')}</span>
            </div>
          )}
        </section>
        <section className="panel ld-detail">
          {selectedId === null ? <div className="empty">{tx('selectLead')}</div> : (
            <LeadDetail key={selectedId} caseView={caseView} leadId={selectedId} onReviewed={refresh} />
          )}
        </section>
      </div>
      <div className="ld-two">
        <Precision rows={precision.data?.rules ?? null} />
        <ModelPanel caseView={caseView} tick={tick} onFitted={refresh} />
      </div>
    </div>
  );
}

function Precision({ rows }: { rows: readonly PrecisionRow[] | null }) {
  const tx = useLeadsText();
  const { num } = useI18n();
  return (
    <section className="panel" data-testid="precision">
      <h2 className="panel-title">{tx('precision')}</h2>
      {!rows ? <Loading /> : (
        <table className="table">
          <thead><tr><th>{tx('rule')}</th><th className="num">{tx('reviewed')}</th><th className="num">{tx('confirmedN')}</th><th className="num">{tx('dismissedN')}</th><th className="num">{tx('precisionCol')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.ruleId} data-rule={r.ruleId}>
                <td className="mono">{r.ruleId}</td><td className="num">{r.reviewed}</td><td className="num">{r.confirmed}</td><td className="num">{r.dismissed}</td>
                <td className="num" data-precision={r.precision ?? ''}>{r.precision === null ? '—' : `${num(r.precision * 100, 1)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ModelPanel({ caseView, tick, onFitted }: { caseView: CaseView; tick: number; onFitted: () => void }) {
  const tx = useLeadsText();
  const { lang, num } = useI18n();
  const base = `/api/leads/cases/${encodeURIComponent(caseView.caseNo)}`;
  const [model, setModel] = useState<ModelView | null>(null);
  const act = useAction();
  useEffect(() => {
    let live = true;
    // 404 LEADS_MODEL_NOT_FOUND is the normal "not fitted yet" state, shown as such
    get<ModelView>(`${base}/model`).then((m) => live && setModel(m), () => live && setModel(null));
    return () => { live = false; };
  }, [base, tick]);
  const fit = async () => {
    const m = await act.run(() => post<ModelView>(`${base}/model/fit`, {}));
    if (m) {
      setModel(m);
      onFitted();
    }
  };
  return (
    <section className="panel" data-testid="model">
      <h2 className="panel-title">{tx('model')}</h2>
      <div className="ld-actions">
        <button type="button" className="btn" data-action="fit" disabled={act.busy || !caseView.open} onClick={() => void fit()}>{tx('fitModel')}</button>
      </div>
      {act.error && <ErrorNotice error={act.error} />}
      {!model ? <p className="muted small">{tx('noModel')}</p> : (
        <>
          <table className="table">
            <thead><tr><th>{tx('rule')}</th><th className="num">{tx('declared')}</th><th className="num">{tx('fitted')}</th></tr></thead>
            <tbody>
              <tr><td>{tx('intercept')}</td><td className="num">—</td><td className="num">{num(model.intercept, 3)}</td></tr>
              {model.weights.map((w) => <tr key={w.ruleId}><td className="mono">{w.ruleId}</td><td className="num">{w.declared}</td><td className="num">{num(w.weight, 3)}</td></tr>)}
            </tbody>
          </table>
          <p className="muted small">
            {tx('decisions')} {model.decisions} · {tx('loss')} {num(model.loss, 4)} · {tx('gradNorm')} {model.gradNorm.toExponential(1)} · L2 {model.l2} · {tx('fittedAt', { at: formatInstant(model.fittedAt, lang), by: model.fittedBy })}
          </p>
        </>
      )}
    </section>
  );
}

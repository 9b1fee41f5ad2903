/**
 * The disputes page (#/disputes): the hotline operator's fast intake form (keyboard: Tab through
 * the fields, Ctrl+Enter submits; the new appeal opens with its suggested category, routing
 * reasons and SLA clocks) and the case list by SLA urgency; `?appeal=<no>` opens the mediator
 * workbench of one case (AppealWorkbench).
 */
import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../api.ts';
import { ErrorNotice, Loading } from '../app/Status.tsx';
import { useHashQuery } from '../app/router.ts';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { AppealWorkbench } from './AppealWorkbench.tsx';
import { useDisputesText } from './i18n/messages.ts';
import { byUrgency, type AppealSummary, type AppealView } from './types.ts';
import './disputes.css';

/** The disputes page: intake + list, or one appeal's workbench. */
export function DisputesPage() {
  const appealNo = useHashQuery().get('appeal');
  if (appealNo) return <AppealWorkbench appealNo={appealNo} />;
  return <Console />;
}

function Console() {
  const tx = useDisputesText();
  return (
    <div className="page disputes">
      <div className="page-head"><h1>{tx('title')}</h1></div>
      <p className="muted">{tx('intro')}</p>
      <IntakeForm />
      <AppealList />
    </div>
  );
}

const CHANNELS = ['hotline', 'grid_worker', 'web'] as const;
const KINDS = ['appeal', 'dispute', 'consultation'] as const;

function IntakeForm() {
  const tx = useDisputesText();
  const { pick } = useI18n();
  const empty = { kind: 'dispute', channel: 'hotline', title: '', text: '', divisionCode: '', place: '', name: '', phone: '', respondent: '' };
  const [f, setF] = useState(empty);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const parties = [
      ...(f.name ? [{ side: 'applicant', kind: 'person', name: f.name, phone: f.phone || null }] : []),
      ...(f.respondent ? [{ side: 'respondent', kind: 'organisation', name: f.respondent }] : []),
    ];
    try {
      const v = await post<AppealView>('/api/disputes/appeals', { kind: f.kind, channel: f.channel, title: f.title, text: f.text, divisionCode: f.divisionCode, place: f.place || null, parties });
      setF(empty);
      window.location.hash = `/disputes?appeal=${encodeURIComponent(v.appealNo)}`;
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const field = (k: keyof typeof empty, label: Parameters<typeof tx>[0], extra: Record<string, unknown> = {}) => (
    <label className="field">
      <span className="field-label">{tx(label)}</span>
      <input name={k} value={f[k]} onChange={set(k)} {...extra} />
    </label>
  );
  return (
    <form className="panel dsp-intake" onSubmit={submit} onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(); }} data-testid="intake">
      <h2>{tx('newAppeal')}</h2>
      <div className="dsp-grid">
        <label className="field">
          <span className="field-label">{tx('channel')}</span>
          <select name="channel" value={f.channel} onChange={set('channel')}>{CHANNELS.map((c) => <option key={c} value={c}>{tx(`channel.${c}`)}</option>)}</select>
        </label>
        <label className="field">
          <span className="field-label">{tx('kind')}</span>
          <select name="kind" value={f.kind} onChange={set('kind')}>{KINDS.map((c) => <option key={c} value={c}>{tx(`kind.${c}`)}</option>)}</select>
        </label>
        {field('divisionCode', 'divisionCode', { inputMode: 'numeric', maxLength: 6, required: true, autoFocus: true })}
        {field('place', 'place')}
        {field('title', 'appealTitle')}
        {field('name', 'applicantName')}
        {field('phone', 'applicantPhone', { inputMode: 'tel' })}
        {field('respondent', 'respondentName')}
      </div>
      <label className="field">
        <span className="field-label">{tx('text')}</span>
        <textarea name="text" rows={3} value={f.text} onChange={set('text')} required />
      </label>
      {error && (
        <div className="notice notice-error" role="alert">
          {error.details.length ? error.details.map((d, i) => <div key={i}>{pick(d)}</div>) : pick(error.bilingual)} <code className="code">{error.code}</code>
        </div>
      )}
      <div className="form-actions"><button type="submit" className="btn btn-primary" disabled={busy}>{tx('submit')}</button></div>
    </form>
  );
}

const STATES = ['received', 'accepted', 'mediating', 'agreement', 'failed', 'referred', 'closed'] as const;

function AppealList() {
  const tx = useDisputesText();
  const [state, setState] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const { data, error, loading, reload } = useApiGet<{ total: number; appeals: AppealSummary[] }>('/api/disputes/appeals', { state, overdue: overdue ? 'true' : undefined, q, limit: 100 });
  const rows = data ? [...data.appeals].sort(byUrgency) : [];
  return (
    <section className="panel">
      <div className="dsp-toolbar">
        <h2>{tx('list')}</h2>
        <label>{tx('stateFilter')} <select value={state} onChange={(e) => setState(e.target.value)} name="state-filter"><option value="">{tx('all')}</option>{STATES.map((s) => <option key={s} value={s}>{tx(`st.${s}`)}</option>)}</select></label>
        <label><input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> {tx('overdueOnly')}</label>
        <input type="search" placeholder="…" value={q} onChange={(e) => setQ(e.target.value)} aria-label="q" />
        {data && <span className="muted small">{data.total}</span>}
      </div>
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {loading && !data && <Loading />}
      {data && rows.length === 0 && <div className="muted">{tx('empty')}</div>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="appeal-list">
            <thead><tr><th>{tx('appealNo')}</th><th>{tx('appealTitle')}</th><th>{tx('category')}</th><th>{tx('state')}</th><th>{tx('org')}</th><th>{tx('risk')}</th><th>{tx('sla')}</th><th>{tx('received')}</th><th /></tr></thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.appealNo} data-appeal={a.appealNo}>
                  <td className="mono">{a.appealNo}</td>
                  <td>{a.title}</td>
                  <td>{a.category}</td>
                  <td>{tx(`st.${a.state}` as 'st.closed')}</td>
                  <td className="mono">{a.orgCode ?? '—'}</td>
                  <td><span className={`dsp-risk dsp-risk-${a.riskLevel}`}>{a.riskScore}</span></td>
                  <td>{a.slaBreached ? <span className="dsp-bad">{tx('status.open_overdue')}</span> : '—'}</td>
                  <td className="small">{a.receivedAt.replace('T', ' ').slice(0, 16)}</td>
                  <td><a className="btn btn-small" href={`#/disputes?appeal=${encodeURIComponent(a.appealNo)}`}>{tx('open')}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

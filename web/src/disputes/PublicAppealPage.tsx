/**
 * The resident's web form (#/public/appeal, no sign-in): kind, title, text, division code,
 * place, name and phone → POST /api/disputes/public/appeals (rate-limited by the server) →
 * the appeal number; and the progress check by number and phone
 * (GET /api/disputes/public/appeals/:no?phone=: state, body and step times only).
 */
import { useState, type FormEvent } from 'react';
import { ApiError, get, post } from '../api.ts';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { useI18n } from '../i18n/index.ts';
import { useDisputesText, type DisputesKey } from './i18n/messages.ts';
import './disputes.css';

interface Progress { appealNo: string; stateLabel: { zh: string; en: string }; receivedAt: string; org: { name: string; phone: string | null } | null; steps: { label: { zh: string; en: string }; at: string }[] }

function Err({ error }: { error: ApiError | null }) {
  const { pick } = useI18n();
  if (!error) return null;
  return <div className="notice notice-error" role="alert">{error.details.length ? error.details.map((d, i) => <div key={i}>{pick(d)}</div>) : pick(error.bilingual)} <code className="code">{error.code}</code></div>;
}

/** The public intake form and progress check. */
export function PublicAppealPage() {
  const tx = useDisputesText();
  const { pick } = useI18n();
  const [f, setF] = useState({ kind: 'appeal', title: '', text: '', divisionCode: '', place: '', name: '', phone: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [q, setQ] = useState({ no: '', phone: '' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [qError, setQError] = useState<ApiError | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await post<{ appealNo: string }>('/api/disputes/public/appeals', { ...f, place: f.place || null });
      setDone(r.appealNo);
      setQ({ no: r.appealNo, phone: f.phone });
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const check = async (e: FormEvent) => {
    e.preventDefault();
    setQError(null);
    setProgress(null);
    try {
      setProgress(await get<Progress>(`/api/disputes/public/appeals/${encodeURIComponent(q.no)}`, { phone: q.phone }));
    } catch (err) {
      setQError(err as ApiError);
    }
  };
  const input = (k: keyof typeof f, label: DisputesKey, extra: Record<string, unknown> = {}) => (
    <label className="field"><span className="field-label">{tx(label)}</span><input name={k} value={f[k]} onChange={set(k)} {...extra} /></label>
  );
  return (
    <div className="page disputes dsp-public">
      <div className="page-head"><h1>{tx('pubTitle')}</h1><LanguageSwitch /></div>
      <p className="muted">{tx('pubIntro')}</p>
      <form className="panel" onSubmit={submit} data-testid="public-form">
        <div className="dsp-grid">
          <label className="field"><span className="field-label">{tx('kind')}</span><select name="kind" value={f.kind} onChange={set('kind')}>{(['appeal', 'dispute', 'consultation'] as const).map((k) => <option key={k} value={k}>{tx(`kind.${k}`)}</option>)}</select></label>
          {input('divisionCode', 'divisionCode', { inputMode: 'numeric', maxLength: 6, required: true })}
          {input('place', 'place')}
          {input('title', 'appealTitle')}
          {input('name', 'applicantName', { required: true })}
          {input('phone', 'applicantPhone', { inputMode: 'tel', required: true })}
        </div>
        <label className="field"><span className="field-label">{tx('text')}</span><textarea name="text" rows={4} value={f.text} onChange={set('text')} required /></label>
        <Err error={error} />
        {done && <div className="notice notice-ok" data-testid="public-done">{tx('pubDone', { no: done })}</div>}
        <div className="form-actions"><button type="submit" className="btn btn-primary">{tx('pubSubmit')}</button></div>
      </form>
      <form className="panel" onSubmit={check} data-testid="progress-form">
        <h2>{tx('progress')}</h2>
        <div className="dsp-toolbar">
          <input name="no" placeholder={tx('appealNo')} value={q.no} onChange={(e) => setQ((x) => ({ ...x, no: e.target.value }))} required />
          <input name="check-phone" placeholder={tx('applicantPhone')} value={q.phone} onChange={(e) => setQ((x) => ({ ...x, phone: e.target.value }))} required />
          <button type="submit" className="btn">{tx('progressCheck')}</button>
        </div>
        <Err error={qError} />
        {progress && (
          <div data-testid="progress">
            <div><strong>{pick({ message: progress.stateLabel.zh, messageEn: progress.stateLabel.en })}</strong>{progress.org && <span className="muted"> · {progress.org.name}{progress.org.phone ? ` · ${progress.org.phone}` : ''}</span>}</div>
            <ol className="small">{progress.steps.map((s, i) => <li key={i}>{s.at.replace('T', ' ').slice(0, 16)} {pick({ message: s.label.zh, messageEn: s.label.en })}</li>)}</ol>
          </div>
        )}
      </form>
    </div>
  );
}

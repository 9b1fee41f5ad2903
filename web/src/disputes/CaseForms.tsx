/**
 * The forms of the mediator workbench: state-machine actions (with the reason the workflow
 * requires), category correction, re-routing, escalation along the allowed routes, a mediation
 * session, the agreement and a follow-up visit. Each posts to the disputes API and shows the
 * server's coded error in the current language.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, post } from '../api.ts';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { useDisputesText, type DisputesKey } from './i18n/messages.ts';
import { DIRECT, NEEDS_REASON, type AppealView } from './types.ts';

type Done = { readonly onDone: () => void };
const url = (no: string, tail: string) => `/api/disputes/appeals/${encodeURIComponent(no)}/${tail}`;

/** Submit helper: runs `send`, shows its ApiError, calls onDone on success. */
function usePost(onDone: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (send: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await send();
      onDone();
      return true;
    } catch (e) {
      setError(e as ApiError);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function PostError({ error }: { error: ApiError | null }) {
  const { pick } = useI18n();
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      {error.details.length ? error.details.map((d, i) => <div key={i}>{pick(d)}</div>) : pick(error.bilingual)} <code className="code">{error.code}</code>
    </div>
  );
}

function Panel({ title, testId, children, onSubmit }: { title: string; testId: string; children: ReactNode; onSubmit: (e: FormEvent) => void }) {
  return (
    <form className="panel dsp-form" data-testid={testId} onSubmit={(e) => { e.preventDefault(); onSubmit(e); }}>
      <h2>{title}</h2>
      {children}
    </form>
  );
}

/** The available direct transitions, one reason field shared by them, plus escalation and re-routing. */
export function ActionsPanel({ view, onDone }: { view: AppealView } & Done) {
  const tx = useDisputesText();
  const { pick } = useI18n();
  const [reason, setReason] = useState('');
  const { error, busy, run } = usePost(() => { setReason(''); onDone(); });
  const direct = view.available.filter((t): t is (typeof DIRECT)[number] => (DIRECT as readonly string[]).includes(t));
  const canRefer = view.available.includes('refer');
  const canReroute = view.available.includes('reassign') || view.available.includes('assign');
  const act = (transition: string) => run(() => post(url(view.appealNo, 'transitions'), { transition, reason: reason || undefined, expectedVersion: view.version }));
  if (direct.length === 0 && !canRefer && !canReroute) return null;
  return (
    <section className="panel" data-testid="actions">
      <h2>{tx('actions')}</h2>
      <label className="field">
        <span className="field-label">{tx('reason')} {direct.some((t) => NEEDS_REASON.has(t)) && <span className="muted small">{tx('reasonRequired')}</span>}</span>
        <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="dsp-buttons">
        {direct.map((t) => (
          <button key={t} type="button" className={`btn ${t === 'reopen' || t === 'decline' || t === 'fail' ? '' : 'btn-primary'}`} data-transition={t} disabled={busy} onClick={() => void act(t)}>
            {tx(`tr.${t}` as DisputesKey)}
          </button>
        ))}
        {canReroute && <button type="button" className="btn" disabled={busy} onClick={() => void run(() => post(url(view.appealNo, 'route'), { reason: reason || undefined, expectedVersion: view.version }))}>{tx('reroute')}</button>}
      </div>
      {canRefer && <EscalationForm appealNo={view.appealNo} reason={reason} run={run} busy={busy} />}
      <PostError error={error} />
    </section>
  );
}

type Option = { route: string; label: { zh: string; en: string }; target: { name: string } | null; available: boolean };

function EscalationForm({ appealNo, reason, run, busy }: { appealNo: string; reason: string; run: (send: () => Promise<unknown>) => Promise<boolean>; busy: boolean }) {
  const tx = useDisputesText();
  const { pick } = useI18n();
  const options = useApiGet<{ options: Option[] }>(url(appealNo, 'escalation-options'));
  const [routeName, setRouteName] = useState('');
  if (!options.data) return null;
  return (
    <div className="dsp-buttons">
      <select name="escalation" value={routeName} onChange={(e) => setRouteName(e.target.value)} aria-label={tx('route')}>
        <option value="">{tx('escalate')}…</option>
        {options.data.options.filter((o) => o.available).map((o) => <option key={o.route} value={o.route}>{pick({ message: o.label.zh, messageEn: o.label.en })}{o.target ? ` → ${o.target.name}` : ''}</option>)}
      </select>
      <button type="button" className="btn" disabled={busy || !routeName} onClick={() => void run(() => post(url(appealNo, 'escalate'), { route: routeName, reason }))}>{tx('escalateSubmit')}</button>
    </div>
  );
}

/** Operator correction of the category (kept by the server for retraining). */
export function CorrectionForm({ appealNo, current, onDone }: { appealNo: string; current: string } & Done) {
  const tx = useDisputesText();
  const [category, setCategory] = useState(current);
  const [note, setNote] = useState('');
  const { error, busy, run } = usePost(onDone);
  const cats = useApiGet<{ categories: { id: string; label: string; level: number }[] }>('/api/disputes/categories');
  const options = (cats.data?.categories ?? []).filter((c) => c.level <= 2 || c.id === current);
  return (
    <details className="dsp-correct">
      <summary>{tx('correct')}</summary>
      <form onSubmit={(e) => { e.preventDefault(); void run(() => post(`/api/disputes/appeals/${encodeURIComponent(appealNo)}/category`, { category, note: note || null })); }}>
        <select name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
          {!options.some((c) => c.id === current) && <option value={current}>{current}</option>}
          {options.map((c) => <option key={c.id} value={c.id}>{c.id}</option>)}
        </select>
        <input name="correction-note" placeholder={tx('correctNote')} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="btn btn-small" disabled={busy || category === current}>{tx('correctSave')}</button>
        <PostError error={error} />
      </form>
    </details>
  );
}

/** A mediation session (the first one counts as first contact). */
export function SessionForm({ appealNo, onDone }: { appealNo: string } & Done) {
  const tx = useDisputesText();
  const empty = { place: '', mediator: '', attendees: '', notes: '' };
  const [f, setF] = useState(empty);
  const { error, busy, run } = usePost(() => { setF(empty); onDone(); });
  const input = (k: keyof typeof empty, label: DisputesKey) => (
    <label className="field"><span className="field-label">{tx(label)}</span><input name={`session-${k}`} value={f[k]} onChange={(e) => setF((x) => ({ ...x, [k]: e.target.value }))} /></label>
  );
  return (
    <Panel title={tx('session')} testId="session-form" onSubmit={() => void run(() => post(url(appealNo, 'sessions'), { place: f.place, mediator: f.mediator, attendees: f.attendees.split(/[,\uFF0C\u3001]/).map((s) => s.trim()).filter(Boolean), notes: f.notes }))}>
      <div className="dsp-grid">{input('place', 'sessionPlace')}{input('mediator', 'mediator')}{input('attendees', 'attendees')}</div>
      <label className="field"><span className="field-label">{tx('notes')}</span><textarea name="session-notes" rows={2} value={f.notes} onChange={(e) => setF((x) => ({ ...x, notes: e.target.value }))} /></label>
      <PostError error={error} />
      <div className="form-actions"><button type="submit" className="btn" disabled={busy}>{tx('session')}</button></div>
    </Panel>
  );
}

/** The agreement (人民调解法 Art. 29 fields); the server moves the case to `agreement`. */
export function AgreementForm({ appealNo, onDone }: { appealNo: string } & Done) {
  const tx = useDisputesText();
  const [f, setF] = useState({ facts: '', terms: '', performance: '', mediator: '' });
  const { error, busy, run } = usePost(onDone);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  return (
    <Panel title={tx('recordAgreement')} testId="agreement-form" onSubmit={() => void run(() => post(url(appealNo, 'agreement'), { facts: f.facts, terms: f.terms.split('\n').map((s) => s.trim()).filter(Boolean), performance: f.performance, mediator: f.mediator }))}>
      <label className="field"><span className="field-label">{tx('facts')}</span><textarea name="facts" rows={2} value={f.facts} onChange={set('facts')} /></label>
      <label className="field"><span className="field-label">{tx('terms')}</span><textarea name="terms" rows={3} value={f.terms} onChange={set('terms')} /></label>
      <div className="dsp-grid">
        <label className="field"><span className="field-label">{tx('performance')}</span><input name="performance" value={f.performance} onChange={set('performance')} /></label>
        <label className="field"><span className="field-label">{tx('mediator')}</span><input name="agreement-mediator" value={f.mediator} onChange={set('mediator')} /></label>
      </div>
      <PostError error={error} />
      <div className="form-actions"><button type="submit" className="btn btn-primary" disabled={busy}>{tx('recordAgreement')}</button></div>
    </Panel>
  );
}

/** A follow-up visit: satisfaction and whether the problem is resolved (never reopens by itself, C21). */
export function FollowUpForm({ appealNo, onDone }: { appealNo: string } & Done) {
  const tx = useDisputesText();
  const [f, setF] = useState({ satisfaction: '3', resolved: 'yes', method: 'phone', note: '' });
  const { error, busy, run } = usePost(() => { setF((x) => ({ ...x, note: '' })); onDone(); });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  return (
    <Panel title={tx('followUp')} testId="follow-up-form" onSubmit={() => void run(() => post(url(appealNo, 'follow-ups'), { satisfaction: Number(f.satisfaction), resolved: f.resolved === 'yes', method: f.method, note: f.note || null }))}>
      <div className="dsp-grid">
        <label className="field"><span className="field-label">{tx('satisfaction')}</span><select name="satisfaction" value={f.satisfaction} onChange={set('satisfaction')}>{[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}</option>)}</select></label>
        <label className="field"><span className="field-label">{tx('resolved')}</span><select name="resolved" value={f.resolved} onChange={set('resolved')}><option value="yes">{tx('resolved')}</option><option value="no">{tx('notResolved')}</option></select></label>
        <label className="field"><span className="field-label">{tx('method')}</span><select name="method" value={f.method} onChange={set('method')}><option value="phone">{tx('method.phone')}</option><option value="visit">{tx('method.visit')}</option></select></label>
        <label className="field"><span className="field-label">{tx('followUpNote')}</span><input name="follow-up-note" value={f.note} onChange={set('note')} /></label>
      </div>
      <PostError error={error} />
      <div className="form-actions"><button type="submit" className="btn" disabled={busy}>{tx('followUpSave')}</button></div>
    </Panel>
  );
}

/** Upload one file as multipart (the JSON helpers of api.ts send JSON only); rejects with the server's ApiError. */
async function upload(appealNo: string, file: File): Promise<void> {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await fetch(url(appealNo, 'attachments'), { method: 'POST', credentials: 'same-origin', body });
  if (res.ok) return;
  const err = ((await res.json().catch(() => null)) as { error?: { code: string; message: string; messageEn?: string } } | null)?.error;
  throw new ApiError(res.status, err ?? { code: `HTTP_${res.status}`, message: `服务器返回 ${res.status}`, messageEn: `server answered ${res.status}` });
}

/** The appeal's attachments (each downloads through the audited route) and an upload field (≤ 10 MiB). */
export function Attachments({ view, onDone }: { view: AppealView } & Done) {
  const tx = useDisputesText();
  const { error, busy, run } = usePost(onDone);
  return (
    <section className="panel" data-testid="attachments">
      <h2>{tx('attachments')}</h2>
      {view.attachments.length === 0 && <div className="muted small">{tx('none')}</div>}
      <ul className="small">
        {view.attachments.map((a) => <li key={a.id}><a href={url(view.appealNo, `attachments/${a.id}`)} target="_blank" rel="noreferrer">{a.name}</a> <span className="muted">({Math.ceil(a.size / 1024)} KiB)</span></li>)}
      </ul>
      <label className="btn btn-small">
        {tx('upload')}
        <input type="file" name="attachment" hidden disabled={busy} onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void run(() => upload(view.appealNo, f)); }} />
      </label>
      <PostError error={error} />
    </section>
  );
}

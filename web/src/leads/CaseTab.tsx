/**
 * The case tab (案件): number, legal basis, purpose, owner, members and state; adding a member and
 * closing with a reason (the owner or an administrator; the server refuses others with
 * LEADS_NOT_CASE_MANAGER). Also the form that opens a case (立案).
 */
import { useState, type FormEvent } from 'react';
import { ApiError, post } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { ErrorNotice } from '../app/Status.tsx';
import { useI18n } from '../i18n/index.ts';
import { useLeadsText } from './i18n/messages.ts';
import type { CaseView } from './types.ts';

/** Run a request, keeping its coded error for display. */
export function useAction(): { busy: boolean; error: ApiError | null; run: <T>(fn: () => Promise<T>) => Promise<T | null>; clear: () => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async <T,>(fn: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else setError(new ApiError(0, { code: 'CLIENT', message: String(e), messageEn: String(e) }));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}

/** The case's details, members and management forms. */
export function CaseTab({ view, onChange }: { view: CaseView; onChange: () => void }) {
  const tx = useLeadsText();
  const { lang } = useI18n();
  const { user } = useSession();
  const [member, setMember] = useState('');
  const [reason, setReason] = useState('');
  const act = useAction();
  const manager = user?.role === 'admin' || user?.username === view.owner;
  const path = `/api/leads/cases/${encodeURIComponent(view.caseNo)}`;

  const addMember = async (e: FormEvent) => {
    e.preventDefault();
    if (await act.run(() => post<CaseView>(`${path}/members`, { username: member.trim() }))) {
      setMember('');
      onChange();
    }
  };
  const close = async (e: FormEvent) => {
    e.preventDefault();
    if (await act.run(() => post<CaseView>(`${path}/close`, { reason }))) onChange();
  };

  return (
    <div className="ld-case" data-testid="case-tab">
      <section className="panel">
        <dl className="ld-dl">
          <dt>{tx('caseNo')}</dt><dd className="mono">{view.caseNo}</dd>
          <dt>{tx('legalBasis')}</dt><dd>{view.legalBasis}</dd>
          <dt>{tx('purpose')}</dt><dd>{view.purpose}</dd>
          <dt>{tx('owner')}</dt><dd>{view.owner}</dd>
          <dt>{tx('members')}</dt><dd data-testid="case-members">{view.members.join('、')}</dd>
          <dt>{tx('openedAt')}</dt><dd>{formatInstant(view.openedAt, lang)} · {tx('openedBy')} {view.openedBy}</dd>
          <dt>{tx('state')}</dt>
          <dd>{view.open ? tx('stateOpen') : `${tx('stateClosed')} · ${formatInstant(view.closedAt!, lang)} · ${tx('closedBy')} ${view.closedBy ?? ''} · ${view.closeReason ?? ''}`}</dd>
        </dl>
      </section>
      {act.error && <ErrorNotice error={act.error} />}
      {view.open && manager && (
        <div className="ld-two">
          <form className="panel ld-form" onSubmit={addMember}>
            <h2 className="panel-title">{tx('addMember')}</h2>
            <label className="field"><span className="field-label">{tx('username')}</span>
              <input name="member" value={member} onChange={(e) => setMember(e.target.value)} required /></label>
            <button className="btn" type="submit" disabled={act.busy}>{tx('add')}</button>
          </form>
          <form className="panel ld-form" onSubmit={close} data-testid="close-form">
            <h2 className="panel-title">{tx('closeCase')}</h2>
            <label className="field"><span className="field-label">{tx('closeReason')}</span>
              <textarea name="closeReason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} /></label>
            <button className="btn" type="submit" disabled={act.busy}>{tx('closeCase')}</button>
          </form>
        </div>
      )}
      {view.open && !manager && <p className="muted small">{tx('onlyManager')}</p>}
    </div>
  );
}

/** The form that opens a case; the server checks the owner's role and the field lengths. */
export function OpenCaseForm({ defaultOwner, onOpened }: { defaultOwner: string; onOpened: () => void }) {
  const tx = useLeadsText();
  const [f, setF] = useState({ caseNo: '', legalBasis: '', purpose: '', owner: defaultOwner, members: '' });
  const [done, setDone] = useState<string | null>(null);
  const act = useAction();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const members = f.members.split(/[,\uFF0C\u3001\s]+/).map((m) => m.trim()).filter(Boolean);
    const r = await act.run(() => post<CaseView>('/api/leads/cases', { caseNo: f.caseNo, legalBasis: f.legalBasis, purpose: f.purpose, owner: f.owner, ...(members.length ? { members } : {}) }));
    if (r) {
      setDone(r.caseNo);
      setF({ caseNo: '', legalBasis: '', purpose: '', owner: defaultOwner, members: '' });
      onOpened();
    }
  };
  return (
    <form className="panel ld-form" onSubmit={submit} data-testid="open-case-form">
      <h2 className="panel-title">{tx('openCase')}</h2>
      <p className="muted small">{tx('openCaseHint')}</p>
      <div className="ld-grid">
        <label className="field"><span className="field-label">{tx('caseNo')}</span><input name="caseNo" value={f.caseNo} onChange={set('caseNo')} required /></label>
        <label className="field"><span className="field-label">{tx('owner')}</span><input name="owner" value={f.owner} onChange={set('owner')} required /></label>
        <label className="field ld-span2"><span className="field-label">{tx('legalBasis')}</span><input name="legalBasis" value={f.legalBasis} onChange={set('legalBasis')} /></label>
        <label className="field ld-span2"><span className="field-label">{tx('purpose')}</span><input name="purpose" value={f.purpose} onChange={set('purpose')} /></label>
        <label className="field ld-span2"><span className="field-label">{tx('membersHint')}</span><input name="members" value={f.members} onChange={set('members')} /></label>
      </div>
      {act.error && <ErrorNotice error={act.error} />}
      {done && <div className="notice notice-ok">{tx('caseOpened', { caseNo: done })}</div>}
      <div><button className="btn btn-primary" type="submit" disabled={act.busy}>{tx('submitOpen')}</button></div>
    </form>
  );
}

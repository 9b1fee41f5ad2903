/**
 * Candidates of a post, as a reviewer needs them (after NamUs's side-by-side comparison): each
 * candidate's rank, total weight and probability, what agreed and what disagreed at a glance,
 * the field-by-field table (both sides' values, comparison level, m, u, weight as a bar), and
 * the review steps the user's role may take in the verification workflow, with the reason the
 * workflow requires. Nothing is decided here without a human pressing a button.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, get, post as postApi } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { Loading } from '../app/Status.tsx';
import { useI18n } from '../i18n/index.ts';
import { useReunionText, type ReunionKey } from './i18n/messages.ts';
import { fieldKey, hashWith, levelKey, may, splitExplanation, stepsFor } from './model.ts';
import { ReunionError } from './Notices.tsx';
import type { Candidate, CandidateTransition, FieldExplanation, PostKind } from './types.ts';

/** The candidates of post `postId`; `onChanged` is called after a review step (the post's state and timeline change). */
export function CandidatePanel({ postId, kind, onChanged }: { postId: string; kind: PostKind; onChanged: () => void }) {
  const tx = useReunionText();
  const { user } = useSession();
  const [list, setList] = useState<Candidate[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const url = `/api/reunion/posts/${encodeURIComponent(postId)}/candidates`;

  useEffect(() => {
    const ctrl = new AbortController();
    get<{ candidates: Candidate[] }>(url, undefined, ctrl.signal).then((r) => setList(r.candidates)).catch((e: unknown) => {
      if ((e as Error).name !== 'AbortError') setError(e instanceof ApiError ? e : null);
    });
    return () => ctrl.abort();
  }, [url]);

  async function compute() {
    setBusy(true);
    setError(null);
    try {
      setList((await postApi<{ candidates: Candidate[] }>(url)).candidates);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  }

  const replace = (c: Candidate) => setList((xs) => (xs ?? []).map((x) => (x.childPostId === c.childPostId && x.familyPostId === c.familyPostId ? { ...x, review: c.review, reviewedBy: c.reviewedBy, reviewedAt: c.reviewedAt, familyNotifiedAt: x.candidateId === c.candidateId ? c.familyNotifiedAt : x.familyNotifiedAt } : x)));
  const canReview = user ? may(user.role, 'reunion.candidate.review') : false;

  return (
    <section className="panel" data-testid="candidates">
      <div className="reu-results-head">
        <h2 className="panel-title">{tx('candidates')}</h2>
        {canReview && (
          <button type="button" className="btn btn-small" onClick={() => void compute()} disabled={busy} data-testid="compute-candidates">
            {busy ? tx('computing') : list && list.length ? tx('recompute') : tx('compute')}
          </button>
        )}
      </div>
      <p className="muted small">{tx('candidatesIntro')}</p>
      {error && <ReunionError error={error} />}
      {!list && !error && <Loading />}
      {list && list.length === 0 && <div className="empty">{tx('noCandidates')}</div>}
      {list && list.length > 0 && (
        <div className="reu-cands">
          {list.map((c) => <CandidateRow key={c.candidateId} c={c} kind={kind} onReviewed={(x) => { replace(x); onChanged(); }} />)}
        </div>
      )}
    </section>
  );
}

function CandidateRow({ c, kind, onReviewed }: { c: Candidate; kind: PostKind; onReviewed: (c: Candidate) => void }) {
  const tx = useReunionText();
  const { lang } = useI18n();
  const [open, setOpen] = useState(c.rank === 1);
  const other = kind === 'childSearch' ? c.familyPostId : c.childPostId;
  const split = splitExplanation(c.fields);
  const label = (f: FieldExplanation) => {
    const k = fieldKey(f.field);
    return k ? tx(k) : f.field;
  };
  return (
    <article className="reu-cand" data-candidate={c.candidateId} data-other={other} data-review={c.review}>
      <header className="reu-cand-head">
        <span className="reu-rank">#{c.rank}</span>
        <a className="mono" href={hashWith('/reunion/posts', { post: other })}>{other}</a>
        <span className="reu-weight" title={tx('weight')}>{tx('bits', { n: c.weight.toFixed(1) })}</span>
        <span className="muted small">{tx('probability')} {(c.probability * 100).toFixed(1)}%</span>
        <span className="tag">{tx(`band.${c.decision}` as ReunionKey)}</span>
        <span className={`reu-review reu-review-${c.review}`} data-testid="candidate-review">{tx(`review.${c.review}`)}</span>
        {c.reviewedBy && <span className="muted small">{tx('reviewedBy')} {c.reviewedBy} · {c.reviewedAt ? formatInstant(c.reviewedAt, lang) : ''}</span>}
        <button type="button" className="btn btn-small reu-push" onClick={() => setOpen(!open)}>{open ? tx('hide') : tx('explain')}</button>
      </header>
      <div className="reu-why">
        <span><strong className="reu-plus">{tx('agreed')}</strong> {split.agreed.map(label).join('、') || '—'}</span>
        <span><strong className="reu-minus">{tx('disagreed')}</strong> {split.disagreed.map(label).join('、') || '—'}</span>
        <span><strong className="muted">{tx('missing')}</strong> {split.missing.map(label).join('、') || '—'}</span>
      </div>
      {open && <Explanation c={c} />}
      <ReviewActions c={c} onReviewed={onReviewed} />
    </article>
  );
}

function Explanation({ c }: { c: Candidate }) {
  const tx = useReunionText();
  const max = Math.max(1, ...c.fields.map((f) => Math.abs(f.weight)));
  const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));
  const value = (field: string, v: string | null) => (v === null ? '—' : field === 'sex' && (v === 'male' || v === 'female') ? tx(`sex.${v}`) : v);
  return (
    <div className="table-scroll">
      <table className="table reu-explain" data-testid="explanation">
        <thead>
          <tr><th>{tx('field')}</th><th>{tx('childSide')} <span className="mono">{c.childPostId}</span></th><th>{tx('familySide')} <span className="mono">{c.familyPostId}</span></th><th>{tx('level')}</th><th className="num" title={tx('mProb')}>m</th><th className="num" title={tx('uProb')}>u</th><th className="num">{tx('fieldWeight')}</th><th /></tr>
        </thead>
        <tbody>
          {c.fields.map((f) => {
            const fk = fieldKey(f.field);
            const lk = levelKey(f.level);
            return (
              <tr key={f.field} data-field={f.field} className={f.level === 'missing' ? 'reu-missing' : ''}>
                <td className="nowrap">{fk ? tx(fk) : f.field}</td>
                <td>{value(f.field, f.left)}</td>
                <td>{value(f.field, f.right)}</td>
                <td className="nowrap">{lk ? tx(lk) : f.level}</td>
                <td className="num">{fmt(f.m)}</td>
                <td className="num">{fmt(f.u)}</td>
                <td className={`num ${f.weight > 0 ? 'reu-plus' : f.weight < 0 ? 'reu-minus' : ''}`}>{f.weight > 0 ? '+' : ''}{f.weight.toFixed(2)}</td>
                <td className="reu-barcell"><span className={`reu-bar ${f.weight >= 0 ? 'reu-bar-plus' : 'reu-bar-minus'}`} style={{ width: `${(Math.abs(f.weight) / max) * 100}%` }} /></td>
              </tr>
            );
          })}
          <tr className="reu-total"><td colSpan={6}>{tx('weight')}</td><td className="num">{c.weight.toFixed(2)}</td><td /></tr>
        </tbody>
      </table>
      <div className="muted small">{tx('weightNote')}</div>
    </div>
  );
}

function ReviewActions({ c, onReviewed }: { c: Candidate; onReviewed: (c: Candidate) => void }) {
  const tx = useReunionText();
  const { lang } = useI18n();
  const { user } = useSession();
  const [pending, setPending] = useState<CandidateTransition | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<CandidateTransition | null>(null);
  if (!user) return null;
  const steps = stepsFor(c.review, user.role);
  const canNotify = (c.review === 'recommended' || c.review === 'confirmed') && !c.familyNotifiedAt && may(user.role, 'reunion.candidate.review');

  async function fire(transition: CandidateTransition, why: string | null) {
    setError(null);
    try {
      const r = await postApi<{ candidate: Candidate }>(`/api/reunion/candidates/${c.candidateId}/transitions`, { transition, ...(why ? { reason: why } : {}) });
      setPending(null);
      setReason('');
      setDone(transition);
      onReviewed(r.candidate);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  }

  async function notify() {
    setError(null);
    try {
      onReviewed(await postApi<Candidate>(`/api/reunion/candidates/${c.candidateId}/notify-family`));
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) void fire(pending, reason.trim());
  }

  return (
    <div className="reu-actions" data-testid="review-actions">
      {steps.map((s) => (
        <button key={s.transition} type="button" data-transition={s.transition}
          className={`btn btn-small ${s.transition === 'recommendDna' || s.transition === 'confirmReunited' || s.transition === 'openReview' ? 'btn-primary' : ''}`}
          onClick={() => (s.reason ? (setPending(s.transition), setError(null)) : void fire(s.transition, null))}>
          {tx(`tr.${s.transition}`)}
        </button>
      ))}
      {canNotify && <button type="button" className="btn btn-small" onClick={() => void notify()} data-testid="notify-family">{tx('notifyFamily')}</button>}
      {c.familyNotifiedAt && <span className="muted small">{tx('familyNotified', { at: formatInstant(c.familyNotifiedAt, lang) })}</span>}
      {done && !pending && <span className="msg msg-ok" data-testid="review-done">{tx('done', { step: tx(`tr.${done}`) })}</span>}
      {pending && (
        <form className="reu-reason-form" onSubmit={submit} data-testid="reason-form">
          <label className="field">
            <span className="field-label">{tx(`tr.${pending}`)} — {tx('reasonRequired')}</span>
            <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          </label>
          <div className="form-actions">
            <button type="button" className="btn btn-small" onClick={() => setPending(null)}>{tx('cancel')}</button>
            <button type="submit" className="btn btn-small btn-primary">{tx('confirm')}</button>
          </div>
        </form>
      )}
      {error && <ReunionError error={error} />}
    </div>
  );
}

/**
 * Missing-child alerts (#/reunion/alerts, police and admin): register a newly missing child
 * (or pick a registered post), see the radius the time since the loss allows, send the alert
 * and see who received it and how far they are; the alert log and the subscribers below.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, get, post as postApi } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { useI18n } from '../i18n/index.ts';
import { AlertLog, Subscribers } from './AlertTables.tsx';
import { useReunionText } from './i18n/messages.ts';
import { NewMissingForm } from './NewMissingForm.tsx';
import { ReunionError } from './Notices.tsx';
import { DistanceStrip, RadiusRule } from './RadiusView.tsx';
import type { AlertView, PostView } from './types.ts';
import './reunion.css';

/** Minutes since `iso`, refreshed every 20 s; null without a time. */
function useElapsed(iso: string | null): number | null {
  const calc = () => (iso ? Math.max(0, (Date.now() - Date.parse(iso)) / 60_000) : null);
  const [m, setM] = useState(calc);
  useEffect(() => {
    setM(calc());
    const h = window.setInterval(() => setM(calc()), 20_000);
    return () => window.clearInterval(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [iso]);
  return m;
}

/** The alerts page. */
export function AlertsPage() {
  const tx = useReunionText();
  const { lang } = useI18n();
  const [post, setPost] = useState<PostView | null>(null);
  const [postId, setPostId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<AlertView | null>(null);
  const [busy, setBusy] = useState(false);
  const [logTick, setLogTick] = useState(0);
  const elapsed = useElapsed(post?.lostAt ?? null);

  async function load(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setPost(await get<PostView>(`/api/reunion/posts/${encodeURIComponent(postId.trim())}`));
      setSent(null);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }

  async function send() {
    if (!post) return;
    setBusy(true);
    setError(null);
    try {
      setSent(await postApi<AlertView>(`/api/reunion/posts/${encodeURIComponent(post.id)}/alerts`));
      setLogTick((n) => n + 1);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page reunion">
      <div className="page-head"><h1>{tx('alertsTitle')}</h1></div>
      <p className="muted">{tx('alertsIntro')}</p>
      <div className="reu-detail-grid">
        <NewMissingForm onCreated={(p) => { setPost(p); setPostId(p.id); setSent(null); }} />
        <div className="reu-col">
          <section className="panel">
            <h2 className="panel-title">{tx('radiusRule')}</h2>
            <RadiusRule elapsedMinutes={elapsed} />
            <form className="reu-inline" onSubmit={load}>
              <input name="postId" value={postId} onChange={(e) => setPostId(e.target.value)} placeholder={tx('orPostId')} aria-label={tx('orPostId')} />
              <button type="submit" className="btn btn-small">{tx('open')}</button>
            </form>
            {post && (
              <div className="reu-alert-target" data-testid="alert-target">
                <div><strong>{post.name ?? post.nickname ?? tx('nameUnknown')}</strong> <span className="mono muted">{post.id}</span></div>
                <div className="small">{tx('lostAt')}: {post.lostAt ? formatInstant(post.lostAt, lang) : '—'} · {post.lossPlace ? `${post.lossPlace.divisionCode} ${post.lossPlace.text}` : '—'}</div>
                {elapsed !== null && <div className="small">{tx('elapsed', { n: Math.round(elapsed) })}</div>}
                <button type="button" className="btn btn-primary" onClick={() => void send()} disabled={busy} data-testid="send-alert">{busy ? tx('sending') : tx('sendAlert')}</button>
              </div>
            )}
            {error && <ReunionError error={error} />}
          </section>
          {sent && (
            <section className="panel" data-testid="alert-result">
              <h2 className="panel-title">{tx('recipients')} · {tx('alertFor', { id: sent.postId })}</h2>
              <div className="reu-alert-facts">
                <span className="tag tag-alert">{tx('radiusNow', { n: sent.radiusKm })}</span>
                <span>{tx('elapsed', { n: Math.round(sent.elapsedMinutes) })}</span>
                <span className="muted small">{tx('origin')}: {sent.origin.divisionCode} ({sent.origin.lat.toFixed(3)}, {sent.origin.lon.toFixed(3)})</span>
              </div>
              <DistanceStrip radiusKm={sent.radiusKm} recipients={sent.recipients} />
              {sent.recipients.length === 0 ? <div className="muted">{tx('noRecipients')}</div> : (
                <table className="table" data-testid="alert-recipients">
                  <thead><tr><th>{tx('subscriberName')}</th><th className="num">{tx('distance')}</th><th>{tx('channel')}</th><th>{tx('deliveryStatus')}</th></tr></thead>
                  <tbody>
                    {sent.recipients.map((r) => <tr key={r.subscriberId}><td>{r.name}</td><td className="num">{tx('km', { n: r.distanceKm })}</td><td>{r.channel}</td><td>{r.status === 'delivered' || r.status === 'failed' ? tx(`delivery.${r.status}`) : r.status}</td></tr>)}
                  </tbody>
                </table>
              )}
              {sent.alreadyAlerted > 0 && <div className="muted small">{tx('alreadyAlerted', { n: sent.alreadyAlerted })}</div>}
            </section>
          )}
        </div>
      </div>
      <AlertLog tick={logTick} />
      <Subscribers />
    </div>
  );
}

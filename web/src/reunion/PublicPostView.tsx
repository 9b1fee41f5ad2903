/**
 * One post for the public: the published fields, the tips moderators approved, and the tip
 * form, which says plainly that tips are moderated before anyone sees them (POST answers 202
 * with the tip held as 'pending').
 */
import { useState, type FormEvent } from 'react';
import { ApiError, post as postApi } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { useReunionText } from './i18n/messages.ts';
import { ReunionError } from './Notices.tsx';
import { PublicPostCard } from './PublicPostCard.tsx';
import type { PublicPost } from './types.ts';

/** The public view of post `id`; `back` is the hash of the search it was opened from. */
export function PublicPostView({ id, back }: { id: string; back: string }) {
  const tx = useReunionText();
  const post = useApiGet<PublicPost>(`/api/reunion/public/posts/${encodeURIComponent(id)}`);
  const tips = useApiGet<{ tips: { tipId: number; text: string; approvedAt: string }[] }>(`/api/reunion/public/posts/${encodeURIComponent(id)}/tips`);
  const { lang } = useI18n();
  return (
    <>
      <div className="page-head">
        <a className="btn btn-small" href={back}>{tx('back')}</a>
      </div>
      {post.error && <ReunionError error={post.error} onRetry={post.reload} />}
      {post.loading && !post.data && <Loading />}
      {post.data && (
        <div className="reu-detail-grid">
          <div className="reu-col">
            <PublicPostCard post={post.data} />
            <section className="panel" data-testid="public-tips">
              <h2 className="panel-title">{tx('tipsTitle')}</h2>
              {tips.error && <ReunionError error={tips.error} onRetry={tips.reload} />}
              {tips.data && tips.data.tips.length === 0 && <div className="muted">{tx('noTips')}</div>}
              {tips.data && tips.data.tips.length > 0 && (
                <ul className="reu-tips">
                  {tips.data.tips.map((t) => (
                    <li key={t.tipId}>
                      <div>{t.text}</div>
                      <div className="muted small">{formatInstant(t.approvedAt, lang)}</div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <TipForm postId={post.data.id} />
        </div>
      )}
    </>
  );
}

function TipForm({ postId }: { postId: string }) {
  const tx = useReunionText();
  const [text, setText] = useState('');
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<number | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await postApi<{ tipId: number; status: string }>(`/api/reunion/public/posts/${encodeURIComponent(postId)}/tips`, { text, ...(contact.trim() ? { contact: contact.trim() } : {}) });
      setSent(r.tipId);
      setText('');
      setContact('');
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel reu-form" onSubmit={submit} data-testid="tip-form">
      <h2 className="panel-title">{tx('tipFormTitle')}</h2>
      <div className="notice notice-info" data-testid="tip-moderated">{tx('tipModerated')}</div>
      <label className="field">
        <span className="field-label">{tx('tipText')}</span>
        <textarea name="text" rows={5} value={text} onChange={(e) => setText(e.target.value)} required minLength={4} maxLength={2000} />
      </label>
      <label className="field">
        <span className="field-label">{tx('tipContact')}</span>
        <input name="contact" value={contact} onChange={(e) => setContact(e.target.value)} maxLength={100} autoComplete="tel" />
      </label>
      {error && <ReunionError error={error} />}
      {sent !== null && <div className="notice notice-ok" data-testid="tip-sent">{tx('tipThanks', { id: sent })}</div>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{tx('tipSubmit')}</button>
      </div>
    </form>
  );
}

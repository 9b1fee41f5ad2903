/**
 * Two panels of a staff post: the consent flags (what the public search may show), which staff
 * with the post-write grant may change — the server audits every change and rebuilds the
 * public search keys from the new flags — and, for police and admin, closing or reopening the
 * post with a reason (a workflow step in the timeline).
 */
import { useState, type FormEvent } from 'react';
import { ApiError, api, post as postApi, type Role } from '../api.ts';
import { useReunionText } from './i18n/messages.ts';
import { may } from './model.ts';
import { ReunionError } from './Notices.tsx';
import { CONSENT_FIELDS, type ConsentField, type PostView } from './types.ts';

/** The consent flags of `post`, editable by `role` when granted reunion.post.write. */
export function ConsentPanel({ post, role, onSaved }: { post: PostView; role: Role; onSaved: () => void }) {
  const tx = useReunionText();
  const [editing, setEditing] = useState(false);
  const [flags, setFlags] = useState<Record<ConsentField, boolean>>({ ...post.consent });
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const label = (f: ConsentField) => tx(f === 'name' ? 'fieldName' : f);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api('PUT', `/api/reunion/posts/${encodeURIComponent(post.id)}/consent`, { body: flags });
      setEditing(false);
      setSaved(true);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }

  return (
    <section className="panel" data-testid="consent">
      <div className="reu-results-head">
        <h2 className="panel-title">{tx('consent')}</h2>
        {may(role, 'reunion.post.write') && !editing && (
          <button type="button" className="btn btn-small reu-push" onClick={() => { setFlags({ ...post.consent }); setEditing(true); setSaved(false); }}>{tx('editConsent')}</button>
        )}
      </div>
      {editing ? (
        <form className="reu-form" onSubmit={save} data-testid="consent-form">
          <div className="reu-consent reu-consent-edit">
            {CONSENT_FIELDS.map((f) => (
              <label key={f}>
                <input type="checkbox" name={`consent-${f}`} checked={flags[f]} onChange={(e) => setFlags((x) => ({ ...x, [f]: e.target.checked }))} />
                {label(f)}
              </label>
            ))}
          </div>
          {error && <ReunionError error={error} />}
          <div className="form-actions">
            <button type="button" className="btn btn-small" onClick={() => setEditing(false)}>{tx('cancel')}</button>
            <button type="submit" className="btn btn-small btn-primary">{tx('saveConsent')}</button>
          </div>
        </form>
      ) : CONSENT_FIELDS.some((f) => post.consent[f]) ? (
        <div>{CONSENT_FIELDS.map((f) => <span key={f} className={`tag ${post.consent[f] ? 'tag-ok' : ''}`} data-consent={f} data-on={String(post.consent[f])}>{label(f)}</span>)}</div>
      ) : <div className="muted">{tx('consentNone')}</div>}
      {saved && !editing && <div className="msg msg-ok">{tx('consentSaved')}</div>}
    </section>
  );
}

/** Close (from any open state) or reopen (from closed) with a reason; police and admin only. */
export function StateActions({ post, role, onChanged }: { post: PostView; role: Role; onChanged: () => void }) {
  const tx = useReunionText();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!may(role, 'reunion.post.close') || post.status === 'reunited') return null;
  const transition = post.status === 'closed' ? 'reopen' : 'close';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await postApi(`/api/reunion/posts/${encodeURIComponent(post.id)}/transitions`, { transition, reason });
      setOpen(false);
      setReason('');
      onChanged();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }

  if (!open) return <button type="button" className="btn btn-small reu-push" onClick={() => setOpen(true)} data-testid="post-transition">{transition === 'close' ? tx('closePost') : tx('reopenPost')}</button>;
  return (
    <div className="reu-fullrow">
    <form className="reu-reason-form" onSubmit={submit}>
      <label className="field">
        <span className="field-label">{transition === 'close' ? tx('closePost') : tx('reopenPost')} — {tx('closeReason')}</span>
        <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      </label>
      {error && <ReunionError error={error} />}
      <div className="form-actions">
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>{tx('cancel')}</button>
        <button type="submit" className="btn btn-small btn-primary">{tx('confirm')}</button>
      </div>
    </form>
    </div>
  );
}

/** Upload a JPEG or PNG photo; the server strips its metadata (EXIF with GPS, comments, text chunks) and says what it removed. */
export function PhotoUpload({ post }: { post: PostView }) {
  const tx = useReunionText();
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ photoId: number; mime: string; bytes: number; removed: string[] }[]>([]);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    setBusy(true);
    setError(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const r = await postApi<{ photoId: number; mime: string; bytes: number; removed: string[] }>(`/api/reunion/posts/${encodeURIComponent(post.id)}/photos`, { dataBase64: btoa(bin), filename: file.name });
      setDone((xs) => [...xs, r]);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" data-testid="photos">
      <h2 className="panel-title">{tx('photos')}</h2>
      <div className="muted small">{tx('photoNote')}</div>
      <input type="file" name="photo" accept="image/jpeg,image/png" disabled={busy} onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ''; }} />
      {error && <ReunionError error={error} />}
      {done.map((p) => (
        <div key={p.photoId} className="msg msg-ok" data-photo={p.photoId}>
          {tx('photoStored', { id: p.photoId, bytes: p.bytes, removed: p.removed.length ? p.removed.join(', ') : tx('none') })}
          {post.consent.photos && post.status !== 'closed' && <img className="reu-thumb" src={`/api/reunion/public/photos/${p.photoId}`} alt={tx('photos')} />}
        </div>
      ))}
    </section>
  );
}

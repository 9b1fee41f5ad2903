/**
 * Tip moderation (#/reunion/tips, volunteers and admins): the queue of tips from the public,
 * by status, with the tipster's contact masked; approve or reject with a reason (≥ 4
 * characters, audited). Only approved tips ever reach the public page.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, post as postApi } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { useHashQuery } from './hooks.ts';
import { useReunionText } from './i18n/messages.ts';
import { hashWith } from './model.ts';
import { ReunionError } from './Notices.tsx';
import type { TipView } from './types.ts';
import './reunion.css';

const STATUSES = ['pending', 'approved', 'rejected'] as const;

/** The moderation queue page. */
export function TipsPage() {
  const tx = useReunionText();
  const { lang } = useI18n();
  const q = useHashQuery();
  const status = (STATUSES as readonly string[]).includes(q.status ?? '') ? q.status! : 'pending';
  const { data, error, loading, reload } = useApiGet<{ tips: TipView[] }>('/api/reunion/tips', { status });
  return (
    <div className="page reunion">
      <div className="page-head">
        <h1>{tx('tipsQueueTitle')}</h1>
        <div className="reu-tabs" role="tablist">
          {STATUSES.map((s) => (
            <a key={s} role="tab" aria-selected={s === status} className={`btn btn-small ${s === status ? 'btn-primary' : ''}`} href={hashWith('/reunion/tips', { status: s })}>{tx(`tipStatus.${s}`)}</a>
          ))}
        </div>
      </div>
      <p className="muted">{tx('tipsQueueIntro')}</p>
      {error && <ReunionError error={error} onRetry={reload} />}
      {loading && !data && <Loading />}
      {data && (
        <div className="panel table-scroll">
          {data.tips.length === 0 ? <div className="empty">{tx('noTipsQueue')}</div> : (
            <table className="table" data-testid="tip-queue">
              <thead>
                <tr><th>{tx('tipId')}</th><th>{tx('tipPost')}</th><th>{tx('tip')}</th><th>{tx('tipper')}</th><th>{tx('submittedAt')}</th><th>{status === 'pending' ? tx('actions') : tx('moderatedBy')}</th></tr>
              </thead>
              <tbody>
                {data.tips.map((t) => (
                  <tr key={t.tipId} data-tip={t.tipId}>
                    <td className="num">{t.tipId}</td>
                    <td><a className="mono" href={hashWith('/reunion/posts', { post: t.postId })}>{t.postId}</a></td>
                    <td className="reu-tiptext">{t.text}</td>
                    <td className="mono">{t.contact ?? '—'}</td>
                    <td className="nowrap">{formatInstant(t.submittedAt, lang)}</td>
                    <td>
                      {t.status === 'pending' ? <Moderate tip={t} onDone={reload} /> : (
                        <div className="small">
                          <div>{t.moderatedBy} · {t.moderatedAt ? formatInstant(t.moderatedAt, lang) : ''}</div>
                          <div className="muted">{t.moderationReason}</div>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}

function Moderate({ tip, onDone }: { tip: TipView; onDone: () => void }) {
  const tx = useReunionText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function decide(decision: 'approve' | 'reject') {
    setError(null);
    try {
      await postApi(`/api/reunion/tips/${tip.tipId}/moderation`, { decision, reason });
      onDone();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }

  return (
    <form className="reu-moderate" onSubmit={(e: FormEvent) => { e.preventDefault(); void decide('approve'); }} data-testid="moderate-form">
      <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={tx('moderationReason')} aria-label={tx('moderationReason')} />
      <button type="submit" className="btn btn-small btn-primary" data-decision="approve">{tx('approve')}</button>
      <button type="button" className="btn btn-small" onClick={() => void decide('reject')} data-decision="reject">{tx('reject')}</button>
      {error && <ReunionError error={error} />}
    </form>
  );
}

/** The alert log (every send with its deliveries) and the subscribers (addresses masked) with the form to add one. */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, post as postApi } from '../api.ts';
import { formatInstant } from '../app/format.ts';
import { Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { useReunionText } from './i18n/messages.ts';
import { hashWith } from './model.ts';
import { ReunionError } from './Notices.tsx';
import type { AlertLogEntry, Subscriber } from './types.ts';

/** The alert log, reloaded when `tick` changes. */
export function AlertLog({ tick }: { tick: number }) {
  const tx = useReunionText();
  const { lang } = useI18n();
  const deliveryText = (s: string) => (s === 'delivered' || s === 'failed' ? tx(`delivery.${s}`) : s);
  const { data, error, loading, reload } = useApiGet<{ alerts: AlertLogEntry[] }>('/api/reunion/alerts');
  useEffect(() => {
    if (tick > 0) reload();
  }, [tick, reload]);
  return (
    <section className="panel table-scroll" data-testid="alert-log">
      <h2 className="panel-title">{tx('alertLog')}</h2>
      {error && <ReunionError error={error} onRetry={reload} />}
      {loading && !data && <Loading />}
      {data && data.alerts.length === 0 && <div className="empty">{tx('noAlerts')}</div>}
      {data && data.alerts.length > 0 && (
        <table className="table">
          <thead><tr><th>#</th><th>{tx('tipPost')}</th><th>{tx('at')}</th><th className="num">{tx('elapsedMin')}</th><th className="num">{tx('radiusRule')}</th><th>{tx('recipients')}</th><th>{tx('actor')}</th></tr></thead>
          <tbody>
            {data.alerts.map((a) => (
              <tr key={a.alertId} data-alert={a.alertId}>
                <td className="num">{a.alertId}</td>
                <td><a className="mono" href={hashWith('/reunion/posts', { post: a.postId })}>{a.postId}</a></td>
                <td className="nowrap">{formatInstant(a.sentAt, lang)}</td>
                <td className="num">{Math.round(a.elapsedMinutes)}</td>
                <td className="num">{tx('km', { n: a.radiusKm })}</td>
                <td>{a.recipients.length === 0 ? '—' : a.recipients.map((r) => `#${r.subscriberId} ${tx('km', { n: r.distanceKm })} (${r.channel}: ${deliveryText(r.status)})`).join('；')}</td>
                <td>{a.actor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Subscribers and the add form. */
export function Subscribers() {
  const tx = useReunionText();
  const { data, error, loading, reload } = useApiGet<{ subscribers: Subscriber[] }>('/api/reunion/subscribers');
  const [form, setForm] = useState({ name: '', address: '', divisionCode: '' });
  const [addError, setAddError] = useState<ApiError | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    setAddError(null);
    try {
      await postApi('/api/reunion/subscribers', { name: form.name.trim(), channel: 'log', address: form.address.trim(), divisionCode: form.divisionCode.trim() });
      setForm({ name: '', address: '', divisionCode: '' });
      reload();
    } catch (err) {
      if (err instanceof ApiError) setAddError(err);
      else throw err;
    }
  }

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <section className="panel table-scroll" data-testid="subscribers">
      <h2 className="panel-title">{tx('subscribers')}</h2>
      {error && <ReunionError error={error} onRetry={reload} />}
      {loading && !data && <Loading />}
      {data && data.subscribers.length === 0 && <div className="empty">{tx('noSubscribers')}</div>}
      {data && data.subscribers.length > 0 && (
        <table className="table">
          <thead><tr><th>#</th><th>{tx('subscriberName')}</th><th>{tx('channel')}</th><th>{tx('subscriberAddress')}</th><th>{tx('subscriberDivision')}</th><th>{tx('active')}</th></tr></thead>
          <tbody>
            {data.subscribers.map((s) => (
              <tr key={s.subscriberId}><td className="num">{s.subscriberId}</td><td>{s.name}</td><td>{s.channel}</td><td className="mono">{s.address}</td><td className="mono">{s.divisionCode}</td><td>{s.active ? '✓' : '—'}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="reu-inline" onSubmit={add}>
        <strong className="small">{tx('addSubscriber')}</strong>
        <input name="subName" value={form.name} onChange={set('name')} placeholder={tx('subscriberName')} aria-label={tx('subscriberName')} required />
        <input name="subAddress" value={form.address} onChange={set('address')} placeholder={tx('subscriberAddress')} aria-label={tx('subscriberAddress')} required />
        <input name="subDivision" value={form.divisionCode} onChange={set('divisionCode')} placeholder={tx('subscriberDivision')} aria-label={tx('subscriberDivision')} pattern="\d{6}" required />
        <button type="submit" className="btn btn-small">{tx('add')}</button>
      </form>
      {addError && <ReunionError error={addError} />}
    </section>
  );
}

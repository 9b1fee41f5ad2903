/** The workflow steps of a post: step label, state change, actor, role, time and reason. */
import { formatInstant } from '../app/format.ts';
import { useI18n } from '../i18n/index.ts';
import { useReunionText } from './i18n/messages.ts';
import type { TimelineEvent } from './types.ts';

/** Every recorded step, oldest first. */
export function TimelineTable({ events }: { events: readonly TimelineEvent[] }) {
  const tx = useReunionText();
  const { lang } = useI18n();
  return (
    <table className="table" data-testid="timeline-table">
      <thead><tr><th>#</th><th>{tx('step')}</th><th>{tx('fromTo')}</th><th>{tx('actor')}</th><th>{tx('role')}</th><th>{tx('at')}</th><th>{tx('reason')}</th></tr></thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.seq} data-transition={e.transition}>
            <td className="num">{e.seq}</td>
            <td>{lang === 'en' ? e.label.en : e.label.zh}</td>
            <td className="nowrap">{e.from ? `${tx(`status.${e.from}`)} → ` : ''}{tx(`status.${e.to}`)}</td>
            <td>{e.actor}</td>
            <td>{e.role === 'volunteer' || e.role === 'police' || e.role === 'admin' ? tx(`rrole.${e.role}`) : (e.role ?? '—')}</td>
            <td className="nowrap">{formatInstant(e.at, lang)}</td>
            <td className="reu-reason">{e.reason ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Statistics tables of the registry page: SLA compliance per category and milestone
 * (GET /api/disputes/stats/sla: met, breached, open overdue) and the legal service stations'
 * figures (GET /api/disputes/stats/legal-stations: consultations, disputes received, resolved
 * by agreement, open).
 */
import { ErrorNotice, Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useDisputesText } from './i18n/messages.ts';

type Cell = { met: number; breached: number; open: number; openOverdue: number };
interface SlaRow { category: string; acceptance: Cell; firstContact: Cell; resolution: Cell }
interface Station { orgCode: string; name: string; divisionCode: string; consultations: number; disputesReceived: number; disputesResolved: number; open: number }

/** SLA compliance per category: met / breached / open overdue for each milestone. */
export function SlaTable() {
  const tx = useDisputesText();
  const { data, error, loading, reload } = useApiGet<{ categories: SlaRow[] }>('/api/disputes/stats/sla');
  const ms = ['acceptance', 'firstContact', 'resolution'] as const;
  return (
    <section className="panel">
      <h2>{tx('slaStats')}</h2>
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {loading && !data && <Loading />}
      {data && data.categories.length === 0 && <div className="muted">{tx('empty')}</div>}
      {data && data.categories.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="sla-stats">
            <thead>
              <tr><th rowSpan={2}>{tx('category')}</th>{ms.map((m) => <th key={m} colSpan={3}>{tx(`sla.${m}`)}</th>)}</tr>
              <tr>{ms.map((m) => [<th key={`${m}1`}>{tx('met')}</th>, <th key={`${m}2`}>{tx('breached')}</th>, <th key={`${m}3`}>{tx('openOverdue')}</th>])}</tr>
            </thead>
            <tbody>
              {data.categories.map((r) => (
                <tr key={r.category} data-category={r.category}>
                  <td>{r.category}</td>
                  {ms.map((m) => [
                    <td key={`${m}1`}>{r[m].met}</td>,
                    <td key={`${m}2`} className={r[m].breached ? 'dsp-bad' : ''}>{r[m].breached}</td>,
                    <td key={`${m}3`} className={r[m].openOverdue ? 'dsp-bad' : ''}>{r[m].openOverdue}</td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Figures per legal service station. */
export function StationsTable() {
  const tx = useDisputesText();
  const { data, error, loading, reload } = useApiGet<{ stations: Station[] }>('/api/disputes/stats/legal-stations');
  return (
    <section className="panel">
      <h2>{tx('stations')}</h2>
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {loading && !data && <Loading />}
      {data && data.stations.length === 0 && <div className="muted">{tx('empty')}</div>}
      {data && data.stations.length > 0 && (
        <table className="table" data-testid="stations">
          <thead><tr><th>{tx('org')}</th><th>{tx('division')}</th><th>{tx('consultations')}</th><th>{tx('disputesReceived')}</th><th>{tx('disputesResolved')}</th><th>{tx('openCases')}</th></tr></thead>
          <tbody>
            {data.stations.map((s) => (
              <tr key={s.orgCode} data-org={s.orgCode}><td>{s.name}</td><td className="mono">{s.divisionCode}</td><td>{s.consultations}</td><td>{s.disputesReceived}</td><td>{s.disputesResolved}</td><td>{s.open}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The disputes card of the home dashboard: appeals received today (Asia/Shanghai day), open,
 * high-risk open and overdue (GET /api/disputes/stats/summary), each linking to the console.
 * Shown only to roles granted `disputes.stats` (DISPUTES_POLICIES).
 */
import { DISPUTES_POLICIES } from '../../../src/apps/disputes/policies.ts';
import { ErrorNotice } from '../app/Status.tsx';
import { useSession } from '../app/session.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useDisputesText } from './i18n/messages.ts';

interface Summary { day: string; receivedToday: number; open: number; highRiskOpen: number; overdue: number }

/** The card, or nothing for a role without disputes statistics. */
export function DisputesCard() {
  const { user } = useSession();
  if (!user || !DISPUTES_POLICIES['disputes.stats'].includes(user.role)) return null;
  return <Card />;
}

function Card() {
  const tx = useDisputesText();
  const { data, error, reload } = useApiGet<Summary>('/api/disputes/stats/summary');
  return (
    <section className="panel" data-testid="disputes-card">
      <h2><a href="#/disputes">{tx('cardTitle', { day: data?.day ?? '…' })}</a></h2>
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {data && (
        <div className="kpis">
          <div className="kpi"><div className="kpi-label">{tx('receivedToday')}</div><div className="kpi-value" data-testid="dsp-received-today">{data.receivedToday}</div></div>
          <div className="kpi"><div className="kpi-label">{tx('openNow')}</div><div className="kpi-value">{data.open}</div></div>
          <div className={`kpi ${data.highRiskOpen ? 'kpi-warn' : ''}`}><div className="kpi-label">{tx('highRisk')}</div><div className="kpi-value">{data.highRiskOpen}</div></div>
          <div className={`kpi ${data.overdue ? 'kpi-alert' : ''}`}><div className="kpi-label">{tx('overdueNow')}</div><div className="kpi-value">{data.overdue}</div></div>
        </div>
      )}
    </section>
  );
}

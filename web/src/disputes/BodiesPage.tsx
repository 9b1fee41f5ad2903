/**
 * Registry of mediation bodies with their outcomes (#/disputes/bodies): filters by kind,
 * division (6-digit code; a body serving the county, prefecture or province is listed) and
 * service category (GET /api/orgs); per body the open cases against capacity, cases received,
 * agreements, failures, success rate and mean days to resolve (GET /api/disputes/stats/bodies);
 * volumes by category, division or channel (GET /api/disputes/stats/volumes?by=) as an ECharts bar chart;
 * SLA compliance per category and the legal service stations' figures (StatsTables.tsx).
 */
import { useState } from 'react';
import { ErrorNotice, Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { EChart } from '../charts/EChart.tsx';
import { useI18n } from '../i18n/index.ts';
import { useDisputesText } from './i18n/messages.ts';
import { SlaTable, StationsTable } from './StatsTables.tsx';
import './disputes.css';

type Label = { zh: string; en: string };
interface Org { code: string; name: string; kind: string; divisionCode: string; divisionsServed: string[]; categories: string[]; capacity: number }
interface BodyStat { orgCode: string | null; received: number; open: number; agreements: number; failed: number; successRate: number | null; meanDaysToResolve: number | null }

/** The registry page with outcomes and the category volumes chart. */
export function BodiesPage() {
  const tx = useDisputesText();
  const { lang } = useI18n();
  const lbl = (l: Label | undefined, fallback: string) => (l ? (lang === 'en' ? l.en : l.zh) : fallback);
  const [kind, setKind] = useState('');
  const [category, setCategory] = useState('');
  const [division, setDivision] = useState('');
  const kinds = useApiGet<{ kinds: Record<string, Label>; categories: Record<string, Label> }>('/api/orgs/kinds');
  const orgs = useApiGet<{ orgs: Org[] }>('/api/orgs', { kind, category, divisionCode: /^\d{6}$/.test(division) ? division : undefined });
  const stats = useApiGet<{ bodies: BodyStat[] }>('/api/disputes/stats/bodies');
  const [by, setBy] = useState<'category' | 'division' | 'channel'>('category');
  const volumes = useApiGet<{ rows: { key: string; count: number }[] }>('/api/disputes/stats/volumes', { by });
  const byOrg = new Map((stats.data?.bodies ?? []).map((b) => [b.orgCode, b]));
  const vol = (volumes.data?.rows ?? []).slice().sort((a, b) => b.count - a.count).slice(0, 15);
  return (
    <div className="page disputes">
      <div className="page-head"><h1>{tx('bodiesTitle')}</h1></div>
      <p className="muted">{tx('bodiesIntro')}</p>
      <section className="panel">
        <div className="dsp-toolbar">
          <label>{tx('orgKind')} <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}><option value="">{tx('all')}</option>{Object.entries(kinds.data?.kinds ?? {}).map(([k, l]) => <option key={k} value={k}>{lbl(l, k)}</option>)}</select></label>
          <label>{tx('serviceCategory')} <select name="category" value={category} onChange={(e) => setCategory(e.target.value)}><option value="">{tx('all')}</option>{Object.entries(kinds.data?.categories ?? {}).map(([k, l]) => <option key={k} value={k}>{lbl(l, k)}</option>)}</select></label>
          <label>{tx('division')} <input name="division" inputMode="numeric" maxLength={6} value={division} onChange={(e) => setDivision(e.target.value)} /></label>
          {orgs.data && <span className="muted small">{orgs.data.orgs.length}</span>}
        </div>
        {orgs.error && <ErrorNotice error={orgs.error} onRetry={orgs.reload} />}
        {stats.error && <ErrorNotice error={stats.error} onRetry={stats.reload} />}
        {orgs.loading && !orgs.data && <Loading />}
        {orgs.data && orgs.data.orgs.length === 0 && <div className="muted">{tx('empty')}</div>}
        {orgs.data && orgs.data.orgs.length > 0 && (
          <div className="table-scroll">
            <table className="table" data-testid="bodies">
              <thead><tr><th>{tx('org')}</th><th>{tx('orgKind')}</th><th>{tx('division')}</th><th>{tx('serviceCategory')}</th><th>{tx('openCases')} / {tx('capacity')}</th><th>{tx('receivedCount')}</th><th>{tx('agreements')}</th><th>{tx('failed')}</th><th>{tx('successRate')}</th><th>{tx('meanDays')}</th></tr></thead>
              <tbody>
                {orgs.data.orgs.map((o) => {
                  const s = byOrg.get(o.code);
                  const open = s?.open ?? 0;
                  return (
                    <tr key={o.code} data-org={o.code}>
                      <td>{o.name}<div className="muted small mono">{o.code}</div></td>
                      <td>{lbl(kinds.data?.kinds[o.kind], o.kind)}</td>
                      <td className="mono small">{o.divisionsServed.join(' ')}</td>
                      <td className="small">{o.categories.map((c) => lbl(kinds.data?.categories[c], c)).join('、')}</td>
                      <td className={open >= o.capacity ? 'dsp-bad' : ''} title={open >= o.capacity ? tx('overCapacity') : undefined}>{open} / {o.capacity}</td>
                      <td>{s?.received ?? 0}</td>
                      <td>{s?.agreements ?? 0}</td>
                      <td>{s?.failed ?? 0}</td>
                      <td>{s?.successRate === null || s?.successRate === undefined ? '—' : `${Math.round(s.successRate * 100)}%`}</td>
                      <td>{s?.meanDaysToResolve ?? '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel">
        <div className="dsp-toolbar">
          <h2>{tx('volumesBy')}</h2>
          <select name="volumes-by" value={by} onChange={(e) => setBy(e.target.value as typeof by)}>
            <option value="category">{tx('category')}</option><option value="division">{tx('division')}</option><option value="channel">{tx('channel')}</option>
          </select>
        </div>
        {volumes.error && <ErrorNotice error={volumes.error} onRetry={volumes.reload} />}
        {volumes.data && vol.length === 0 && <div className="muted">{tx('empty')}</div>}
        {vol.length > 0 && (
          <EChart testId="volumes-chart" height={Math.max(160, vol.length * 26)} option={{
            grid: { left: 220, right: 30, top: 10, bottom: 20 },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', inverse: true, data: vol.map((r) => (by === 'channel' ? tx(`channel.${r.key}` as 'channel.web') : r.key)) },
            series: [{ type: 'bar', data: vol.map((r) => r.count), itemStyle: { color: '#2f5fb3' }, barMaxWidth: 22, label: { show: true, position: 'right' } }],
            tooltip: { trigger: 'axis' },
          }} />
        )}
      </section>
      <SlaTable />
      <StationsTable />
    </div>
  );
}

/**
 * 寄递实名收寄 看板 — the parcels dashboard: KPI cards, ECharts (volume per day with 11.11,
 * real-name rate per courier company, flagged items by category, origin × destination flows)
 * and the noncompliance reasons and recent flags tables. Data: GET /api/parcels/stats?from&to
 * (aggregates only, no personal data).
 */
import { DisputesCard } from '../disputes/DisputesCard.tsx';
import { useMemo, useState, type FormEvent } from 'react';
import { useApiGet } from '../app/useApiGet.ts';
import { ErrorNotice, Loading } from '../app/Status.tsx';
import { EChart } from '../charts/EChart.tsx';
import { formatInstant } from '../app/format.ts';
import { useI18n } from '../i18n/index.ts';
import { courierOption, dailyOption, flaggedOption, flowsOption, summarize, topProvinces, type CategoryNames } from './dashboardCharts.ts';
import type { ParcelMeta, ParcelStats } from './types.ts';

function Kpi({ label, value, detail, tone, testId }: { label: string; value: string; detail?: string; tone?: 'warn' | 'alert'; testId: string }) {
  return (
    <div className={`kpi ${tone ? `kpi-${tone}` : ''}`}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value" data-testid={testId}>
        {value}
      </div>
      {detail && <div className="kpi-detail">{detail}</div>}
    </div>
  );
}

function Panel({ title, children, wide }: { title: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <section className={`panel ${wide ? 'panel-wide' : ''}`}>
      <h2 className="panel-title">{title}</h2>
      {children}
    </section>
  );
}

export function DashboardPage() {
  const { t, lang, pick, num } = useI18n();
  const [range, setRange] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [draft, setDraft] = useState(range);
  const { data, error, loading, reload } = useApiGet<ParcelStats>('/api/parcels/stats', range);
  const meta = useApiGet<ParcelMeta>('/api/parcels/meta');
  const names: CategoryNames = useMemo(() => new Map((meta.data?.prohibitedCategories ?? []).map((c) => [c.key, c])), [meta.data]);

  const view = useMemo(() => {
    if (!data) return null;
    const flowsN = topProvinces(data, 12).length;
    return {
      kpis: summarize(data),
      daily: dailyOption(data, t),
      courier: courierOption(data, t, lang),
      flagged: flaggedOption(data, lang, names),
      flows: flowsOption(data, t, lang, 12),
      flowsN,
    };
  }, [data, t, lang, names]);

  function apply(e: FormEvent) {
    e.preventDefault();
    setRange({ ...draft });
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('dashboard.title')}</h1>
        <form className="range" onSubmit={apply}>
          <label>
            {t('dashboard.from')}
            <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </label>
          <label>
            {t('dashboard.to')}
            <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </label>
          <button className="btn btn-primary btn-small" type="submit">
            {t('dashboard.apply')}
          </button>
          <button
            className="btn btn-small"
            type="button"
            onClick={() => {
              setDraft({ from: '', to: '' });
              setRange({ from: '', to: '' });
            }}
          >
            {t('dashboard.all')}
          </button>
        </form>
      </div>
      <DisputesCard />
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {loading && !data && <Loading />}
      {view && data && (
        <>
          <div className="kpis">
            <Kpi testId="kpi-total" label={t('kpi.total')} value={num(view.kpis.total)} detail={t('kpi.unit')} />
            <Kpi
              testId="kpi-rate"
              label={t('kpi.realNameRate')}
              value={view.kpis.realNameRate === null ? '—' : `${num(view.kpis.realNameRate * 100, 2)}%`}
              detail={t('kpi.realNameDetail', { ok: num(view.kpis.realNameOk) })}
            />
            <Kpi testId="kpi-flagged" label={t('kpi.flagged')} value={num(view.kpis.flagged)} tone={view.kpis.flagged ? 'alert' : undefined} detail={t('kpi.unit')} />
            <Kpi
              testId="kpi-noncompliant"
              label={t('kpi.noncompliant')}
              value={num(view.kpis.noncompliant)}
              tone={view.kpis.noncompliant ? 'warn' : undefined}
              detail={t('kpi.noncompliantDetail', { count: num(view.kpis.withoutRealName) })}
            />
          </div>
          <div className="grid">
            <Panel title={t('chart.daily')} wide>
              {data.daily.length ? <EChart option={view.daily} height={260} testId="chart-daily" /> : <p className="empty">{t('app.noData')}</p>}
            </Panel>
            <Panel title={t('chart.byCourier')}>
              {data.byCourier.length ? <EChart option={view.courier} height={Math.max(220, data.byCourier.length * 20 + 40)} testId="chart-courier" /> : <p className="empty">{t('app.noData')}</p>}
            </Panel>
            <Panel title={t('chart.flows', { n: view.flowsN })}>
              {data.flows.length ? <EChart option={view.flows} height={Math.max(260, data.byCourier.length * 20 + 40)} testId="chart-flows" /> : <p className="empty">{t('app.noData')}</p>}
            </Panel>
            <Panel title={t('chart.flagged')}>
              {data.flagged.byCategory.length ? (
                <EChart option={view.flagged} height={Math.max(180, data.flagged.byCategory.length * 24 + 40)} testId="chart-flagged" />
              ) : (
                <p className="empty">{t('app.noData')}</p>
              )}
            </Panel>
            <Panel title={t('table.noncompliance')}>
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('table.code')}</th>
                      <th>{t('table.reason')}</th>
                      <th className="num">{t('table.count')}</th>
                      <th className="num">{t('table.share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.noncompliance.map((n) => (
                      <tr key={n.code}>
                        <td>
                          <code className="code">{n.code}</code>
                        </td>
                        <td>{pick(n)}</td>
                        <td className="num">{num(n.count)}</td>
                        <td className="num">{view.kpis.total ? `${num((n.count / view.kpis.total) * 100, 2)}%` : '—'}</td>
                      </tr>
                    ))}
                    {!data.noncompliance.length && (
                      <tr>
                        <td colSpan={4} className="empty">
                          {t('app.noData')}
                        </td>
                      </tr>
                    )}
                  </tbody>
                </table>
              </div>
            </Panel>
            <Panel title={t('table.recentFlagged')} wide>
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('table.acceptedAt')}</th>
                      <th>{t('table.courier')}</th>
                      <th>{t('table.waybillNo')}</th>
                      <th>{t('table.itemName')}</th>
                      <th>{t('table.terms')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.flagged.recent.map((r) => (
                      <tr key={String(r.id)}>
                        <td className="nowrap">{formatInstant(r.acceptedAt, lang)}</td>
                        <td>{r.courier}</td>
                        <td className="mono">{r.waybillNo}</td>
                        <td>{r.itemName}</td>
                        <td>
                          {(Array.isArray(r.terms) ? r.terms : [r.terms]).map((term) => (
                            <span key={term} className="tag tag-alert">
                              {term}
                            </span>
                          ))}
                        </td>
                      </tr>
                    ))}
                    {!data.flagged.recent.length && (
                      <tr>
                        <td colSpan={5} className="empty">
                          {t('app.noData')}
                        </td>
                      </tr>
                    )}
                  </tbody>
                </table>
              </div>
            </Panel>
          </div>
        </>
      )}
    </div>
  );
}

/**
 * The network tab (关系网络): expand k hops from a seed (an ID number typed by the investigator, a
 * lead's person, or a node of the graph) with filters (relation kinds, direction, minimum parcels,
 * time window, node limit); the graph with roles coloured and a legend; a time slider over the
 * activity; the province spread; the explanation panel of the clicked node or edge (role rule and
 * flow values; evidence parcels); exports for Gephi / i2 (GEXF, GraphML, CSV).
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { post } from '../api.ts';
import { ErrorNotice } from '../app/Status.tsx';
import { EChart } from '../charts/EChart.tsx';
import { useI18n } from '../i18n/index.ts';
import { useAction } from './CaseTab.tsx';
import { downloadFile } from './download.ts';
import { Explanation } from './Explanation.tsx';
import { useLeadsText, type LeadsKey } from './i18n/messages.ts';
import { edgesUpTo, FORCE_LIMIT, layeredLayout, networkOption, ROLE_COLOURS, ROLE_ORDER, type LayoutMode } from './network.ts';
import { NetworkChart, type GraphPick } from './NetworkChart.tsx';
import type { CaseView, EdgeKind, ExpandRequest, NetworkView, Seed } from './types.ts';

const KINDS: readonly EdgeKind[] = ['parcel', 'shared_id', 'shared_address'];

interface Filters { hops: number; kinds: EdgeKind[]; direction: 'any' | 'out' | 'in'; minWeight: string; from: string; to: string; maxNodes: string }

export function NetworkTab({ caseView, personKey }: { caseView: CaseView; personKey: string | null }) {
  const tx = useLeadsText();
  const { num } = useI18n();
  const base = `/api/leads/cases/${encodeURIComponent(caseView.caseNo)}`;
  const [idNumber, setIdNumber] = useState('');
  const [leadSeed, setLeadSeed] = useState<string | null>(personKey);
  const [f, setF] = useState<Filters>({ hops: 3, kinds: ['parcel'], direction: 'any', minWeight: '', from: '', to: '', maxNodes: '5000' });
  const [view, setView] = useState<NetworkView | null>(null);
  const [request, setRequest] = useState<ExpandRequest | null>(null);
  const [mode, setMode] = useState<LayoutMode>('roles');
  const [dayIndex, setDayIndex] = useState<number | null>(null);
  // the slider moves at once; the graph follows when it rests (a 2,000-node redraw is not free)
  const [sliderIndex, setSliderIndex] = useState<number | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setDayIndex(sliderIndex), 250);
    return () => clearTimeout(t);
  }, [sliderIndex]);
  const [pick, setPick] = useState<GraphPick | null>(null);
  const act = useAction();
  const exporting = useAction();

  const expand = async (seed: Seed) => {
    const req: ExpandRequest = {
      seed, hops: f.hops, kinds: f.kinds, direction: f.direction,
      ...(f.minWeight ? { minWeight: Number(f.minWeight) } : {}), ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}), ...(f.maxNodes ? { maxNodes: Number(f.maxNodes) } : {}),
    };
    const v = await act.run(() => post<NetworkView>(`${base}/graph/expand`, req));
    if (v) {
      setView(v);
      setRequest(req);
      setDayIndex(null);
      setSliderIndex(null);
      setPick(null);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void expand(leadSeed ? { personKey: leadSeed } : { idNumber: idNumber.trim() });
  };
  const exportAs = (format: 'gexf' | 'graphml' | 'csv') => {
    if (request) void exporting.run(() => downloadFile(`${base}/graph/export`, `network.${format}`, { ...request, format }));
  };

  const days = useMemo(() => (view ? [...view.activity].map((a) => a.day).sort() : []), [view]);
  const day = dayIndex === null || dayIndex >= days.length - 1 ? null : days[dayIndex]!;
  const roleLabels = useMemo(() => Object.fromEntries([...ROLE_ORDER, 'none'].map((r) => [r, tx(`role.${r}` as LeadsKey)])), [tx]);
  const visible = useMemo(() => (view ? edgesUpTo(view.edges, day) : []), [view, day]);
  const placed = useMemo(() => (view && mode !== 'force' ? layeredLayout(view.nodes, view.edges, mode) : undefined), [view, mode]);
  const option = useMemo(() => (view ? networkOption({ nodes: view.nodes, edges: view.edges, visible, seeds: view.seeds, mode, roleLabels, ...(placed ? { placed } : {}) }) : null),
    [view, visible, mode, roleLabels, placed]);
  const sliderDay = sliderIndex === null || sliderIndex >= days.length - 1 ? null : days[sliderIndex]!;
  const spreadOption = useMemo(() => view && ({
    animation: false,
    grid: { left: 40, right: 10, top: 10, bottom: 70 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: view.spread.values.map((v) => v.value), axisLabel: { rotate: 60, fontSize: 11, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: view.spread.values.map((v) => v.nodes), itemStyle: { color: '#2e86c1' } }],
  }), [view]);
  const activityOption = useMemo(() => view && ({
    animation: false,
    grid: { left: 40, right: 10, top: 26, bottom: 30 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      type: 'bar', data: days.map((d) => view.activity.find((a) => a.day === d)!.records), itemStyle: { color: '#8e44ad' },
      ...(day ? { markLine: { symbol: 'none', data: [{ xAxis: day }], lineStyle: { color: '#c0392b' }, label: { formatter: day } } } : {}),
    }],
  }), [view, days, day]);

  return (
    <div className="ld-network" data-testid="network-tab">
      <p className="muted">{tx('networkIntro')}</p>
      <form className="panel ld-expand" onSubmit={submit} data-testid="expand-form">
        {leadSeed ? (
          <div className="field"><span className="field-label">{tx('seedFromLead')}</span>
            <div><span className="mono">{leadSeed}</span> <button type="button" className="btn btn-small" onClick={() => setLeadSeed(null)}>{tx('clearSeed')}</button></div></div>
        ) : (
          <label className="field"><span className="field-label">{tx('seedId')}</span>
            <input name="seedId" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} autoComplete="off" spellCheck={false} required /></label>
        )}
        <label className="field"><span className="field-label">{tx('hops')}</span>
          <input name="hops" type="number" min={1} max={8} value={f.hops} onChange={(e) => setF({ ...f, hops: Number(e.target.value) })} /></label>
        <fieldset className="field ld-kinds"><span className="field-label">{tx('kinds')}</span>
          <div>{KINDS.map((k) => (
            <label key={k}><input type="checkbox" name={`kind-${k}`} checked={f.kinds.includes(k)} onChange={() => setF({ ...f, kinds: f.kinds.includes(k) ? f.kinds.filter((x) => x !== k) : [...f.kinds, k] })} /> {tx(`kind.${k}` as LeadsKey)}</label>
          ))}</div></fieldset>
        <label className="field"><span className="field-label">{tx('direction')}</span>
          <select name="direction" value={f.direction} onChange={(e) => setF({ ...f, direction: e.target.value as Filters['direction'] })}>
            {(['any', 'out', 'in'] as const).map((d) => <option key={d} value={d}>{tx(`dir.${d}` as LeadsKey)}</option>)}
          </select></label>
        <label className="field"><span className="field-label">{tx('minWeight')}</span>
          <input name="minWeight" type="number" min={0} value={f.minWeight} onChange={(e) => setF({ ...f, minWeight: e.target.value })} /></label>
        <label className="field"><span className="field-label">{tx('from')}</span><input name="from" type="date" value={f.from} onChange={(e) => setF({ ...f, from: e.target.value })} /></label>
        <label className="field"><span className="field-label">{tx('to')}</span><input name="to" type="date" value={f.to} onChange={(e) => setF({ ...f, to: e.target.value })} /></label>
        <label className="field"><span className="field-label">{tx('maxNodes')}</span>
          <input name="maxNodes" type="number" min={1} max={200000} value={f.maxNodes} onChange={(e) => setF({ ...f, maxNodes: e.target.value })} /></label>
        <div className="ld-expand-go"><button className="btn btn-primary" type="submit" disabled={act.busy}>{act.busy ? tx('expanding') : tx('expand')}</button></div>
      </form>
      {act.error && <ErrorNotice error={act.error} />}
      {!view && !act.busy && <div className="empty">{tx('empty')}</div>}
      {view && option && (
        <>
          <div className="ld-summary" data-testid="network-summary">
            <span>{tx('summary', { nodes: num(view.nodes.length), edges: num(view.edges.length), provinces: view.spread.values.length, hops: view.countsByHop.join(' / ') })}</span>
            <span className="ld-role-chips">
              {[...ROLE_ORDER].map((r) => (
                <span key={r} className="ld-role-chip" data-role={r}><i style={{ background: ROLE_COLOURS[r] }} />{roleLabels[r]} <b>{view.roles[r] ?? 0}</b></span>
              ))}
            </span>
            <span className="muted small">{tx('network', { nodes: num(view.network.nodes), edges: num(view.network.edges), parcels: num(view.network.parcels) })}</span>
          </div>
          {view.truncated && <div className="notice notice-warn">{tx('truncated')}</div>}
          {(request?.hops ?? 0) < 4 && <div className="notice notice-info small" data-testid="roles-scope">{tx('rolesScope')}</div>}
          <div className="ld-graph-row">
            <section className="panel ld-graph-panel">
              <div className="ld-graph-tools">
                <label className="small">{tx('layout')}{' '}
                  <select name="layout" value={mode} onChange={(e) => setMode(e.target.value as LayoutMode)}>
                    <option value="roles">{tx('layout.roles')}</option>
                    <option value="hops">{tx('layout.hops')}</option>
                    <option value="force" disabled={view.nodes.length > FORCE_LIMIT}>{tx('layout.force', { n: FORCE_LIMIT })}</option>
                  </select></label>
                <span className="ld-export">
                  {(['gexf', 'graphml', 'csv'] as const).map((fmt) => (
                    <button key={fmt} type="button" className="btn btn-small" data-export={fmt} disabled={exporting.busy} onClick={() => exportAs(fmt)}>{tx('exportFile', { format: fmt.toUpperCase() })}</button>
                  ))}
                </span>
              </div>
              <NetworkChart option={option} seeds={view.seeds} selected={pick?.type === 'node' ? pick.key : null} height={620} onPick={setPick} />
              {days.length > 1 && (
                <label className="ld-slider">
                  <span className="small" data-testid="slider-day" data-day={day ?? ''}>{sliderDay ? tx('timeSlider', { day: sliderDay }) : tx('allTime')}{sliderDay ? ` · ${tx('visibleEdges', { n: num(visible.length) })}` : ''}</span>
                  <input type="range" name="timeSlider" min={0} max={days.length - 1} value={sliderIndex ?? days.length - 1} onChange={(e) => setSliderIndex(Number(e.target.value))} />
                </label>
              )}
              {exporting.error && <ErrorNotice error={exporting.error} />}
            </section>
            <aside className="panel ld-explain" data-testid="explanation">
              <h2 className="panel-title">{tx('explain')}</h2>
              {pick ? <Explanation key={pick.type === 'node' ? pick.key : `e${pick.id}`} pick={pick} view={view} caseNo={caseView.caseNo} roleLabels={roleLabels}
                onExpand={(nodeKey) => void expand({ nodeKey })} onPick={setPick} /> : <div className="muted small">{tx('explainHint')}</div>}
            </aside>
          </div>
          <div className="ld-two">
            <section className="panel"><h2 className="panel-title">{tx('spread')}</h2>{spreadOption && <EChart option={spreadOption} height={260} testId="spread-chart" />}</section>
            <section className="panel"><h2 className="panel-title">{tx('activity')}</h2>{activityOption && <EChart option={activityOption} height={260} testId="activity-chart" />}</section>
          </div>
        </>
      )}
    </div>
  );
}

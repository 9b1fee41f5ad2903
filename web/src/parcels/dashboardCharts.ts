/**
 * Pure builders from GET /api/parcels/stats to the dashboard's KPI figures and ECharts
 * options (no React, no DOM), so they can be unit-tested with exact values.
 */
import type { EChartsOption } from '../charts/EChart.tsx';
import { provinceLabel } from '../i18n/provinces.ts';
import type { Lang, MessageKey } from '../i18n/index.ts';
import type { CourierStat, ParcelStats } from './types.ts';

type T = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

export interface Kpis {
  readonly total: number;
  readonly realNameOk: number;
  /** 0..1, or null when there are no parcels. */
  readonly realNameRate: number | null;
  readonly flagged: number;
  /** Parcels with at least one noncompliance code (server figure; else total − realNameOk). */
  readonly noncompliant: number;
  /** Parcels without a valid real-name registration (total − realNameOk). */
  readonly withoutRealName: number;
  /** Sum of noncompliance findings (one parcel can have several). */
  readonly findings: number;
}

/** KPI figures: the server's totals when given, else sums over the daily series. */
export function summarize(stats: ParcelStats): Kpis {
  let total = 0;
  let ok = 0;
  for (const d of stats.daily) {
    total += d.total;
    ok += d.realNameOk;
  }
  total = stats.total ?? total;
  ok = stats.realNameOk ?? ok;
  const findings = stats.noncompliance.reduce((s, n) => s + n.count, 0);
  return { total, realNameOk: ok, realNameRate: total ? ok / total : null, flagged: stats.flagged.total, noncompliant: stats.noncompliant ?? total - ok, withoutRealName: total - ok, findings };
}

/** Display names of prohibited-item categories by key, from GET /api/parcels/meta. */
export type CategoryNames = ReadonlyMap<string, { readonly zh: string; readonly en: string }>;

const palette = ['#1f5fa8', '#d9822b', '#2e8b57', '#b23b3b', '#6a4c93', '#3a9bbf', '#8c6d1f'];
const pct = (x: number) => Math.round(x * 10000) / 100;

/** Days of the series that are 11 November (the 11.11 shopping festival peak). */
export function singlesDays(days: readonly string[]): string[] {
  return days.filter((d) => d.endsWith('-11-11'));
}

/** Line chart: parcels per day (left axis) and real-name rate % (right axis); 11.11 marked. */
export function dailyOption(stats: ParcelStats, t: T): EChartsOption {
  const days = stats.daily.map((d) => d.day);
  const marks = singlesDays(days).map((day) => ({ xAxis: day, label: { formatter: t('chart.singlesDay'), color: '#b23b3b', fontWeight: 'bold' } }));
  return {
    color: palette,
    grid: { left: 56, right: 56, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('chart.dailyTotal'), t('chart.dailyRate')] },
    xAxis: { type: 'category', data: days, axisLabel: { formatter: (v: string) => v.slice(5) } },
    yAxis: [
      { type: 'value', name: t('chart.dailyTotal'), splitLine: { lineStyle: { color: '#e6eaf0' } } },
      { type: 'value', name: '%', min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 1)), max: 100, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('chart.dailyTotal'),
        type: 'line',
        data: stats.daily.map((d) => d.total),
        showSymbol: days.length <= 31,
        areaStyle: { opacity: 0.08 },
        markLine: marks.length ? { symbol: 'none', lineStyle: { color: '#b23b3b', type: 'dashed' }, data: marks } : undefined,
      },
      { name: t('chart.dailyRate'), type: 'line', yAxisIndex: 1, data: stats.daily.map((d) => pct(d.rate)), showSymbol: false, lineStyle: { width: 1.5 } },
    ],
  };
}

function courierLabel(c: CourierStat, lang: Lang): string {
  return lang === 'en' ? c.courier : c.name;
}

/** Lower end of a rate axis in %: a multiple of 5 at least one point below the lowest rate (0..1). */
export function rateAxisMin(lowest: number): number {
  return Math.max(0, Math.floor((pct(lowest) - 1) / 5) * 5);
}

/** Horizontal bars: real-name rate % per courier company, lowest first (the ones to act on). */
export function courierOption(stats: ParcelStats, t: T, lang: Lang): EChartsOption {
  const rows = [...stats.byCourier].sort((a, b) => b.rate - a.rate);
  const axisMin = rateAxisMin(rows.length ? Math.min(...rows.map((r) => r.rate)) : 0);
  return {
    color: ['#1f5fa8'],
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const r = rows[ps[0]?.dataIndex ?? 0];
        return r ? `${courierLabel(r, lang)}<br/>${t('chart.rate')}: ${pct(r.rate)}%<br/>${t('chart.volume')}: ${r.total.toLocaleString(lang)}` : '';
      },
    },
    xAxis: { type: 'value', min: axisMin, max: 100, interval: 100 - axisMin <= 30 ? 5 : 10, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((r) => courierLabel(r, lang)), axisTick: { show: false } },
    series: [{ type: 'bar', data: rows.map((r) => pct(r.rate)), barMaxWidth: 14, label: { show: true, position: 'right', formatter: '{c}%', fontSize: 10 } }],
  };
}

/** Bars: flagged (prohibited-item) parcels per category. */
export function flaggedOption(stats: ParcelStats, lang: Lang, names: CategoryNames = new Map()): EChartsOption {
  const rows = [...stats.flagged.byCategory].sort((a, b) => a.count - b.count);
  const label = (r: (typeof rows)[number]) => categoryLabel(r.category, lang, names);
  return {
    color: ['#b23b3b'],
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map(label), axisTick: { show: false } },
    series: [{ type: 'bar', data: rows.map((r) => r.count), barMaxWidth: 16, label: { show: true, position: 'right', fontSize: 10 } }],
  };
}

/** The short display name of a category: the part before any full-width parenthesis. */
export function categoryLabel(key: string, lang: Lang, names: CategoryNames): string {
  const n = names.get(key);
  if (!n) return key;
  return lang === 'en' ? n.en.split(',')[0]! : n.zh.split(/[\uff08(]/)[0]!;
}

/** The provinces of the flow matrix: the `limit` with the largest sent + received volume (unknown provinces left out). */
export function topProvinces(stats: ParcelStats, limit: number): string[] {
  const vol = new Map<string, number>();
  for (const f of stats.flows) {
    if (!f.originProvince || !f.destinationProvince) continue; // unknown province: not a cell of the matrix
    vol.set(f.originProvince, (vol.get(f.originProvince) ?? 0) + f.count);
    vol.set(f.destinationProvince, (vol.get(f.destinationProvince) ?? 0) + f.count);
  }
  return [...vol.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([p]) => p);
}

/** Heat map: origin (rows) × destination (columns) parcel counts among the top provinces. */
export function flowsOption(stats: ParcelStats, t: T, lang: Lang, limit = 12): EChartsOption {
  const provinces = topProvinces(stats, limit);
  const index = new Map(provinces.map((p, i) => [p, i]));
  const cells: [number, number, number][] = [];
  let max = 0;
  for (const f of stats.flows) {
    const x = index.get(f.destinationProvince);
    const y = index.get(f.originProvince);
    if (x === undefined || y === undefined) continue;
    cells.push([x, y, f.count]);
    if (f.count > max) max = f.count;
  }
  const labels = provinces.map((p) => provinceLabel(p, lang));
  return {
    grid: { left: 8, right: 16, top: 34, bottom: 56, containLabel: true },
    tooltip: {
      position: 'top',
      formatter: (p: { value: [number, number, number] }) => `${labels[p.value[1]]} → ${labels[p.value[0]]}: ${p.value[2].toLocaleString(lang)}`,
    },
    xAxis: { type: 'category', data: labels, name: t('chart.destination'), nameLocation: 'middle', nameGap: 36, axisLabel: { interval: 0, rotate: lang === 'en' ? 40 : 0, fontSize: 10 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: labels, name: t('chart.origin'), nameLocation: 'start', inverse: true, axisLabel: { fontSize: 10 }, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, max), text: [max.toLocaleString(lang), '0'], calculable: false, orient: 'horizontal', right: 0, bottom: 0, itemHeight: 80, itemWidth: 10, textStyle: { fontSize: 10 }, inRange: { color: ['#f2f6fb', '#8fb3de', '#1f5fa8', '#0b2f5e'] } },
    series: [{ type: 'heatmap', data: cells, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }],
  };
}

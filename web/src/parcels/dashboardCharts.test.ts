import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../i18n/index.ts';
import { categoryLabel, courierOption, rateAxisMin, dailyOption, flowsOption, singlesDays, summarize, topProvinces } from './dashboardCharts.ts';
import type { ParcelStats } from './types.ts';

const t = (k: MessageKey, p?: Readonly<Record<string, string | number>>) => translate('zh-CN', k, p);

const stats: ParcelStats = {
  daily: [
    { day: '2026-11-10', total: 100, realNameOk: 98, rate: 0.98 },
    { day: '2026-11-11', total: 300, realNameOk: 291, rate: 0.97 },
    { day: '2026-11-12', total: 120, realNameOk: 120, rate: 1 },
  ],
  byCourier: [
    { courier: 'ZTO', name: '中通快递', total: 300, realNameOk: 294, rate: 0.98 },
    { courier: 'SF', name: '顺丰速运', total: 220, realNameOk: 215, rate: 215 / 220 },
  ],
  byOutlet: [],
  noncompliance: [
    { code: 'ID_MISSING', message: '缺少证件号码', count: 7 },
    { code: 'NOT_INSPECTED', message: '未验视', count: 5 },
  ],
  flows: [
    { originProvince: '浙江省', destinationProvince: '广东省', count: 50 },
    { originProvince: '广东省', destinationProvince: '浙江省', count: 20 },
    { originProvince: '江苏省', destinationProvince: '广东省', count: 10 },
    { originProvince: '西藏自治区', destinationProvince: '青海省', count: 1 },
    { originProvince: '', destinationProvince: '广东省', count: 99 },
  ],
  flagged: { total: 3, byCategory: [{ category: 'firearms', count: 2 }, { category: 'knives', count: 1 }], recent: [] },
};

describe('dashboard figures', () => {
  it('sums the KPIs over the daily series', () => {
    expect(summarize(stats)).toEqual({ total: 520, realNameOk: 509, realNameRate: 509 / 520, flagged: 3, noncompliant: 11, withoutRealName: 11, findings: 12 });
  });

  it("prefers the server's totals (a parcel may be noncompliant and still real-name registered)", () => {
    expect(summarize({ ...stats, total: 520, realNameOk: 509, noncompliant: 14 })).toMatchObject({ total: 520, noncompliant: 14, withoutRealName: 11, findings: 12 });
  });

  it('has no rate when there are no parcels', () => {
    expect(summarize({ ...stats, daily: [], noncompliance: [] }).realNameRate).toBeNull();
  });

  it('marks 11 November on the daily chart', () => {
    expect(singlesDays(stats.daily.map((d) => d.day))).toEqual(['2026-11-11']);
    const o = dailyOption(stats, t) as { series: { data: number[]; markLine?: { data: { xAxis: string; label: { formatter: string } }[] } }[] };
    expect(o.series[0]!.data).toEqual([100, 300, 120]);
    expect(o.series[1]!.data).toEqual([98, 97, 100]);
    expect(o.series[0]!.markLine!.data).toEqual([expect.objectContaining({ xAxis: '2026-11-11', label: expect.objectContaining({ formatter: '双十一' }) })]);
  });

  it('orders couriers by rate and labels by name (zh) or code (en)', () => {
    const zh = courierOption(stats, t, 'zh-CN') as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(zh.yAxis.data).toEqual(['中通快递', '顺丰速运']);
    expect(zh.series[0]!.data).toEqual([98, 97.73]);
    const en = courierOption(stats, (k, p) => translate('en', k, p), 'en') as { yAxis: { data: string[] } };
    expect(en.yAxis.data).toEqual(['ZTO', 'SF']);
  });

  it('starts the rate axis on a multiple of 5 below the lowest rate', () => {
    expect(rateAxisMin(0.8955)).toBe(85);
    expect(rateAxisMin(0.9773)).toBe(95);
    expect(rateAxisMin(0.955)).toBe(90);
    expect(rateAxisMin(0.004)).toBe(0);
  });

  it('names flagged categories from the term list, short form', () => {
    const names = new Map([['firearms', { zh: '枪支（含仿制品、主要零部件）', en: 'firearms, imitation guns and their main parts' }]]);
    expect(categoryLabel('firearms', 'zh-CN', names)).toBe('枪支');
    expect(categoryLabel('firearms', 'en', names)).toBe('firearms');
    expect(categoryLabel('knives', 'en', names)).toBe('knives');
  });

  it('builds the origin × destination matrix over the busiest provinces', () => {
    expect(topProvinces(stats, 3)).toEqual(['广东省', '浙江省', '江苏省']);
    const o = flowsOption(stats, t, 'zh-CN', 3) as { xAxis: { data: string[] }; series: { data: number[][] }[]; visualMap: { max: number } };
    expect(o.xAxis.data).toEqual(['广东', '浙江', '江苏']);
    // [destination index, origin index, count]; the Tibet → Qinghai flow falls outside the top 3
    expect(o.series[0]!.data).toEqual([
      [0, 1, 50],
      [1, 0, 20],
      [0, 2, 10],
    ]);
    expect(o.visualMap.max).toBe(50);
  });
});

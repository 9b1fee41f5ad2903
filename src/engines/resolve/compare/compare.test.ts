import { describe, expect, it } from 'vitest';
import { compareDates, compareOrder, dateLevels, dateRange, rangeGapDays, toDateRange } from './dates.ts';
import { comparePlaces, divisionPrefix, haversineKm, PLACE_LEVELS, preparePlace } from './place.ts';
import { prepareTexts, segment, textCosine, textJaccard } from './text.ts';

describe('dates with precision and tolerance', () => {
  it('partial dates are intervals, impossible dates are missing (C16, C17)', () => {
    const july = toDateRange({ year: 2016, month: 7 })!;
    expect(july.precision).toBe('month');
    expect(july.hi - july.lo).toBe(30);
    expect(july.text).toBe('2016-07');
    expect(toDateRange('2016-07-05')!.precision).toBe('day');
    expect(toDateRange('19900230')).toBeNull();
    expect(toDateRange('1991-02-29')).toBeNull();
    expect(toDateRange('2000-02-29')!.text).toBe('2000-02-29');
    expect(toDateRange({ year: 2016, month: 13 })).toBeNull();
    expect(toDateRange('')).toBeNull();
    expect(toDateRange('1990')!.precision).toBe('year');
    expect(dateRange(1990, 2, 28)!.lo).toBe(Date.UTC(1990, 1, 28) / 86_400_000);
  });

  it('year-only and full dates agree when consistent; tolerance bands in days', () => {
    const tol = [31, 366];
    const levels = dateLevels(tol);
    const lv = (a: string, b: string) => levels[compareDates(toDateRange(a)!, toDateRange(b)!, tol)];
    expect(lv('1990-05-04', '1990-05-04')).toBe('exact');
    expect(lv('1990', '1990-05-04')).toBe('consistent');
    expect(lv('1990-05', '1990-05-31')).toBe('consistent');
    expect(lv('1990-05-04', '1990-05-20')).toBe('within 31 d');
    expect(lv('1990', '1991-03-01')).toBe('within 366 d');
    expect(lv('1990-05-04', '1995-05-04')).toBe('different');
    expect(rangeGapDays(toDateRange('1990')!, toDateRange('1992-01-01')!)).toBe(366);
  });

  it('ordering: date of loss must not be after the date found', () => {
    const lost = toDateRange('2001-03-02')!;
    expect(compareOrder(lost, toDateRange('2010-01-01')!)).toBe(0);
    expect(compareOrder(lost, toDateRange('2001')!)).toBe(0);
    expect(compareOrder(lost, toDateRange('2000-12-31')!)).toBe(1);
    expect(compareOrder(lost, toDateRange('2001-03-01')!, 2)).toBe(0);
  });
});

describe('places through the division hierarchy', () => {
  const p = (v: unknown) => preparePlace(v)!;
  const lv = (a: unknown, b: unknown) => PLACE_LEVELS[comparePlaces(p(a), p(b))];
  it('county, prefecture, province levels; coarse codes compare at their depth', () => {
    expect(lv('440305', '440305')).toBe('same county');
    expect(lv('440305', '440306')).toBe('same prefecture');
    expect(lv('440305', '440106')).toBe('same province');
    expect(lv('440305', '110105')).toBe('different');
    expect(lv('440000', '440305')).toBe('same province');
    expect(lv('440300', '440305')).toBe('same prefecture');
    expect(preparePlace('44030')).toBeNull();
    expect(divisionPrefix('440305', 'prefecture')).toBe('4403');
  });

  it('centroids make neighbours across a boundary near', () => {
    // Shenzhen Futian (440304) and Dongguan (441900) centroids, ~40 km apart.
    const a = { divisionCode: '440304', lat: 22.52, lon: 114.05 };
    const b = { divisionCode: '441900', lat: 22.82, lon: 113.75 };
    expect(haversineKm(a.lat, a.lon, b.lat, b.lon)).toBeGreaterThan(40);
    expect(haversineKm(a.lat, a.lon, b.lat, b.lon)).toBeLessThan(50);
    expect(lv(a, b)).toBe('near');
    expect(PLACE_LEVELS[comparePlaces(p(a), p(b), 20)]).toBe('same province');
    expect(haversineKm(39.9042, 116.4074, 31.2304, 121.4737)).toBeCloseTo(1067, -1);
  });
});

describe('free text as segmented words', () => {
  it('segments marks and memories without function words', () => {
    const t = segment('左手臂有一块红色胎记');
    expect(t).toContain('胎记');
    expect(t).toContain('手臂');
    expect(t).not.toContain('有');
    expect(segment('家门口有石桥')).toEqual(expect.arrayContaining(['家门口', '家门', '门口', '石桥']));
  });

  it('TF-IDF cosine ranks the shared rare mark above common words', () => {
    const [a, b, c, empty] = prepareTexts(['左手臂有红色胎记，后脑勺有疤', '胎记在左手臂上', '右腿有疤，爱吃糖', '']);
    expect(empty).toBeNull();
    const ab = textCosine(a!, b!);
    const ac = textCosine(a!, c!);
    expect(ab).toBeGreaterThan(0.3);
    expect(ab).toBeGreaterThan(ac);
    expect(textCosine(a!, a!)).toBeCloseTo(1, 9);
    expect(textJaccard(a!, b!)).toBeGreaterThan(textJaccard(a!, c!));
  });
});

/**
 * The slice of lunar-javascript 1.7.7 (MIT, 6tail) that reunion uses: Chinese lunar calendar
 * dates converted to the Gregorian calendar (1900–2100). Months are 1–12, a leap month is
 * given as its negative (−4 = 闰四月). `fromYmd` throws an Error for a day or month that does
 * not exist in that lunar year.
 */
declare module 'lunar-javascript' {
  export interface Solar {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    toYmd(): string;
  }
  export interface LunarDate {
    getSolar(): Solar;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): LunarDate };
  export const LunarMonth: { fromYm(year: number, month: number): { getDayCount(): number } | null };
  export const LunarYear: { fromYear(year: number): { getLeapMonth(): number } };
}

/**
 * Durations in rule files: the short form `30d`, `12h`, `2w` and ISO 8601 durations in days,
 * hours or weeks (`P90D`, `PT12H`, `P2W`; ISO 8601-1:2019 §5.5.2). Months and years are refused:
 * their length varies, and a rule window must mean the same span on every run.
 */
const DAY = 86_400_000;

/** Milliseconds in `text`, or undefined when it is not a supported duration. */
export function parseDuration(text: string): number | undefined {
  const short = /^(\d+(?:\.\d+)?)([dhw])$/.exec(text);
  if (short) return Number(short[1]) * ({ d: DAY, h: DAY / 24, w: 7 * DAY } as const)[short[2] as 'd' | 'h' | 'w'];
  const iso = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/i.exec(text);
  if (iso && text.length > 1 && !/T$/i.test(text) && iso.slice(1).some((g) => g !== undefined)) {
    const [w, d, h, m] = iso.slice(1).map((g) => Number(g ?? 0)) as [number, number, number, number];
    return ((w * 7 + d) * 24 + h) * 3_600_000 + m * 60_000;
  }
  return undefined;
}

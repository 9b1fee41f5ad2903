/**
 * The alert radius rule as a table with the current row marked, and a distance strip: the
 * circles of 100/200/300/500 km on one axis, the current radius shaded, each recipient a dot
 * at its distance from the place of loss (distance only: the strip is not a map).
 */
import { useReunionText } from './i18n/messages.ts';
import { RADIUS_RULE, radiusFor } from './model.ts';
import type { AlertRecipient } from './types.ts';

/** The rule table; `elapsedMinutes` null when no post is chosen. */
export function RadiusRule({ elapsedMinutes }: { elapsedMinutes: number | null }) {
  const tx = useReunionText();
  const now = elapsedMinutes === null ? null : radiusFor(elapsedMinutes);
  return (
    <table className="table reu-rule" data-testid="radius-rule">
      <tbody>
        {RADIUS_RULE.map((r) => (
          <tr key={r.km} className={r.km === now ? 'reu-rule-now' : ''} data-km={r.km}>
            <td>{r.upToMinutes === null ? tx('elapsedAfter') : tx('elapsedUpTo', { h: r.upToMinutes / 60 })}</td>
            <td className="num">{tx('km', { n: r.km })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const W = 560;
const PAD = 24;
const MAX_KM = 500;

/** The distance strip of one send. */
export function DistanceStrip({ radiusKm, recipients }: { radiusKm: number; recipients: readonly AlertRecipient[] }) {
  const tx = useReunionText();
  const x = (km: number) => PAD + (Math.min(km, MAX_KM) / MAX_KM) * (W - 2 * PAD);
  return (
    <svg className="reu-strip" viewBox={`0 0 ${W} 64`} role="img" aria-label={tx('radiusNow', { n: radiusKm })} data-testid="distance-strip">
      <rect x={x(0)} y={14} width={x(radiusKm) - x(0)} height={22} className="reu-strip-now" />
      <line x1={x(0)} x2={x(MAX_KM)} y1={36} y2={36} className="reu-strip-axis" />
      {RADIUS_RULE.map((r) => (
        <g key={r.km}>
          <line x1={x(r.km)} x2={x(r.km)} y1={10} y2={40} className="reu-strip-tick" />
          <text x={x(r.km)} y={56} textAnchor="middle" className="reu-strip-label">{r.km}</text>
        </g>
      ))}
      <text x={x(0)} y={56} textAnchor="middle" className="reu-strip-label">0 km</text>
      {recipients.map((r, i) => <circle key={r.subscriberId} cx={x(r.distanceKm)} cy={25 - ((i % 3) - 1) * 6} r={4} className="reu-strip-dot"><title>{`${r.name ?? r.subscriberId} ${r.distanceKm} km`}</title></circle>)}
    </svg>
  );
}

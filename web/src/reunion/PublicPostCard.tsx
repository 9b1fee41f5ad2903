/**
 * One post as the public sees it: only the published fields the server returned (never
 * contacts, never a minor's exact address: the server leaves them out), photos from the public
 * photo route, and the fields not published marked as such.
 */
import { useI18n } from '../i18n/index.ts';
import { useReunionText } from './i18n/messages.ts';
import { dateText } from './model.ts';
import type { PublicPost } from './types.ts';

/** A public post; `link` is the hash of its detail view (omitted on the detail view itself). */
export function PublicPostCard({ post, link }: { post: PublicPost; link?: string }) {
  const tx = useReunionText();
  const { lang } = useI18n();
  const p = post.published;
  const title = p.name ?? p.nickname ?? p.formerName ?? tx('notPublished');
  const rows: [string, string | undefined][] = [
    [tx('sex'), p.sex ? tx(`sex.${p.sex}`) : undefined],
    [tx('nickname'), p.nickname],
    [tx('formerName'), p.formerName],
    [tx('birthDate'), dateText(p.birthDate, lang) || undefined],
    [tx('lossDate'), dateText(p.lossDate, lang) || undefined],
    [tx('lossPlace'), p.lossPlace ? [p.lossPlace.name, p.lossPlace.text && p.lossPlace.text !== p.lossPlace.name ? p.lossPlace.text : ''].filter(Boolean).join(' · ') : undefined],
    [tx('heightCm'), p.heightCm != null ? tx('cm', { n: p.heightCm }) : undefined],
    [tx('marks'), p.marks],
    [tx('dialect'), p.dialect],
    [tx('memories'), p.memories],
  ];
  return (
    <article className="reu-card" data-post={post.id} data-testid="public-post">
      <header className="reu-card-head">
        <span className="reu-card-title">{title}</span>
        <span className={`reu-kind reu-kind-${post.kind}`} title={tx(`kindHint.${post.kind}`)}>{tx(`kind.${post.kind}`)}</span>
        <span className="tag">{tx(`status.${post.status}`)}</span>
        <span className="muted small mono">{post.id}</span>
      </header>
      <dl className="reu-dl">
        {rows.filter(([, v]) => v).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <div>
          <dt>{tx('postedOn')}</dt>
          <dd>{post.postedOn}</dd>
        </div>
      </dl>
      {p.photos && p.photos.length > 0 && (
        <div className="reu-photos">
          {p.photos.map((id) => <img key={id} src={`/api/reunion/public/photos/${id}`} alt={tx('photos')} loading="lazy" />)}
        </div>
      )}
      {link && <a className="btn btn-small" href={link} data-open={post.id}>{tx('openTip')}</a>}
    </article>
  );
}

/**
 * Staff posts page (#/reunion/posts): the list of both kinds of post, filtered by kind and
 * state, paged; `?post=<id>` opens one post (PostDetail) with its candidates and timeline.
 */
import { Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useHashQuery } from './hooks.ts';
import { useReunionText } from './i18n/messages.ts';
import { hashWith } from './model.ts';
import { ReunionError } from './Notices.tsx';
import { PostDetail } from './PostDetail.tsx';
import type { PostSummary } from './types.ts';
import './reunion.css';

const PATH = '/reunion/posts';
const PAGE = 50;
const STATES = ['searching', 'candidate_review', 'dna_comparison', 'reunited', 'closed'] as const;

/** The posts page: list, or the post named by `?post=`. */
export function PostsPage() {
  const q = useHashQuery();
  if (q.post) return <PostDetail id={q.post} back={hashWith(PATH, { ...q, post: undefined })} />;
  return <PostList q={q} />;
}

function PostList({ q }: { q: Record<string, string> }) {
  const tx = useReunionText();
  const offset = Number(q.offset ?? 0) || 0;
  const { data, error, loading, reload } = useApiGet<{ total: number; posts: PostSummary[] }>('/api/reunion/posts', { kind: q.kind, status: q.status, limit: PAGE, offset });
  const go = (patch: Record<string, string | number | undefined>) => {
    window.location.hash = hashWith(PATH, { ...q, offset: undefined, ...patch }).slice(1);
  };
  return (
    <div className="page reunion">
      <div className="page-head">
        <h1>{tx('postsTitle')}</h1>
        <div className="reu-filters">
          <select name="kind" value={q.kind ?? ''} onChange={(e) => go({ kind: e.target.value })} aria-label={tx('kind')}>
            <option value="">{tx('anyKind')}</option>
            <option value="familySearch">{tx('kind.familySearch')}</option>
            <option value="childSearch">{tx('kind.childSearch')}</option>
          </select>
          <select name="status" value={q.status ?? ''} onChange={(e) => go({ status: e.target.value })} aria-label={tx('status')}>
            <option value="">{tx('anyStatus')}</option>
            {STATES.map((s) => <option key={s} value={s}>{tx(`status.${s}`)}</option>)}
          </select>
        </div>
      </div>
      <p className="muted">{tx('postsIntro')}</p>
      {error && <ReunionError error={error} onRetry={reload} />}
      {loading && !data && <Loading />}
      {data && (
        <div className="panel table-scroll">
          <div className="reu-results-head">
            <strong>{tx('total', { n: data.total })}</strong>
            {data.total > 0 && <span className="muted small">{tx('pageOf', { from: offset + 1, to: offset + data.posts.length })}</span>}
            <span className="reu-pager">
              {offset > 0 && <button type="button" className="btn btn-small" onClick={() => go({ offset: Math.max(0, offset - PAGE) || undefined })}>{tx('prev')}</button>}
              {offset + PAGE < data.total && <button type="button" className="btn btn-small" onClick={() => go({ offset: offset + PAGE })}>{tx('next')}</button>}
            </span>
          </div>
          {data.posts.length === 0 ? <div className="empty">{tx('empty')}</div> : (
            <table className="table" data-testid="post-list">
              <thead>
                <tr><th>{tx('postId')}</th><th>{tx('kind')}</th><th>{tx('fieldName')}</th><th>{tx('nickname')}</th><th>{tx('sex')}</th><th>{tx('birthYear')}</th><th>{tx('lossYear')}</th><th>{tx('lossDivision')}</th><th>{tx('postedOn')}</th><th>{tx('status')}</th><th /></tr>
              </thead>
              <tbody>
                {data.posts.map((p) => (
                  <tr key={p.id} data-post={p.id}>
                    <td className="mono">{p.id}</td>
                    <td><span className={`reu-kind reu-kind-${p.kind}`}>{tx(`kind.${p.kind}`)}</span></td>
                    <td>{p.name ?? '—'}</td>
                    <td>{p.nickname ?? '—'}</td>
                    <td>{p.sex === 'male' || p.sex === 'female' ? tx(`sex.${p.sex}`) : '—'}</td>
                    <td className="num">{p.birthYear ?? '—'}</td>
                    <td className="num">{p.lossYear ?? '—'}</td>
                    <td className="mono">{p.lossDivision ?? '—'}</td>
                    <td className="nowrap">{p.postedOn}</td>
                    <td><span className={`reu-state reu-state-${p.status}`}>{tx(`status.${p.status}`)}</span></td>
                    <td><a className="btn btn-small" href={hashWith(PATH, { ...q, post: p.id })}>{tx('open')}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The public search (#/public/search, no login): search by name in characters or pinyin in
 * either order, place and year of loss; results show only the fields posters consented to
 * publish. The criteria live in the hash query, so a search is a link and Back returns to it;
 * `?post=<id>` opens one post with its approved tips and the tip form (PublicPostView).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { Loading } from '../app/Status.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { useI18n } from '../i18n/index.ts';
import { useHashQuery } from './hooks.ts';
import { useReunionText } from './i18n/messages.ts';
import { hashWith } from './model.ts';
import { ReunionError } from './Notices.tsx';
import { PublicPostCard } from './PublicPostCard.tsx';
import { PublicPostView } from './PublicPostView.tsx';
import type { PublicPost } from './types.ts';
import './reunion.css';

const PATH = '/public/search';
const PAGE = 20;

/** The public page with its own header (no session needed). */
export function PublicSearchPage() {
  const tx = useReunionText();
  const { t } = useI18n();
  const q = useHashQuery();
  return (
    <div className="reu-public">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark">共治</span>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-sub">{tx('publicTitle')}</span>
        </div>
        <div className="nav" />
        <div className="user-box">
          <LanguageSwitch />
          <a className="btn btn-ghost btn-small" href="#/">{tx('staffLogin')}</a>
        </div>
      </header>
      <main className="content page reunion">
        {q.post ? <PublicPostView id={q.post} back={hashWith(PATH, { ...q, post: undefined })} /> : <SearchView q={q} />}
      </main>
    </div>
  );
}

function SearchView({ q }: { q: Record<string, string> }) {
  const tx = useReunionText();
  const [form, setForm] = useState({ name: q.name ?? '', place: q.place ?? '', year: q.year ?? '', kind: q.kind ?? '' });
  const [missing, setMissing] = useState(false);
  useEffect(() => setForm({ name: q.name ?? '', place: q.place ?? '', year: q.year ?? '', kind: q.kind ?? '' }), [q.name, q.place, q.year, q.kind]);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const crit = { name: form.name.trim(), place: form.place.trim(), year: form.year.trim() };
    if (!crit.name && !crit.place && !crit.year) {
      setMissing(true);
      return;
    }
    setMissing(false);
    window.location.hash = hashWith(PATH, { ...crit, kind: form.kind }).slice(1);
  }

  const searched = Boolean(q.name || q.place || q.year);
  return (
    <>
      <div className="page-head">
        <h1>{tx('publicTitle')}</h1>
      </div>
      <p className="muted">{tx('publicIntro')}</p>
      <form className="panel reu-search" onSubmit={submit} data-testid="public-search-form">
        <label className="field">
          <span className="field-label">{tx('name')}</span>
          <input name="name" value={form.name} onChange={set('name')} placeholder={tx('namePlaceholder')} autoFocus />
        </label>
        <label className="field">
          <span className="field-label">{tx('place')}</span>
          <input name="place" value={form.place} onChange={set('place')} placeholder={tx('placePlaceholder')} />
        </label>
        <label className="field reu-narrow">
          <span className="field-label">{tx('year')}</span>
          <input name="year" value={form.year} onChange={set('year')} inputMode="numeric" pattern="\d{4}" placeholder="2010" />
        </label>
        <label className="field reu-narrow">
          <span className="field-label">{tx('kind')}</span>
          <select name="kind" value={form.kind} onChange={set('kind')}>
            <option value="">{tx('anyKind')}</option>
            <option value="familySearch">{tx('kind.familySearch')}</option>
            <option value="childSearch">{tx('kind.childSearch')}</option>
          </select>
        </label>
        <button type="submit" className="btn btn-primary">{tx('search')}</button>
      </form>
      {missing && <div className="notice notice-warn">{tx('needCriterion')}</div>}
      <div className="notice notice-info">{tx('publishedOnly')}</div>
      {searched && <Results q={q} />}
    </>
  );
}

function Results({ q }: { q: Record<string, string> }) {
  const tx = useReunionText();
  const offset = Number(q.offset ?? 0) || 0;
  const { data, error, loading, reload } = useApiGet<{ total: number; results: PublicPost[] }>('/api/reunion/public/search', {
    name: q.name, place: q.place, year: q.year, kind: q.kind, limit: PAGE, offset,
  });
  if (error) return <ReunionError error={error} onRetry={reload} />;
  if (loading || !data) return <Loading />;
  if (data.total === 0) return <div className="panel empty" data-testid="public-empty">{tx('noResults')}</div>;
  const pageLink = (o: number) => hashWith(PATH, { ...q, offset: o || undefined });
  return (
    <section data-testid="public-results">
      <div className="reu-results-head">
        <strong>{tx('results', { n: data.total })}</strong>
        <span className="muted small">{tx('pageOf', { from: offset + 1, to: offset + data.results.length })}</span>
        <span className="reu-pager">
          {offset > 0 && <a className="btn btn-small" href={pageLink(Math.max(0, offset - PAGE))}>{tx('prev')}</a>}
          {offset + PAGE < data.total && <a className="btn btn-small" href={pageLink(offset + PAGE)}>{tx('next')}</a>}
        </span>
      </div>
      <div className="reu-cards">
        {data.results.map((p) => <PublicPostCard key={p.id} post={p} link={hashWith(PATH, { ...q, post: p.id })} />)}
      </div>
    </section>
  );
}

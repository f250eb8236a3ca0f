import { useState } from 'preact/hooks';
import type { StatementSummary } from '../../../src/corpus/index.js';
import type { ArticleSummary, SearchHit } from '../../../src/store/types.js';
import { query } from '../api.js';
import { useApi } from '../hooks.js';
import { href, navigate } from '../router.js';
import { ApiLink, Loaded, day } from './common.js';

export function ArticlesView({ params }: { params: URLSearchParams }) {
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const path = `/api/articles${query({ q, limit: 100 })}`;
  const load = useApi<{ total: number; items: (ArticleSummary & Partial<SearchHit>)[] }>(path);
  return (
    <section>
      <h1>Articles</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(['articles'], { q: draft });
        }}
      >
        <input
          name="q"
          type="search"
          placeholder="Full-text search"
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">Search</button>
      </form>
      {!q && <AcrossOutlets />}
      <ApiLink path={path} />
      <Loaded load={load}>
        {(data) => (
          <>
            <p class="muted">{data.total} articles</p>
            <ul class="cards" data-testid="article-list">
              {data.items.map((a) => (
                <li>
                  <a href={href(['article', a.id])}>{a.title ?? a.key}</a>
                  <div class="muted">
                    {a.outlet ?? 'unknown outlet'} · {day(a.published)} · {a.counts.attributions} quotes ·{' '}
                    {a.counts.events} events
                    {a.copyOf && (
                      <>
                        {' '}
                        · near-copy of <a href={href(['article', a.copyOf])}>{a.copyOf}</a>
                      </>
                    )}
                  </div>
                  {a.snippet && <p class="snippet">{a.snippet}</p>}
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
    </section>
  );
}

/** The statement most outlets reported, on the first page: what the corpus says across articles. */
function AcrossOutlets() {
  const load = useApi<{ total: number; items: StatementSummary[] }>('/api/statements?minOutlets=2&limit=1');
  if (load.state !== 'ok' || load.data.items.length === 0) return null;
  const [top] = load.data.items;
  return (
    <aside class="across" data-testid="across-outlets">
      <strong>Across outlets:</strong> {load.data.total} statements reported by several outlets. The most
      relayed, {top.speaker ?? 'an unnamed source'}: “{top.content}” — {top.reports} reports in{' '}
      {top.outlets.join(', ')}. <a href={href(['statement', top.id])}>See how the words changed</a> ·{' '}
      <a href={href(['statements'])}>all statements</a>
    </aside>
  );
}

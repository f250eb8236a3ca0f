import type { Lineage } from '../../../src/corpus/index.js';
import type { Story, StorySummary } from '../../../src/store/types.js';
import { useApi } from '../hooks.js';
import { href } from '../router.js';
import { ApiLink, Loaded, day } from './common.js';

const REASONS: Record<string, string> = {
  original: 'original',
  'content-hash': 'exact copy (same text)',
  'canonical-url': 'same canonical URL',
  'near-duplicate': 'near-duplicate (MinHash)',
};

export function StoriesView() {
  const path = '/api/stories?limit=200';
  const load = useApi<{ total: number; items: StorySummary[] }>(path);
  return (
    <section>
      <h1>Stories</h1>
      <p class="muted">
        A story is one article and every copy of it: exact republications and near-duplicates.
      </p>
      <ApiLink path={path} />
      <Loaded load={load}>
        {(data) => (
          <table data-testid="story-list">
            <thead>
              <tr>
                <th>Story</th>
                <th>Copies</th>
                <th>Outlets</th>
                <th>First</th>
                <th>Last</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => (
                <tr>
                  <td>
                    <a href={href(['story', s.id])}>{s.title ?? s.id}</a>
                  </td>
                  <td>{s.copies}</td>
                  <td>{s.outlets.join(', ')}</td>
                  <td>{day(s.first)}</td>
                  <td>{day(s.last)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}

export function StoryView({ id }: { id: string }) {
  const path = `/api/stories/${encodeURIComponent(id)}`;
  const load = useApi<{ story: Story }>(path);
  return (
    <section>
      <ApiLink path={path} />
      <Loaded load={load}>
        {({ story }) => (
          <>
            <h1>{story.title ?? story.id}</h1>
            <p class="muted">
              {story.copies} copies · {story.outlets.length} outlets · {day(story.first)} – {day(story.last)}
            </p>
            <table>
              <thead>
                <tr>
                  <th>Outlet</th>
                  <th>Title</th>
                  <th>Published</th>
                  <th>Lineage</th>
                </tr>
              </thead>
              <tbody>
                {story.members.map((m) => (
                  <tr>
                    <td>{m.outlet ?? '—'}</td>
                    <td>
                      {m.articleId ? (
                        <a href={href(['article', m.articleId])}>{m.title ?? m.key}</a>
                      ) : (
                        (m.title ?? m.key)
                      )}
                    </td>
                    <td>{day(m.published)}</td>
                    <td>
                      {REASONS[m.reason] ?? m.reason}
                      {m.similarity !== null && ` (${m.similarity.toFixed(2)})`}
                      {m.reason !== 'original' && (
                        <>
                          {' '}
                          of <a href={href(['article', m.of])}>{m.of}</a>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <LineageView id={story.id} />
          </>
        )}
      </Loaded>
    </section>
  );
}

/** What each republication changed against the original: added, removed and rewritten words. */
function LineageView({ id }: { id: string }) {
  const path = `/api/lineage/${encodeURIComponent(id)}`;
  const load = useApi<{ lineage: Lineage }>(path);
  return (
    <>
      <h2>Lineage</h2>
      <ApiLink path={path} />
      <Loaded load={load}>
        {({ lineage }) => {
          const node = (nid: string) => lineage.nodes.find((n) => n.id === nid);
          return (
            <ul class="cards" data-testid="lineage">
              {lineage.edges.map((e) => (
                <li>
                  <div>
                    <strong>{node(e.from)?.outlet ?? e.from}</strong> →{' '}
                    <strong>{node(e.to)?.outlet ?? e.to}</strong> · {REASONS[e.reason] ?? e.reason}
                    {e.diff
                      ? ` · ${e.diff.added} words added, ${e.diff.removed} removed, ${e.diff.rewritten} rewritten`
                      : ' · too long to compare word by word'}
                  </div>
                  {e.diff?.changes.map((c) => (
                    <div class="muted">
                      {c.kind}: {c.original.text && <del>{c.original.text}</del>}{' '}
                      {c.copy.text && <ins>{c.copy.text}</ins>}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </>
  );
}

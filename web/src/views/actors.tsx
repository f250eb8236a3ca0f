import { useState } from 'preact/hooks';
import type { ActorDetail, ActorSummary, EventHit } from '../../../src/store/types.js';
import { query } from '../api.js';
import { useApi } from '../hooks.js';
import { href, navigate } from '../router.js';
import { ApiLink, Loaded, day } from './common.js';

export function ActorsView({ params }: { params: URLSearchParams }) {
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const path = `/api/actors${query({ q, limit: 200 })}`;
  const load = useApi<{ total: number; items: ActorSummary[] }>(path);
  return (
    <section>
      <h1>Actors</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(['actors'], { q: draft });
        }}
      >
        <input
          name="q"
          type="search"
          placeholder="Name"
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">Find</button>
      </form>
      <ApiLink path={path} />
      <Loaded load={load}>
        {(data) => (
          <table>
            <thead>
              <tr>
                <th>Actor</th>
                <th>Type</th>
                <th>CAMEO</th>
                <th>Articles</th>
                <th>Quotes</th>
                <th>Events</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((a) => (
                <tr>
                  <td>
                    <a href={href(['actor', a.id])}>{a.name}</a>
                  </td>
                  <td>{a.type}</td>
                  <td class="mono">{a.cameo ?? '—'}</td>
                  <td>{a.counts.articles}</td>
                  <td>{a.counts.quotes}</td>
                  <td>{a.counts.events}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}

export function ActorView({ id }: { id: string }) {
  const path = `/api/actors/${encodeURIComponent(id)}`;
  const load = useApi<{ actor: ActorDetail }>(path);
  return (
    <section>
      <ApiLink path={path} />
      <Loaded load={load}>
        {({ actor }) => (
          <>
            <h1>{actor.name}</h1>
            <p class="muted">
              {actor.type} · CAMEO <span class="mono">{actor.cameo ?? '—'}</span> · {actor.counts.articles}{' '}
              articles · <a href={href(['events'], { actor: actor.id })}>events timeline</a>
            </p>
            <h2>Roles</h2>
            <ul class="compact">
              {actor.roles.length === 0 && <li class="muted">none known</li>}
              {actor.roles.map((r) => (
                <li>
                  {r.title}
                  {r.affiliation && <>, {r.affiliation}</>}{' '}
                  <span class="muted">
                    ({r.source}
                    {r.from ? ` from ${r.from}` : ''}
                    {r.until ? ` until ${r.until}` : ''})
                  </span>
                </li>
              ))}
            </ul>
            <h2>Quotes over time ({actor.quotes.length})</h2>
            <ul class="cards">
              {actor.quotes.map((q) => (
                <li class="quote">
                  <span class="muted">{day(q.published)}</span> <blockquote>{q.content}</blockquote>{' '}
                  <a href={href(['article', q.articleId], { focus: `att:${q.attributionId}` })}>
                    {q.title ?? q.articleId}
                  </a>
                </li>
              ))}
            </ul>
            <EventTable title="Events given" events={actor.eventsGiven} />
            <EventTable title="Events received" events={actor.eventsReceived} />
          </>
        )}
      </Loaded>
    </section>
  );
}

export function EventTable({ title, events }: { title: string; events: EventHit[] }) {
  return (
    <>
      <h2>
        {title} ({events.length})
      </h2>
      <table>
        <thead>
          <tr>
            <th>Date</th>
            <th>Source</th>
            <th>CAMEO</th>
            <th>Target</th>
            <th>Goldstein</th>
            <th>Trigger</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr>
              <td>{day(e.date)}</td>
              <td>
                {e.sourceActor ? <a href={href(['actor', e.sourceActor])}>{e.source}</a> : (e.source ?? '—')}
              </td>
              <td class="mono">{e.cameo}</td>
              <td>
                {e.targetActor ? <a href={href(['actor', e.targetActor])}>{e.target}</a> : (e.target ?? '—')}
              </td>
              <td>{e.goldstein}</td>
              <td>
                {/* A reciprocal act's row per direction is "E3.1", "E3.2"; the article marks the act itself, "E3". */}
                <a href={href(['article', e.articleId], { focus: `event:${e.eventId.split('.')[0]}` })}>
                  {e.trigger}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

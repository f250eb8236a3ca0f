import { useState } from 'preact/hooks';
import type { QuoteHit } from '../../../src/store/types.js';
import { query } from '../api.js';
import { href, navigate } from '../router.js';
import { day } from './common.js';
import { Fetched, InArticle, ReportCards } from './report-cards.js';

const STANCES = ['', 'neutral', 'distancing', 'hedged', 'endorsing'];

export function QuotesView({ params }: { params: URLSearchParams }) {
  const current = {
    text: params.get('text') ?? '',
    speaker: params.get('speaker') ?? '',
    outlet: params.get('outlet') ?? '',
    stance: params.get('stance') ?? '',
  };
  const [draft, setDraft] = useState(current);
  const path = `/api/quotes${query({ ...current, limit: 100 })}`;
  const field = (name: 'text' | 'speaker' | 'outlet', placeholder: string) => (
    <input
      name={name}
      type="search"
      placeholder={placeholder}
      value={draft[name]}
      onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
    />
  );
  return (
    <section>
      <h1>Quotes</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(['quotes'], draft);
        }}
      >
        {field('text', 'Words in the quote')}
        {field('speaker', 'Speaker')}
        {field('outlet', 'Outlet')}
        <select
          name="stance"
          value={draft.stance}
          onChange={(e) => setDraft({ ...draft, stance: e.currentTarget.value })}
        >
          {STANCES.map((s) => (
            <option value={s}>{s || 'any stance'}</option>
          ))}
        </select>
        <button type="submit">Search</button>
      </form>
      <Fetched<{ total: number; items: QuoteHit[] }> path={path}>
        {(data) => (
          <ReportCards
            items={data.items}
            total={data.total}
            noun="quotes"
            testid="quote-results"
            card={(q) => ({
              class: 'quote',
              quote: q.content,
              meta: (
                <>
                  {q.speakerActor ? (
                    <>
                      <a href={href(['actor', q.speakerActor])}>
                        {q.speakerName ?? q.speaker ?? q.speakerActor}
                      </a>
                      {q.speaker && q.speakerName && q.speaker !== q.speakerName && <> (“{q.speaker}”)</>}
                    </>
                  ) : (
                    (q.speaker ?? 'unknown source')
                  )}
                  {q.cue && <> · “{q.cue}”</>} · {q.kind} · {q.stance}
                  {q.within && (
                    <>
                      {' '}
                      ·{' '}
                      <a
                        class="within"
                        href={href(['article', q.articleId], { focus: `att:${q.within}` })}
                        title="This report is told inside another source's words"
                      >
                        inside another report
                      </a>
                    </>
                  )}{' '}
                  · {q.outlet ?? '—'} · {day(q.published)} ·{' '}
                  <InArticle
                    class="open-article"
                    article={q.articleId}
                    attribution={q.attributionId}
                    title={q.title}
                  />
                </>
              ),
            })}
          />
        )}
      </Fetched>
    </section>
  );
}

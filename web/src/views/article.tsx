import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StoredArticle } from '../../../src/store/types.js';
import { useApi } from '../hooks.js';
import { KIND_NAMES, marksOf, segment, type Mark, type MarkKind, type Segment } from '../highlight.js';
import { href } from '../router.js';
import { ApiLink, Loaded, day } from './common.js';

const ALL_KINDS = Object.keys(KIND_NAMES) as MarkKind[];

export function ArticleView({ id, focus }: { id: string; focus?: string }) {
  const path = `/api/articles/${encodeURIComponent(id)}`;
  const load = useApi<{ article: StoredArticle }>(path);
  return (
    <section>
      <ApiLink path={path} />
      <Loaded load={load}>{(data) => <AnnotatedArticle article={data.article} focus={focus} />}</Loaded>
    </section>
  );
}

function AnnotatedArticle({ article, focus }: { article: StoredArticle; focus?: string }) {
  const a = article.analysis;
  const marks = useMemo(() => marksOf(a), [a]);
  const [shown, setShown] = useState<Set<MarkKind>>(() => new Set(ALL_KINDS));
  const [selected, setSelected] = useState<Segment | null>(null);
  const [focused, setFocused] = useState<string | undefined>(focus);
  const visible = useMemo(() => marks.filter((m) => shown.has(m.kind)), [marks, shown]);
  const segments = useMemo(() => segment(a.text, visible), [a.text, visible]);

  useEffect(() => {
    if (!focused) return;
    document.querySelector(`[data-ref~="${CSS.escape(focused)}"]`)?.scrollIntoView({ block: 'center' });
  }, [focused, segments]);

  const toggle = (k: MarkKind) => {
    const next = new Set(shown);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    setShown(next);
  };
  const actorName = new Map(a.actors.map((x) => [x.id, x.name]));

  return (
    <div class="article-layout">
      <article>
        <h1>{article.title ?? a.meta.title ?? article.key}</h1>
        <p class="muted">
          {article.outlet ?? a.meta.outlet ?? 'unknown outlet'} · {day(article.published)}
          {article.url && /^https?:\/\//i.test(article.url) && (
            <>
              {' · '}
              <a href={article.url} rel="noopener noreferrer nofollow" target="_blank">
                source
              </a>
            </>
          )}
          {' · '}
          <a href={href(['story', article.storyId])}>story</a>
          {article.copies.length > 0 && <> · {article.copies.length} copies</>}
        </p>
        <div class="legend" role="group" aria-label="layers">
          {ALL_KINDS.map((k) => (
            <label class={`legend-item k-${k}`}>
              <input type="checkbox" checked={shown.has(k)} onChange={() => toggle(k)} /> {KIND_NAMES[k]}
            </label>
          ))}
        </div>
        {/* Article text is rendered as text nodes only: never as HTML. */}
        <div class="article-text" data-testid="article-text">
          {segments.map((s) =>
            s.marks.length === 0 ? (
              s.text
            ) : (
              <mark
                class={`seg ${[...new Set(s.marks.map((m) => `k-${m.kind}`))].join(' ')}${
                  focused && s.marks.some((m) => m.ref === focused) ? ' focused' : ''
                }${selected && selected.start === s.start ? ' selected' : ''}`}
                data-kind={[...new Set(s.marks.map((m) => m.kind))].join(' ')}
                data-ref={s.marks.map((m) => m.ref).join(' ')}
                data-start={s.start}
                data-end={s.end}
                title={s.marks.map((m) => m.label).join('\n')}
                tabIndex={0}
                onClick={() => setSelected(s)}
                onKeyDown={(e) => e.key === 'Enter' && setSelected(s)}
              >
                {s.text}
              </mark>
            ),
          )}
        </div>
      </article>
      <aside>
        <div class="panel" data-testid="span-details">
          <h2>Span</h2>
          {selected ? (
            <SpanDetails segment={selected} />
          ) : (
            <p class="muted">Click a highlighted span to see what it is.</p>
          )}
        </div>
        <div class="panel">
          <h2>Quotes ({a.attributions.length})</h2>
          <ul class="compact" data-testid="attribution-list">
            {a.attributions.map((at) => (
              <li class={focused === `att:${at.id}` ? 'focused' : ''}>
                <button class="linklike" onClick={() => setFocused(`att:${at.id}`)}>
                  <strong>
                    {at.source
                      ? at.source.actor
                        ? (actorName.get(at.source.actor) ?? at.source.text)
                        : at.source.text
                      : '—'}
                  </strong>
                </button>{' '}
                {at.cue?.text ?? ''}: “{at.content.map((c) => c.text).join(' … ')}”
              </li>
            ))}
          </ul>
        </div>
        <div class="panel">
          <h2>Actors ({a.actors.length})</h2>
          <ul class="compact">
            {a.actors.map((x) => (
              <li>
                {x.name}{' '}
                <span class="muted">
                  {x.cameo ?? ''} {x.roles[0]?.title ?? ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div class="panel">
          <h2>Events ({a.events.length})</h2>
          <ul class="compact">
            {a.events.map((e) => (
              <li>
                <span class="mono">{e.cameo}</span> {e.source?.text ?? '?'} → {e.target?.text ?? '?'} “
                {e.trigger.text}”
              </li>
            ))}
          </ul>
        </div>
        {article.copies.length > 0 && (
          <div class="panel">
            <h2>Copies</h2>
            <ul class="compact">
              {article.copies.map((c) => (
                <li>
                  {c.outlet ?? c.key}{' '}
                  <span class="muted">
                    ({c.reason}
                    {c.similarity !== null ? ` ${c.similarity.toFixed(2)}` : ''})
                  </span>
                  {c.reason === 'near-duplicate' && (
                    <>
                      {' '}
                      · <a href={href(['articles'], { q: c.title ?? '' })}>find</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
      </aside>
    </div>
  );
}

function SpanDetails({ segment: s }: { segment: Segment }) {
  const groups = new Map<string, Mark>();
  for (const m of s.marks) groups.set(`${m.kind}|${m.ref}|${m.label}`, m);
  return (
    <div>
      <p class="mono">
        [{s.start}, {s.end})
      </p>
      <p class="span-text">{s.text}</p>
      {[...groups.values()].map((m) => (
        <div class={`detail k-${m.kind}`}>
          <div>
            <strong>{KIND_NAMES[m.kind]}</strong>: {m.label}
          </div>
          <dl>
            {m.details.map(([k, v]) => (
              <>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StoredArticle } from '../../../src/store/types.js';
import { useApi } from '../hooks.js';
import { KIND_NAMES, marksOf, segment, type Mark, type MarkKind, type Segment } from '../highlight.js';
import { href } from '../router.js';
import { ApiLink, Loaded, day } from './common.js';

const ALL_KINDS = Object.keys(KIND_NAMES) as MarkKind[];

/** Characters of article text rendered at first, and added by each "more text": a long article stays responsive. */
const TEXT_WINDOW = 30_000;

export function ArticleView({ id, focus }: { id: string; focus?: string }) {
  const [layerOffset, setLayerOffset] = useState(0);
  const path = `/api/articles/${encodeURIComponent(id)}${layerOffset ? `?layerOffset=${layerOffset}` : ''}`;
  const load = useApi<{ article: StoredArticle }>(path);
  return (
    <section>
      <ApiLink path={path} />
      <Loaded load={load}>
        {(data) => (
          <AnnotatedArticle
            key={data.article.layers?.offset ?? 0}
            article={data.article}
            focus={focus}
            onLayerOffset={setLayerOffset}
          />
        )}
      </Loaded>
    </section>
  );
}

/** Says which part of a large analysis is shown, with a way to the next and previous parts. */
function LayerNotice({
  layers,
  onOffset,
}: {
  layers: NonNullable<StoredArticle['layers']>;
  onOffset: (n: number) => void;
}) {
  if (!layers.truncated && layers.offset === 0) return null;
  const sizes = Object.entries(layers.sizes)
    .filter(([, s]) => s.total > 0)
    .map(([name, s]) => `${name} ${s.returned.toLocaleString('en')} of ${s.total.toLocaleString('en')}`)
    .join(', ');
  const more = Object.values(layers.sizes).some((s) => layers.offset + s.returned < s.total);
  return (
    <p class="notice" data-testid="layer-notice">
      A large analysis: items {layers.offset.toLocaleString('en')}–
      {(layers.offset + layers.limit).toLocaleString('en')} of each layer are shown ({sizes}).{' '}
      {layers.offset > 0 && (
        <button class="linklike" onClick={() => onOffset(Math.max(0, layers.offset - layers.limit))}>
          previous items
        </button>
      )}{' '}
      {more && (
        <button class="linklike" onClick={() => onOffset(layers.offset + layers.limit)}>
          next items
        </button>
      )}
    </p>
  );
}

function AnnotatedArticle({
  article,
  focus,
  onLayerOffset,
}: {
  article: StoredArticle;
  focus?: string;
  onLayerOffset: (n: number) => void;
}) {
  const a = article.analysis;
  const marks = useMemo(() => marksOf(a), [a]);
  const [shown, setShown] = useState<Set<MarkKind>>(() => new Set(ALL_KINDS));
  const [selected, setSelected] = useState<Segment | null>(null);
  const [focused, setFocused] = useState<string | undefined>(focus);
  // Only a window of the text is rendered: the marks of a long article are hundreds of thousands.
  const [from, setFrom] = useState(() => {
    // Open where the focused item is, or where this page of layers starts.
    const anchor =
      marks.find((x) => x.ref === focus)?.start ??
      marks.reduce((m, x) => Math.min(m, x.start), a.text.length);
    return anchor > TEXT_WINDOW ? Math.max(0, anchor - 200) : 0;
  });
  const [to, setTo] = useState(() => Math.min(a.text.length, from + TEXT_WINDOW));
  const visible = useMemo(
    () => marks.filter((m) => shown.has(m.kind) && m.start >= from && m.end <= to),
    [marks, shown, from, to],
  );
  const segments = useMemo(
    () =>
      segment(
        a.text.slice(from, to),
        visible.map((m) => ({ ...m, start: m.start - from, end: m.end - from })),
      ).map((s) => ({ ...s, start: s.start + from, end: s.end + from })),
    [a.text, visible, from, to],
  );

  // Focusing an item outside the rendered text moves the window to it.
  const reveal = (ref: string) => {
    const m = marks.find((x) => x.ref === ref);
    if (m && (m.start < from || m.end > to)) {
      const start = Math.max(0, m.start - 200);
      setFrom(start);
      setTo(Math.min(a.text.length, Math.max(start + TEXT_WINDOW, m.end)));
    }
    setFocused(ref);
  };

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
        {article.layers && <LayerNotice layers={article.layers} onOffset={onLayerOffset} />}
        {from > 0 && (
          <p class="muted">
            … {from.toLocaleString('en')} characters before.{' '}
            <button class="linklike" onClick={() => setFrom(Math.max(0, from - TEXT_WINDOW))}>
              show earlier text
            </button>
          </p>
        )}
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
        {to < a.text.length && (
          <p class="muted" data-testid="more-text">
            … {(a.text.length - to).toLocaleString('en')} more characters.{' '}
            <button class="linklike" onClick={() => setTo(Math.min(a.text.length, to + TEXT_WINDOW))}>
              show more text
            </button>
          </p>
        )}
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
                <button class="linklike" onClick={() => reveal(`att:${at.id}`)}>
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
                <span class="mono">{e.cameo}</span> {dyadText(e)} “{e.trigger.text}”
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

/** An event's actors as the panel shows them: "A → B", or "A ↔ B" for a reciprocal act (its own object after it). */
function dyadText(e: StoredArticle['analysis']['events'][number]): string {
  if (e.reciprocal && e.participants && e.participants.length > 1)
    return e.participants.map((p) => p.text).join(' ↔ ') + (e.target ? ` (${e.target.text})` : '');
  return `${e.source?.text ?? '?'} → ${e.target?.text ?? '?'}`;
}

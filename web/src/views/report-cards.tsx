import type { ComponentChildren } from 'preact';
import { useApi } from '../hooks.js';
import { href } from '../router.js';
import { ApiLink, Loaded } from './common.js';

/** A view's data from the API: the link to its JSON twin, then `children` once it has loaded. */
export function Fetched<T>({ path, children }: { path: string; children: (data: T) => ComponentChildren }) {
  const load = useApi<T>(path);
  return (
    <>
      <ApiLink path={path} />
      <Loaded load={load}>{children}</Loaded>
    </>
  );
}

/** One card: what was said, then who said it, where and when (`meta`). */
export interface Card {
  quote: ComponentChildren;
  meta: ComponentChildren;
  class?: string;
}

/**
 * Reports, quotes and claims as a list of cards, with their count above when `noun` is given
 * ("12 quotes"). The quotes, statements and claims views share it.
 */
export function ReportCards<T>({
  items,
  card,
  testid,
  total,
  noun,
}: {
  items: readonly T[];
  card: (item: T) => Card;
  testid: string;
  total?: number;
  noun?: string;
}) {
  return (
    <>
      {noun !== undefined && (
        <p class="muted">
          {total ?? items.length} {noun}
        </p>
      )}
      <ul class="cards" data-testid={testid}>
        {items.map((item) => {
          const c = card(item);
          return (
            <li class={c.class}>
              <blockquote>{c.quote}</blockquote>
              <div class="muted">{c.meta}</div>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The link to a report in its article, which opens with the report in view. */
export function InArticle(props: {
  article: string;
  attribution: string;
  title: string | null;
  class?: string;
}) {
  return (
    <a class={props.class} href={href(['article', props.article], { focus: `att:${props.attribution}` })}>
      in {props.title ?? props.article}
    </a>
  );
}

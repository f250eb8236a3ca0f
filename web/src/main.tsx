import { render } from 'preact';
import type { StoreStats } from '../../src/store/types.js';
import { useApi } from './hooks.js';
import { href, useRoute } from './router.js';
import { ArticlesView } from './views/articles.js';
import { ArticleView } from './views/article.js';
import { QuotesView } from './views/quotes.js';
import { ActorsView, ActorView } from './views/actors.js';
import { EventsView } from './views/events.js';
import { NetworkView } from './views/network.js';
import { StoriesView, StoryView } from './views/stories.js';
import { StatementsView, StatementView } from './views/statements.js';
import { ClaimsView, ClaimView } from './views/claims.js';
import { OutletsView } from './views/outlets.js';
import './style.css';

const NAV: [string, string][] = [
  ['articles', 'Articles'],
  ['stories', 'Stories'],
  ['quotes', 'Quotes'],
  ['statements', 'Statements'],
  ['claims', 'Claims'],
  ['outlets', 'Outlets'],
  ['actors', 'Actors'],
  ['events', 'Events'],
  ['network', 'Network'],
];

function App() {
  const route = useRoute();
  const [section = 'articles', id] = route.path;
  const stats = useApi<{ stats: StoreStats }>('/api/stats');
  let view;
  if (section === 'article' && id)
    view = <ArticleView id={id} focus={route.params.get('focus') ?? undefined} />;
  else if (section === 'quotes') view = <QuotesView params={route.params} />;
  else if (section === 'actor' && id) view = <ActorView id={id} />;
  else if (section === 'actors') view = <ActorsView params={route.params} />;
  else if (section === 'events') view = <EventsView params={route.params} />;
  else if (section === 'network') view = <NetworkView />;
  else if (section === 'story' && id) view = <StoryView id={id} />;
  else if (section === 'stories') view = <StoriesView />;
  else if (section === 'statement' && id) view = <StatementView id={id} />;
  else if (section === 'statements') view = <StatementsView params={route.params} />;
  else if (section === 'claim' && id) view = <ClaimView id={id} />;
  else if (section === 'claims') view = <ClaimsView params={route.params} />;
  else if (section === 'outlets') view = <OutletsView params={route.params} />;
  else view = <ArticlesView params={route.params} />;
  return (
    <>
      <header>
        <a class="brand" href={href([])}>
          newsgraph
        </a>
        <nav>
          {NAV.map(([path, label]) => (
            <a
              href={href([path])}
              class={
                section === path || section === path.replace(/(ie)?s$/, (_m, ie) => (ie ? 'y' : ''))
                  ? 'active'
                  : ''
              }
            >
              {label}
            </a>
          ))}
        </nav>
        {stats.state === 'ok' && (
          <span class="stats" data-testid="stats">
            {stats.data.stats.articles} articles · {stats.data.stats.duplicateCopies} copies ·{' '}
            {stats.data.stats.stories} stories · {stats.data.stats.actors} actors ·{' '}
            {stats.data.stats.attributions} quotes · {stats.data.stats.events} events
          </span>
        )}
      </header>
      <main>{view}</main>
    </>
  );
}

render(<App />, document.getElementById('app')!);

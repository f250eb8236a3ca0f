/*
 * Five short articles of our own for the claims and relays tests: a statement reported by three
 * outlets, two of them crediting another ("…, the Wire reported", "Daily reports citing the Wire"),
 * a claim stating the statement's words as fact with no source, and a claim found nowhere else.
 */
import type { Analysis } from '../model/index.js';
import { fixtureAnalysis, inputOf } from '../store/fixtures.js';
import type { Store } from '../store/types.js';

export const FULL = 'the northern border crossing at Pelton will reopen to lorries on Monday morning';
const span = (text: string, needle: string) => {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" not in test text`);
  return { start, end: start + needle.length, text: needle };
};

export interface Item {
  key: string;
  outlet: string;
  published: string;
  analysis: Analysis;
}

/** A report of Ana Lopes, optionally credited to an outlet ("…, the Wire reported") that cites another. */
export function quoted(
  key: string,
  outlet: string,
  published: string,
  text: string,
  content: string,
  via?: [string, string, string?],
): Item {
  const analysis = fixtureAnalysis(text, {
    meta: { outlet },
    quote: { speaker: 'Ana Lopes', cue: 'said', content },
  });
  if (via) {
    const [name, cue, citing] = via;
    analysis.attributions[0].via = [
      {
        outlet: name,
        outletSpan: span(text, name),
        cue: span(text, cue),
        ...(citing ? { citing: span(text, citing) } : {}),
      },
    ];
  }
  return { key, outlet, published, analysis };
}

/** An article whose sentence states something as fact, with no source (an unattributed claim). */
export function claimed(key: string, outlet: string, published: string, text: string, claim: string): Item {
  const analysis = fixtureAnalysis(text, { meta: { outlet } });
  analysis.claims = [{ id: 'cl1', ...span(text, claim), reason: 'no source', stance: 'neutral' }];
  return { key, outlet, published, analysis };
}

export const ITEMS: Item[] = [
  quoted('wire', 'Wire', '2025-04-01', `Minister Ana Lopes said "${FULL}" after the talks.`, FULL),
  quoted(
    'daily',
    'Daily',
    '2025-04-02',
    'Ana Lopes said "the northern border crossing at Pelton will reopen on Monday", the Wire reported.',
    'the northern border crossing at Pelton will reopen on Monday',
    ['the Wire', 'reported'],
  ),
  quoted(
    'herald',
    'Herald',
    '2025-04-03',
    'Ana Lopes said "the border crossing at Pelton will reopen to lorries on Monday", Daily reports citing the Wire.',
    'the border crossing at Pelton will reopen to lorries on Monday',
    ['Daily', 'reports', 'the Wire'],
  ),
  claimed('post', 'Post', '2025-04-03', `Traders were told that ${FULL}.`, FULL),
  claimed(
    'gazette',
    'Gazette',
    '2025-04-04',
    'In other news, the harbour of Valmora has been closed to ferries since March.',
    'the harbour of Valmora has been closed to ferries since March',
  ),
];

/** Stores the items in the given order; returns article ids by key. */
export async function putAll(store: Store, order: readonly number[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const i of order) {
    const it = ITEMS[i];
    const { articleId } = await store.putArticle(
      {
        ...inputOf(it.key, it.analysis.text, { outlet: it.outlet, published: it.published }),
        inputOrder: i + 1,
      },
      it.analysis,
    );
    ids.set(it.key, articleId);
  }
  return ids;
}

import { expect, it } from 'vitest';
import { fixtureAnalysis, inputOf, nestedReportAnalysis } from '../fixtures.js';
import { WIRE, wireAnalysis, type SuiteContext } from './context.suite.js';

/** Listing, paging and searching articles; searching quotes. */
export function searchesArticlesAndQuotes(ctx: SuiteContext): void {
  searchesArticles(ctx);
  searchesQuotes(ctx);
}

function searchesArticles(ctx: SuiteContext): void {
  it('lists, pages and full-text searches articles; hostile query syntax never breaks a query', async () => {
    const { store } = ctx;
    await store.putArticle(
      inputOf('w1', WIRE, { title: 'Border to reopen', published: '2025-04-03' }),
      wireAnalysis(),
    );
    const other = 'Parliament in Valmora debated the budget for hours. The opposition walked out.';
    await store.putArticle(
      inputOf('w2', other, { title: 'Budget debate', published: '2025-04-04' }),
      fixtureAnalysis(other),
    );
    const list = await store.listArticles({ limit: 1 });
    expect(list.total).toBe(2);
    expect(list.items).toHaveLength(1);
    expect(list.items[0].title).toBe('Budget debate');
    const hits = await store.searchArticles('border monday');
    expect(hits.items.map((h) => h.title)).toEqual(['Border to reopen']);
    expect(hits.items[0].snippet).toMatch(/border/i);
    expect((await store.searchArticles('valmor')).total).toBe(2);
    for (const q of [
      '"',
      'AND OR NOT',
      'NEAR(',
      '*',
      'title:x',
      "'; DROP TABLE articles; --",
      '(((',
      '\u0000',
      'ü'.repeat(5000),
    ]) {
      await expect(store.searchArticles(q)).resolves.toBeDefined();
      await expect(store.searchQuotes({ text: q })).resolves.toBeDefined();
      await expect(store.searchQuotes({ speaker: q })).resolves.toBeDefined();
    }
    expect((await store.searchArticles('')).total).toBe(0);
    expect((await store.stats()).articles).toBe(2);
  });
}

function searchesQuotes(ctx: SuiteContext): void {
  it('searches quotes by text, speaker, outlet and stance', async () => {
    const { store } = ctx;
    await store.putArticle(inputOf('w1', WIRE, { outlet: 'Wire' }), wireAnalysis());
    const t2 = 'Chief Bo Varga said "the deal is dead" on Friday.';
    await store.putArticle(
      inputOf('w2', t2, { outlet: 'Daily' }),
      fixtureAnalysis(t2, {
        quote: { speaker: 'Bo Varga', cue: 'said', content: 'the deal is dead', stance: 'distancing' },
      }),
    );
    expect((await store.searchQuotes({ text: 'border' })).items.map((q) => q.speaker)).toEqual(['Ana Lopes']);
    expect((await store.searchQuotes({ speaker: 'varga' })).items.map((q) => q.content)).toEqual([
      'the deal is dead',
    ]);
    expect((await store.searchQuotes({ outlet: 'wire' })).total).toBe(1);
    expect((await store.searchQuotes({ stance: 'distancing' })).items[0].speaker).toBe('Bo Varga');
    // The resolved actor's name comes with each hit (the article may word the source as "he").
    expect((await store.searchQuotes({ speaker: 'varga' })).items[0].speakerName).toBe('Bo Varga');
    expect((await store.searchQuotes({ text: 'deal', speaker: 'Lopes' })).total).toBe(0);
    const q = (await store.searchQuotes({ text: 'deal' })).items[0];
    expect(t2.slice(q.start, q.end)).toBe(q.content);
  });

  it('keeps a report nested in another attribution linked to it (within)', async () => {
    const { store } = ctx;
    const { text, analysis } = nestedReportAnalysis();
    await store.putArticle(inputOf('n1', text), analysis);
    const hits = (await store.searchQuotes({ text: 'deal' })).items;
    const byId = new Map(hits.map((q) => [q.attributionId, q]));
    expect(byId.get('Q2')?.within).toBe('Q1');
    expect(byId.get('Q1')?.within).toBeNull();
  });
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/index.js';
import { PROJECT_ROOT } from '../util/data.js';
import type { ArticleInput, Store } from './types.js';
import { fixtureAnalysis, inputOf } from './fixtures.js';

export { bulkAnalysis, fixtureAnalysis, inputOf } from './fixtures.js';

/**
 * The behaviour every Store must have. Each implementation runs it with its own factory:
 * `defineStoreSuite('sqlite', () => new SqliteStore(tmpfile))`, later the same for PostgreSQL.
 */

/** A signature of `n` slots of which the first `same` equal `base`'s: a known Jaccard estimate. */
function signature(base: number, same: number, n = 64): Uint32Array {
  const sig = new Uint32Array(n);
  for (let i = 0; i < n; i++) sig[i] = i < same ? base * 1000 + i : 900_000 + Math.floor(Math.random() * 1e6);
  return sig;
}

const WIRE =
  'Minister Ana Lopes said "we will open the border on Monday" after talks in Valmora. Officials agreed.';
const WIRE_EDITED =
  'Minister Ana Lopes said "we will open the border on Monday" after talks in Valmora. Officials agreed too.';

export function defineStoreSuite(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const wireAnalysis = () =>
      fixtureAnalysis(WIRE, {
        meta: { title: 'Border to reopen', outlet: 'Wire', published: '2025-04-03' },
        quote: { speaker: 'Ana Lopes', cue: 'said', content: 'we will open the border on Monday' },
        event: {
          source: 'Ana Lopes',
          target: 'Valmora',
          trigger: 'agreed',
          cameo: '057',
          goldstein: 8,
          quadClass: 1,
        },
      });

    it('stores an article with its analysis and returns it with every span intact', async () => {
      const res = await store.putArticle(
        inputOf('wire:1', WIRE, { outlet: 'Wire', published: '2025-04-03' }),
        wireAnalysis(),
      );
      expect(res.status).toBe('stored');
      const got = await store.getArticle(res.articleId);
      expect(got).not.toBeNull();
      expect(got!.analysis.text).toBe(WIRE);
      for (const a of got!.analysis.attributions) {
        for (const c of a.content) expect(WIRE.slice(c.start, c.end)).toBe(c.text);
      }
      expect(got!.counts).toEqual({ actors: 2, attributions: 1, events: 1 });
      expect(await store.getArticle('nope')).toBeNull();
    });

    it('is idempotent by key: the same key twice stores nothing new', async () => {
      const a = await store.putArticle(inputOf('k1', WIRE), wireAnalysis());
      const b = await store.putArticle(inputOf('k1', WIRE), wireAnalysis());
      expect(b).toMatchObject({ status: 'exists', articleId: a.articleId });
      expect((await store.stats()).articles).toBe(1);
      expect((await store.stats()).attributions).toBe(1);
    });

    it('records exact republications as copies of one story, by content hash and by canonical URL', async () => {
      const orig = await store.putArticle(
        inputOf('wire:1', WIRE, { outlet: 'Wire', canonicalUrl: 'https://example.org/wire/1' }),
        wireAnalysis(),
      );
      for (let i = 2; i <= 10; i++) {
        const r = await store.putArticle(
          inputOf(`outlet${i}:x`, WIRE, { outlet: `Outlet ${i}` }),
          wireAnalysis(),
        );
        expect(r).toMatchObject({
          status: 'copy',
          articleId: orig.articleId,
          copyOf: { reason: 'content-hash' },
        });
      }
      const byUrl = await store.putArticle(
        inputOf('other-key', WIRE + ' Updated.', {
          canonicalUrl: 'https://example.org/wire/1',
          outlet: 'Mirror',
        }),
        wireAnalysis(),
      );
      expect(byUrl).toMatchObject({ status: 'copy', copyOf: { reason: 'canonical-url' } });
      expect(await store.classify(inputOf('outlet2:x', WIRE))).toMatchObject({ kind: 'exists' });

      const stats = await store.stats();
      expect(stats).toMatchObject({
        articles: 1,
        duplicateCopies: 10,
        stories: 1,
        attributions: 1,
        events: 1,
      });
      const story = await store.getStory(orig.storyId);
      expect(story!.copies).toBe(11);
      expect(story!.outlets).toContain('Outlet 7');
      const article = await store.getArticle(orig.articleId);
      expect(article!.copies).toHaveLength(10);
      expect(article!.copies.every((c) => c.of === orig.articleId && c.articleId === null)).toBe(true);
    });

    it('links near-duplicates (MinHash/LSH) into the same story, with their own analysis', async () => {
      const orig = await store.putArticle(
        inputOf('w1', WIRE, { signature: signature(1, 64), lshKeys: ['b0:1', 'b1:1'] }),
        wireAnalysis(),
      );
      const near = await store.putArticle(
        inputOf('w2', WIRE_EDITED, { signature: signature(1, 60), lshKeys: ['b0:1', 'b1:9'] }),
        fixtureAnalysis(WIRE_EDITED),
      );
      expect(near.status).toBe('stored');
      expect(near.storyId).toBe(orig.storyId);
      expect(near.copyOf?.reason).toBe('near-duplicate');
      expect(near.copyOf?.similarity).toBeCloseTo(60 / 64, 5);
      // Shares a band but is too different: a new story.
      const far = await store.putArticle(
        inputOf('w3', 'A different story about Valmora entirely.', {
          signature: signature(1, 20),
          lshKeys: ['b0:1'],
        }),
        fixtureAnalysis('A different story about Valmora entirely.'),
      );
      expect(far.copyOf).toBeUndefined();
      expect(far.storyId).not.toBe(orig.storyId);
      expect(await store.stats()).toMatchObject({ articles: 3, stories: 2, duplicateCopies: 1 });
      const stories = await store.listStories();
      expect(stories.items[0]).toMatchObject({ id: orig.storyId, copies: 2 });
      const story = await store.getStory(orig.storyId);
      expect(story!.members).toEqual([
        expect.objectContaining({
          key: 'w1',
          reason: 'original',
          of: orig.articleId,
          articleId: orig.articleId,
        }),
        expect.objectContaining({
          key: 'w2',
          reason: 'near-duplicate',
          of: orig.articleId,
          articleId: near.articleId,
        }),
      ]);
      const copies = (await store.getArticle(orig.articleId))!.copies;
      expect(copies).toEqual([expect.objectContaining({ key: 'w2', articleId: near.articleId })]);
    });

    it('lists, pages and full-text searches articles; hostile query syntax never breaks a query', async () => {
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

    it('searches quotes by text, speaker, outlet and stance', async () => {
      await store.putArticle(inputOf('w1', WIRE, { outlet: 'Wire' }), wireAnalysis());
      const t2 = 'Chief Bo Varga said "the deal is dead" on Friday.';
      await store.putArticle(
        inputOf('w2', t2, { outlet: 'Daily' }),
        fixtureAnalysis(t2, {
          quote: { speaker: 'Bo Varga', cue: 'said', content: 'the deal is dead', stance: 'distancing' },
        }),
      );
      expect((await store.searchQuotes({ text: 'border' })).items.map((q) => q.speaker)).toEqual([
        'Ana Lopes',
      ]);
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

    it('aggregates actors across articles, with roles, quotes over time and events given/received', async () => {
      await store.putArticle(inputOf('w1', WIRE, { published: '2025-04-03' }), wireAnalysis());
      const t2 = 'Later, Ana Lopes said "talks went well" in the capital.';
      await store.putArticle(
        inputOf('w2', t2, { published: '2025-04-05' }),
        fixtureAnalysis(t2, {
          meta: { published: '2025-04-05' },
          quote: { speaker: 'Ana Lopes', cue: 'said', content: 'talks went well' },
        }),
      );
      const actors = await store.listActors();
      const lopes = actors.items.find((a) => a.name === 'Ana Lopes');
      expect(lopes?.counts).toEqual({ articles: 2, quotes: 2, events: 1 });
      expect((await store.listActors({ q: 'lop' })).total).toBe(1);
      const detail = await store.getActor(lopes!.id);
      expect(detail!.roles).toEqual([expect.objectContaining({ title: 'Minister' })]);
      expect(detail!.quotes.map((q) => q.content)).toEqual([
        'we will open the border on Monday',
        'talks went well',
      ]);
      expect(detail!.eventsGiven).toHaveLength(1);
      expect(detail!.eventsReceived).toHaveLength(0);
      const valmora = actors.items.find((a) => a.name === 'Valmora');
      expect((await store.getActor(valmora!.id))!.eventsReceived[0].cameo).toBe('057');
      expect(await store.getActor('missing')).toBeNull();
    });

    it('filters events and builds timelines and the network', async () => {
      await store.putArticle(inputOf('w1', WIRE, { published: '2025-04-03' }), wireAnalysis());
      const t2 = 'Ana Lopes condemned Valmora for the raid.';
      await store.putArticle(
        inputOf('w2', t2, { published: '2025-04-03' }),
        fixtureAnalysis(t2, {
          meta: { published: '2025-04-03' },
          event: {
            source: 'Ana Lopes',
            target: 'Valmora',
            trigger: 'condemned',
            cameo: '111',
            goldstein: -2,
            quadClass: 3,
          },
        }),
      );
      const t3 = 'Ana Lopes praised Valmora.';
      await store.putArticle(
        inputOf('w3', t3, { published: '2025-05-01' }),
        fixtureAnalysis(t3, {
          meta: { published: '2025-05-01' },
          event: {
            source: 'Ana Lopes',
            target: 'Valmora',
            trigger: 'praised',
            cameo: '051',
            goldstein: 3.4,
            quadClass: 1,
          },
        }),
      );
      expect((await store.searchEvents({})).total).toBe(3);
      expect((await store.searchEvents({ code: '111' })).items.map((e) => e.trigger)).toEqual(['condemned']);
      expect((await store.searchEvents({ root: '05' })).total).toBe(2);
      expect((await store.searchEvents({ quadClass: 3 })).total).toBe(1);
      expect((await store.searchEvents({ from: '2025-04-10' })).items.map((e) => e.date)).toEqual([
        '2025-05-01',
      ]);
      expect((await store.searchEvents({ to: '2025-04-03' })).total).toBe(2);
      const actorId = (await store.listActors({ q: 'Lopes' })).items[0].id;
      expect((await store.searchEvents({ actor: actorId })).total).toBe(3);
      expect((await store.searchEvents({ actor: 'nobody' })).total).toBe(0);

      const tl = await store.timeline({ actor: actorId });
      expect(tl).toHaveLength(2);
      expect(tl[0]).toMatchObject({ day: '2025-04-03', count: 2, meanGoldstein: 3 });
      expect(tl[1]).toMatchObject({ day: '2025-05-01', count: 1, meanGoldstein: 3.4 });
      const net = await store.network();
      expect(net.edges).toHaveLength(1);
      expect(net.edges[0]).toMatchObject({ source: actorId, count: 3 });
      expect(net.nodes.map((n) => n.name).sort()).toEqual(['Ana Lopes', 'Valmora']);
    });

    it('refuses NUL in every field with an InputError naming the field (one rule for both stores), storing nothing', async () => {
      const long = `${'Plain words here. '.repeat(4000)}\u0000 and after.`;
      expect(long.indexOf('\u0000')).toBeGreaterThan(65536);
      const cases: [ArticleInput, RegExp][] = [
        [inputOf('n1', WIRE, { title: 'Bad\u0000title' }), /title contains a NUL character at offset 3/],
        [inputOf('n2', WIRE, { outlet: '\u0000Wire' }), /outlet contains a NUL/],
        [inputOf('n3\u0000', WIRE), /key contains a NUL/],
        [inputOf('n4', long), /text contains a NUL character at offset 72000/],
      ];
      for (const [input, message] of cases) {
        const err = await store.putArticle(input, fixtureAnalysis(input.text)).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(Error);
        expect((err as Error).name).toBe('InputError');
        expect((err as Error).message).toMatch(message);
      }
      expect(await store.stats()).toMatchObject({ articles: 0, duplicateCopies: 0 });
    });

    it('keeps feed checkpoints', async () => {
      expect(await store.getCheckpoint('https://example.org/feed')).toBeNull();
      const c = {
        feed: 'https://example.org/feed',
        etag: 'W/"1"',
        lastModified: null,
        lastPoll: '2025-04-03T10:00:00Z',
      };
      await store.putCheckpoint(c);
      await store.putCheckpoint({ ...c, etag: 'W/"2"' });
      expect(await store.getCheckpoint(c.feed)).toEqual({ ...c, etag: 'W/"2"' });
    });

    it('round-trips a real analysis of the seed article', async () => {
      const text = readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'seed.txt'), 'utf8');
      const analysis = analyze(text, { published: '2025-04-03' });
      const r = await store.putArticle(inputOf('seed', text), analysis);
      const got = await store.getArticle(r.articleId);
      expect(got!.analysis.text).toBe(text);
      expect(got!.analysis.sentences).toEqual(analysis.sentences);
      expect(got!.analysis.attributions).toEqual(analysis.attributions);
      for (const s of got!.analysis.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    });
  });
}

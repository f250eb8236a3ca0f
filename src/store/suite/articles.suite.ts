import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { analyze } from '../../pipeline/index.js';
import { PROJECT_ROOT } from '../../util/data.js';
import type { ArticleInput } from '../types.js';
import { fixtureAnalysis, inputOf } from '../fixtures.js';
import { WIRE, wireAnalysis, type SuiteContext } from './context.suite.js';

/** Storing an article and reading it back; one key is stored once. */
export function storesArticles(ctx: SuiteContext): void {
  it('stores an article with its analysis and returns it with every span intact', async () => {
    const { store } = ctx;
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
    const { store } = ctx;
    const a = await store.putArticle(inputOf('k1', WIRE), wireAnalysis());
    const b = await store.putArticle(inputOf('k1', WIRE), wireAnalysis());
    expect(b).toMatchObject({ status: 'exists', articleId: a.articleId });
    expect((await store.stats()).articles).toBe(1);
    expect((await store.stats()).attributions).toBe(1);
  });
}

/** NUL in any field is refused; feed checkpoints; a real analysis round-trips. */
export function refusesBadInputAndKeepsState(ctx: SuiteContext): void {
  it('refuses NUL in every field with an InputError naming the field (one rule for both stores), storing nothing', async () => {
    const { store } = ctx;
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
    const { store } = ctx;
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
    const { store } = ctx;
    const text = readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'seed.txt'), 'utf8');
    const analysis = analyze(text, { published: '2025-04-03' });
    const r = await store.putArticle(inputOf('seed', text), analysis);
    const got = await store.getArticle(r.articleId);
    expect(got!.analysis.text).toBe(text);
    expect(got!.analysis.sentences).toEqual(analysis.sentences);
    expect(got!.analysis.attributions).toEqual(analysis.attributions);
    for (const s of got!.analysis.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
}

import { expect, it } from 'vitest';
import { fixtureAnalysis, inputOf } from '../fixtures.js';
import { WIRE, WIRE_EDITED, signature, wireAnalysis, type SuiteContext } from './context.suite.js';

/** Exact republications are copies of one story. */
export function recordsExactCopies(ctx: SuiteContext): void {
  it('records exact republications as copies of one story, by content hash and by canonical URL', async () => {
    const { store } = ctx;
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
}

/** Near-duplicates join the same story. */
export function linksNearDuplicates(ctx: SuiteContext): void {
  it('links near-duplicates (MinHash/LSH) into the same story, with their own analysis', async () => {
    const { store } = ctx;
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
}

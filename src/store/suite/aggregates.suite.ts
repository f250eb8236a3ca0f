import { expect, it } from 'vitest';
import type { Store } from '../types.js';
import { fixtureAnalysis, inputOf } from '../fixtures.js';
import { WIRE, wireAnalysis, type SuiteContext } from './context.suite.js';

/** Actors across articles: roles, quotes over time, events given and received. */
export function aggregatesActors(ctx: SuiteContext): void {
  it('aggregates actors across articles, with roles, quotes over time and events given/received', async () => {
    const { store } = ctx;
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
}

/** Event filters, timelines and the network. */
export function queriesEvents(ctx: SuiteContext): void {
  it('filters events and builds timelines and the network', async () => {
    const { store } = ctx;
    await store.putArticle(inputOf('w1', WIRE, { published: '2025-04-03' }), wireAnalysis());
    const t2 = 'Ana Lopes condemned Valmora for the raid.';
    await putLopesOnValmora(store, 'w2', t2, '2025-04-03', {
      trigger: 'condemned',
      cameo: '111',
      goldstein: -2,
      quadClass: 3,
    });
    const t3 = 'Ana Lopes praised Valmora.';
    await putLopesOnValmora(store, 'w3', t3, '2025-05-01', {
      trigger: 'praised',
      cameo: '051',
      goldstein: 3.4,
      quadClass: 1,
    });
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
}

/** Stores an article of one event whose source is Ana Lopes and whose target is Valmora. */
async function putLopesOnValmora(
  store: Store,
  key: string,
  text: string,
  published: string,
  event: { trigger: string; cameo: string; goldstein: number; quadClass: number },
): Promise<void> {
  await store.putArticle(
    inputOf(key, text, { published }),
    fixtureAnalysis(text, {
      meta: { published },
      event: { source: 'Ana Lopes', target: 'Valmora', ...event },
    }),
  );
}

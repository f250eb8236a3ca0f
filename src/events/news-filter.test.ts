import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/analyze.js';
import { emptyDoc } from '../pipeline/pipeline.js';
import { textStage } from '../text/index.js';
import { codeEvents, type FilterCase } from './coder.js';
import { tagRange } from './tagger.js';
import type { Actor } from '../model/index.js';
import {
  deserialiseNewsFilter,
  filterDomain,
  filterScore,
  keepEvent,
  serialiseNewsFilter,
  titleCaseHeadline,
  useNewsFilter,
  type NewsFilterModel,
} from './news-filter.js';
import { trainNewsFilter } from './news-filter-train.js';

const toks = (text: string) => ({ toks: tagRange(text, 0, text.length) });

/** The coder alone (no NER or actors layers) with a given news filter, and the cases it saw. */
function code(text: string, newsFilter: NewsFilterModel | null, actors: readonly Actor[] = []) {
  const layers = textStage.run(emptyDoc(text, {}));
  const cases: FilterCase[] = [];
  const events = codeEvents({
    text,
    sentences: layers.sentences ?? [],
    mentions: [],
    actors,
    attributions: [],
    newsFilter,
    onFilterCase: (c) => cases.push(c),
  });
  return { events, cases };
}

const ARTICLE = 'Russian troops attacked Ukraine on Monday. The talks in Geneva ended without a statement.';
const SENTENCE = 'Russian troops attacked Ukraine on Monday.';

function filterOf(threshold: number): NewsFilterModel {
  return { bits: 8, weights: { data: new Float32Array(2 << 8), scale: 1 }, threshold };
}

describe('news filter', () => {
  it('tells a title-case headline from a sentence', () => {
    expect(titleCaseHeadline(toks('Trump Tells Supporters In Reno The NFL Has Gone Soft'))).toBe(true);
    expect(titleCaseHeadline(toks('Republican Party Boosts Spending In Battleground States'))).toBe(true);
    expect(titleCaseHeadline(toks('Trump told supporters in Reno that the NFL has gone soft.'))).toBe(false);
    expect(titleCaseHeadline(toks('Trump Tells Supporters In Reno.'))).toBe(false);
  });

  it('drops the typed events it scores at or below its threshold, and reports each to the trainer', () => {
    const all = code(ARTICLE, null);
    expect(all.events.length).toBeGreaterThan(0);
    expect(all.cases.map((c) => c.trigger)).toContain(ARTICLE.indexOf('attacked'));
    // An empty model scores 0 everywhere: kept when the threshold is below 0, dropped at 0.
    expect(code(ARTICLE, filterOf(-1)).events).toEqual(all.events);
    expect(code(ARTICLE, filterOf(0)).events).toEqual([]);
  });

  it('judges composed intents too: a control word over a coded act ("plans to meet") is a case of its own', () => {
    const text = 'The prime minister plans to meet the opposition leader. The talks ended.';
    const plans = text.indexOf('plans');
    const all = code(text, null);
    expect(all.events.map((e) => [e.trigger.start, e.cameo])).toContainEqual([plans, '036']);
    expect(all.cases.map((c) => c.trigger)).toContain(plans);
    // The case says it is composed (NGEC's stories give the filter only their composed intents).
    expect(all.cases.find((c) => c.trigger === plans)?.composed).toBe(true);
    expect(code(text, filterOf(-1)).events).toEqual(all.events);
    expect(code(text, filterOf(0)).events).toEqual([]);
  });

  it('reads an article and a lone sentence as two domains (each feature has a copy of its own)', () => {
    const [a] = code(ARTICLE, null).cases;
    const [s] = code(SENTENCE, null).cases;
    const half = a!.features.length / 2;
    expect(s!.features.slice(0, half)).toEqual(a!.features.slice(0, half));
    expect(s!.features.slice(half)).not.toEqual(a!.features.slice(half));
  });

  it('reads an article as international when no one nation holds most of its coded actors (composed intents only)', () => {
    // An actor with its CAMEO code and as many mentions as given.
    const actor = (cameo: string | null, mentions: number): Actor => ({
      id: `${cameo}${mentions}`,
      name: cameo ?? 'x',
      type: 'ORG',
      mentions: Array.from({ length: mentions }, (_, k) => `m${k}`),
      roles: [],
      cameo,
    });
    // NATO's chief, the US and Ukraine: no one holds most mentions (an IGO is no one country's).
    const nato = [actor('IGOWSTNAT', 3), actor('USAGOV', 2), actor('USA', 1), actor('UKR', 2)];
    expect(filterDomain(5, nato)).toBe('international');
    // A US campaign with a word on Iran: the US holds most; the parties and people of no nation do not count.
    const campaign = [actor('USAELI', 4), actor('USAGOV', 2), actor('IRN', 3), actor(null, 9)];
    expect(filterDomain(5, campaign)).toBe('article');
    expect(filterDomain(5, [])).toBe('article');
    // A lone sentence is a domain of its own, whatever its actors.
    expect(filterDomain(1, nato)).toBe('sentence');
    // The coder hands the filter the text's domain. A composed intent in an international article has
    // a copy of each feature of its own; a typed act there is judged as in any article.
    const intends = 'The minister has expressed his willingness to support the rebels. The talks ended.';
    const intent = code(intends, null, nato).cases.find((c) => c.composed)!;
    const domesticIntent = code(intends, null).cases.find((c) => c.composed)!;
    expect([intent.domain, domesticIntent.domain]).toEqual(['international', 'article']);
    const half = intent.features.length / 2;
    expect(intent.features.slice(0, half)).toEqual(domesticIntent.features.slice(0, half));
    expect(intent.features.slice(half)).not.toEqual(domesticIntent.features.slice(half));
    const [typed] = code(ARTICLE, null, nato).cases;
    expect(typed!.features).toEqual(code(ARTICLE, null).cases[0]!.features);
  });

  it('learns to drop what its labels drop in articles and keeps lone sentences it saw as positives', () => {
    const article = code(ARTICLE, null).cases[0]!.features;
    const sentence = code(SENTENCE, null).cases[0]!.features;
    const filter = trainNewsFilter(
      [
        { features: article, keep: false, weight: 1 },
        { features: sentence, keep: true, weight: 1 },
      ],
      { bits: 12, epochs: 5, seed: 1, threshold: 0, bags: 1 },
    );
    expect(keepEvent(filter, article)).toBe(false);
    expect(keepEvent(filter, sentence)).toBe(true);
    // The model file keeps its decisions (int8 weights with a scale).
    const loaded = deserialiseNewsFilter(serialiseNewsFilter(filter));
    expect(loaded.threshold).toBe(0);
    for (const f of [article, sentence]) {
      expect(Math.sign(filterScore(loaded, f))).toBe(Math.sign(filterScore(filter, f)));
      expect(filterScore(loaded, f)).toBeCloseTo(filterScore(filter, f), 0);
    }
  });

  it('reports the source words of each case, so labels can judge the source as well as the type', () => {
    const { cases } = code(ARTICLE, null);
    const attacked = cases.find((c) => c.trigger === ARTICLE.indexOf('attacked'))!;
    expect(ARTICLE.slice(...attacked.source)).toBe('Russian troops');
  });

  it('bags: the mean of the filters trained on as many shuffles, steadier than any one of them', () => {
    const article = code(ARTICLE, null).cases[0]!.features;
    const sentence = code(SENTENCE, null).cases[0]!.features;
    const examples = [
      { features: article, keep: false, weight: 1 },
      { features: sentence, keep: true, weight: 1 },
      { features: sentence, keep: false, weight: 0.5 },
    ];
    const opts = { bits: 10, epochs: 3, seed: 7, threshold: 0, bags: 1 };
    const one = (seed: number) => trainNewsFilter(examples, { ...opts, seed }).weights.data;
    const runs = [one(7), one(1007), one(2007)];
    const bagged = trainNewsFilter(examples, { ...opts, bags: 3 }).weights.data;
    for (let i = 0; i < bagged.length; i++)
      expect(bagged[i]).toBeCloseTo((runs[0]![i]! + runs[1]![i]! + runs[2]![i]!) / 3, 5);
    expect(Array.from(trainNewsFilter(examples, { ...opts, bags: 1 }).weights.data)).toEqual(
      Array.from(runs[0]!),
    );
  });

  it('drops an election "beat" in an article and keeps praise (the committed filter)', () => {
    const text =
      'Democrats beat the incumbent governor in Kentucky on Tuesday. The mayor praised the firefighters.';
    const triggers = () => analyze(text).events.map((e) => e.trigger.text);
    expect(triggers()).toEqual(['praised']);
    useNewsFilter(null);
    try {
      expect(triggers()).toEqual(['beat', 'praised']);
    } finally {
      useNewsFilter(undefined);
    }
  });
});

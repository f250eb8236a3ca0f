/*
 * Hand-built analyses and store inputs for tests, fuzzing and benchmarks: valid by construction,
 * built from short sentences of the tests' own.
 */
import { createHash } from 'node:crypto';
import { AnalysisSchema, type Analysis, type ArticleMeta } from '../model/index.js';
import type { ArticleInput } from './types.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Finds `needle` in `text` (the n-th occurrence) and returns its span, failing loudly if absent. */
export function span(text: string, needle: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: "${needle}" not in text`);
  }
  return { start: at, end: at + needle.length, text: needle };
}

interface FixtureOptions {
  meta?: ArticleMeta;
  quote?: {
    speaker: string;
    cue: string;
    content: string;
    stance?: 'neutral' | 'distancing' | 'hedged' | 'endorsing';
  };
  event?: {
    source: string;
    target: string;
    trigger: string;
    cameo: string;
    goldstein: number;
    quadClass: number;
  };
}

/** The fixtures' usual event: Ana Lopes agreed with Valmora (CAMEO 057, Goldstein 8, verbal cooperation). */
export const AGREED_EVENT: NonNullable<FixtureOptions['event']> = {
  source: 'Ana Lopes',
  target: 'Valmora',
  trigger: 'agreed',
  cameo: '057',
  goldstein: 8,
  quadClass: 1,
};

/** A hand-built analysis whose every span is computed from the text, so it is valid by construction. */
export function fixtureAnalysis(text: string, opts: FixtureOptions = {}): Analysis {
  const actors: Analysis['actors'] = [];
  const mentions: Analysis['mentions'] = [];
  const addActor = (name: string) => {
    const existing = actors.find((a) => a.name === name);
    if (existing) return existing.id;
    const id = `A${actors.length + 1}`;
    const m = span(text, name);
    mentions.push({ id: `M${mentions.length + 1}`, ...m, type: 'PERSON', kind: 'name', actor: id });
    actors.push({
      id,
      name,
      type: 'PERSON',
      mentions: [mentions[mentions.length - 1].id],
      roles: [{ title: 'Minister', affiliation: 'Testland', source: 'text' }],
      cameo: 'TSTGOV',
    });
    return id;
  };
  const attributions: Analysis['attributions'] = [];
  if (opts.quote) {
    const actor = addActor(opts.quote.speaker);
    attributions.push({
      id: 'Q1',
      kind: 'direct',
      source: { ...span(text, opts.quote.speaker), actor },
      cue: { ...span(text, opts.quote.cue), lemma: opts.quote.cue },
      content: [span(text, opts.quote.content)],
      via: [],
      stance: opts.quote.stance ?? 'neutral',
    });
  }
  const events: Analysis['events'] = [];
  if (opts.event) {
    const s = addActor(opts.event.source);
    const t = addActor(opts.event.target);
    const trigger = span(text, opts.event.trigger);
    events.push({
      id: 'E1',
      source: { actor: s, code: 'TSTGOV', text: opts.event.source },
      target: { actor: t, code: 'OTHGOV', text: opts.event.target },
      cameo: opts.event.cameo,
      plover: null,
      goldstein: opts.event.goldstein,
      quadClass: opts.event.quadClass,
      trigger,
      evidence: [trigger],
    });
  }
  return AnalysisSchema.parse({
    version: 1,
    text,
    meta: opts.meta ?? {},
    sentences: [{ start: 0, end: text.length, text, tokenStart: 0, tokenEnd: 0, paragraph: 0 }],
    mentions,
    actors,
    attributions,
    claims: [],
    events,
    times: [],
    messages: [],
  });
}

/**
 * A large analysis: `text` with a mention of one actor at every occurrence of `name` (tens of
 * thousands in a long text), as a long article's analysis has; valid by construction.
 */
export function bulkAnalysis(text: string, name: string): Analysis {
  const base = fixtureAnalysis(text);
  const mentions: Analysis['mentions'] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
    mentions.push({
      id: `M${mentions.length + 1}`,
      start: at,
      end: at + name.length,
      text: name,
      type: 'PERSON',
      kind: 'name',
      actor: 'A1',
    });
  return {
    ...base,
    mentions,
    actors: [{ id: 'A1', name, type: 'PERSON', mentions: mentions.map((m) => m.id), roles: [], cameo: null }],
  };
}

/**
 * "Ana Lopes said '… Bo Varga told me the deal is dead …'": the outer report Q1 and, inside its words,
 * Q2 with `within: 'Q1'`.
 */
export function nestedReportAnalysis(): { text: string; analysis: Analysis } {
  const text = 'Ana Lopes said "Bo Varga told me the deal is dead" on Friday.';
  const base = fixtureAnalysis(text, {
    quote: { speaker: 'Ana Lopes', cue: 'said', content: 'Bo Varga told me the deal is dead' },
  });
  const inner = {
    ...base.attributions[0]!,
    id: 'Q2',
    kind: 'indirect' as const,
    source: { ...span(text, 'Bo Varga') },
    cue: { ...span(text, 'told'), lemma: 'tell' },
    content: [span(text, 'the deal is dead')],
    within: 'Q1',
  };
  return { text, analysis: { ...base, attributions: [...base.attributions, inner] } };
}

export function inputOf(key: string, text: string, extra: Partial<ArticleInput> = {}): ArticleInput {
  return { key, text, contentHash: sha(text), ...extra };
}

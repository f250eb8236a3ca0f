import { describe, expect, it } from 'vitest';
import type { Analysis, Event } from '../model/index.js';
import { indexAnalysis } from './rows.js';

const text = 'Ghana and Togo held talks.';
const span = (words: string) => ({
  text: words,
  start: text.indexOf(words),
  end: text.indexOf(words) + words.length,
});
const talks: Event = {
  id: 'ev1',
  source: { code: 'GHA', ...span('Ghana and Togo') },
  target: null,
  cameo: '046',
  plover: { type: 'CONSULT' },
  goldstein: 7,
  quadClass: 1,
  trigger: span('held'),
  evidence: [span('Ghana and Togo held talks')],
  reciprocal: true,
  participants: [
    { code: 'GHA', ...span('Ghana') },
    { code: 'TGO', ...span('Togo') },
  ],
};
const analysis: Analysis = {
  version: 1,
  text,
  meta: {},
  sentences: [],
  mentions: [],
  actors: [],
  attributions: [],
  claims: [],
  events: [talks],
  times: [],
  messages: [],
};

describe('indexAnalysis: event rows', () => {
  it('indexes a reciprocal act in both directions, so the dyad graph has both edges', () => {
    const rows = indexAnalysis(analysis).events;
    expect(rows.map((r) => [r.eventId, r.sourceCode, r.targetCode, r.sourceText, r.targetText])).toEqual([
      ['ev1.1', 'GHA', 'TGO', 'Ghana', 'Togo'],
      ['ev1.2', 'TGO', 'GHA', 'Togo', 'Ghana'],
    ]);
  });
  it('indexes any other event once, under its own id', () => {
    const one = indexAnalysis({ ...analysis, events: [{ ...talks, reciprocal: undefined }] }).events;
    expect(one.map((r) => [r.eventId, r.sourceCode, r.targetCode])).toEqual([['ev1', 'GHA', null]]);
  });
});

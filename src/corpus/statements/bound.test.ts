import { describe, expect, it } from 'vitest';
import { features, profile, sameStatement, score, shippedModel, Vocabulary } from './similarity.js';
import type { Report } from './types.js';

/** A report whose article is `cue + " " + content`. */
function report(id: string, content: string, speaker: string | null, published: string): Report {
  const cue = 'said';
  const text = `${cue} ${content}`;
  return {
    id,
    article: id.split('#')[0],
    published,
    ingestOrder: 0,
    speaker,
    cue: [{ start: 0, end: cue.length, text: cue }],
    content: [{ start: cue.length + 1, end: text.length, text: content }],
    form: 'indirect',
    context: 'The council met on Tuesday to talk about ferries, bridges and the harbour budget.',
  };
}

const CONTENTS = [
  'the ferry to Dunmore will run every hour from the spring',
  'the Dunmore ferry would run every single hour by spring',
  'ferries to Dunmore must run hourly, starting next spring',
  'the bridge tolls will not rise before the harbour budget is settled',
  'tolls on the bridge will rise unless the harbour budget is settled',
  'the harbour budget is settled and the ferry will run every hour',
  'we will never close the ferry to Dunmore, not this year or next',
];

describe('score bound before the quadratic features', () => {
  it('never turns away a pair scoring exactly at the threshold (the bound is at least the score)', () => {
    const vocab = new Vocabulary();
    const model = shippedModel();
    const reports = CONTENTS.flatMap((c, i) => [
      report(`a${i}#E1`, c, 'Maria Lopez', '2016-03-01'),
      report(`b${i}#E1`, c.split(' ').reverse().join(' '), null, '2016-05-20'),
    ]);
    const profiles = reports.map((r) => profile(r, vocab));
    let pairs = 0;
    for (const a of profiles)
      for (const b of profiles) {
        if (a.article === b.article) continue;
        const exact = score(model, features(a, b));
        // At its own score as the threshold the pair is a match; just above it, not.
        expect(sameStatement({ ...model, threshold: exact }, a, b)).toBe(true);
        expect(sameStatement({ ...model, threshold: exact + 1e-6 }, a, b)).toBe(false);
        pairs++;
      }
    expect(pairs).toBe(reports.length * (reports.length - 1));
  });
});

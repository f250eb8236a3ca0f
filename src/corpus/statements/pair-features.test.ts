import { describe, expect, it } from 'vitest';
import { features, FEATURES, profile, Vocabulary } from './similarity.js';
import { contentForm } from './words.js';
import type { Report } from './types.js';

/** A report whose article is `cue + " " + content`, so spans are real offsets into that text. */
function report(
  id: string,
  content: string,
  o: { speaker?: string | null; published?: string; cue?: string } = {},
): Report {
  const cue = o.cue ?? 'said';
  const text = `${cue} ${content}`;
  const span = { start: cue.length + 1, end: text.length };
  return {
    id,
    article: id.split('#')[0],
    published: o.published ?? '2016-03-01',
    ingestOrder: 0,
    speaker: o.speaker === undefined ? 'Maria Lopez' : o.speaker,
    cue: [{ start: 0, end: cue.length, text: cue }],
    content: [{ ...span, text: content }],
    form: contentForm(text, [span]),
  };
}

const vocab = new Vocabulary();
const value = (a: Report, b: Report, name: (typeof FEATURES)[number]) =>
  features(profile(a, vocab), profile(b, vocab))[FEATURES.indexOf(name)];

describe('pair features of the statement matcher', () => {
  const quote = '“The ferry to Dunmore will run every hour,”';
  const paraphrase = 'the ferry to Dunmore would run hourly';

  it('quotedBoth: both reports quote words (direct or mixed), not when one paraphrases', () => {
    expect(value(report('a#E1', quote), report('b#E1', quote), 'quotedBoth')).toBe(1);
    const mixed = 'the ferry “will run every hour”';
    expect(value(report('a#E1', quote), report('b#E1', mixed), 'quotedBoth')).toBe(1);
    expect(value(report('a#E1', quote), report('b#E1', paraphrase), 'quotedBoth')).toBe(0);
  });

  it('quotedLogDays: the days apart of two quoting reports, zero when one paraphrases', () => {
    const later = { published: '2016-03-08' };
    expect(value(report('a#E1', quote), report('b#E1', quote, later), 'quotedLogDays')).toBeCloseTo(
      Math.log1p(7),
    );
    expect(value(report('a#E1', quote), report('b#E1', paraphrase, later), 'quotedLogDays')).toBe(0);
  });

  it("namesOtherSpeaker: one report's content names the other's speaker, plain or possessive", () => {
    const own = report('a#E1', 'to close the Dunmore ferry for the winter');
    const about = report('b#E1', "Lopez's plan to close the Dunmore ferry for the winter", {
      speaker: null,
      cue: 'criticised',
    });
    expect(value(own, about, 'namesOtherSpeaker')).toBe(1);
    expect(value(about, own, 'namesOtherSpeaker')).toBe(1);
    const named = report('b#E1', 'Lopez wants to close the Dunmore ferry for the winter', { speaker: null });
    expect(value(own, named, 'namesOtherSpeaker')).toBe(1);
  });

  it('namesOtherSpeaker: a word that only begins with the surname does not count', () => {
    const own = report('a#E1', 'the band will play at the harbour opening', { speaker: 'Tom Brass' });
    const other = report('b#E1', 'the brassy band will play at the harbour opening', { speaker: null });
    expect(value(own, other, 'namesOtherSpeaker')).toBe(0);
  });
});

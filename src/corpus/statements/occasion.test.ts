import { describe, expect, it } from 'vitest';
import { frameOf, occasionOf } from './occasion.js';
import { features, FEATURES, profile, stem, Vocabulary } from './similarity.js';
import type { Report } from './types.js';

/** A report inside an article `before + content + after`, its context the whole article. */
function framed(
  before: string,
  content: string,
  after: string,
  cue: string,
  published = '2016-03-04',
): Report {
  const text = before + content + after;
  const start = before.length;
  const cueAt = text.indexOf(cue);
  return {
    id: `${published}#E1`,
    article: published,
    published,
    ingestOrder: 0,
    speaker: 'Maria Lopez',
    cue: [{ start: cueAt, end: cueAt + cue.length, text: cue }],
    content: [{ start, end: start + content.length, text: content }],
    form: 'indirect',
    context: text,
  };
}

const day = (iso: string) => Math.floor(Date.parse(iso) / 864e5);
const CONTENT = 'the ferry to Dunmore will run every hour';

describe('occasion of a report', () => {
  it('blanks the content out of the frame and keeps the cue and the words around it', () => {
    const r = framed('At the harbour on Thursday, Lopez said ', CONTENT, ' to reporters.', 'said');
    const frame = frameOf(r);
    expect(frame).toContain('on thursday, lopez said');
    expect(frame).toContain('to reporters');
    expect(frame).not.toContain('ferry');
  });

  it('resolves a weekday to the latest such day not after publication (Friday 4 March 2016)', () => {
    const thursday = framed('On Thursday, Lopez said ', CONTENT, '.', 'said', '2016-03-04');
    expect(occasionOf(thursday, day('2016-03-04')).day).toBe(day('2016-03-03'));
    const friday = framed('On Friday, Lopez said ', CONTENT, '.', 'said', '2016-03-04');
    expect(occasionOf(friday, day('2016-03-04')).day).toBe(day('2016-03-04'));
  });

  it('resolves "yesterday" and a month and day, and knows no day when none is named', () => {
    const y = framed('Lopez said yesterday ', CONTENT, '.', 'said');
    expect(occasionOf(y, day('2016-03-04')).day).toBe(day('2016-03-03'));
    const md = framed('In a speech on Dec. 7, Lopez said ', CONTENT, '.', 'said');
    expect(occasionOf(md, day('2016-03-04')).day).toBe(day('2015-12-07'));
    const none = framed('Lopez said ', CONTENT, '.', 'said');
    expect(occasionOf(none, day('2016-03-04')).day).toBeNull();
    expect(occasionOf(y, null).day).toBeNull();
  });

  it('marks a repeated line and a cue in the perfect, not a single past utterance', () => {
    const repeated = framed('Lopez has repeatedly said ', CONTENT, '.', 'said');
    expect(occasionOf(repeated, null)).toMatchObject({ habitual: true, perfect: true });
    const promised = framed('Lopez has promised ', CONTENT, '.', 'promised');
    expect(occasionOf(promised, null)).toMatchObject({ habitual: false, perfect: true });
    const once = framed('Lopez said on Tuesday ', CONTENT, '.', 'said');
    expect(occasionOf(once, null)).toMatchObject({ habitual: false, perfect: false });
  });
});

describe('matcher features of the occasion', () => {
  const vocab = new Vocabulary();
  const value = (a: Report, b: Report, name: (typeof FEATURES)[number]) =>
    features(profile(a, vocab), profile(b, vocab))[FEATURES.indexOf(name)];

  it('tells the same day said from another day, whatever the publication dates', () => {
    const thu = framed('On Thursday, Lopez said ', CONTENT, '.', 'said', '2016-03-04');
    const sameDay = framed('Lopez said on Thursday ', CONTENT, '.', 'said', '2016-03-05');
    const otherDay = framed('Lopez said on Monday ', CONTENT, '.', 'said', '2016-03-05');
    expect(value(thu, sameDay, 'saidDaySame')).toBe(1);
    expect(value(thu, sameDay, 'saidDayClash')).toBe(0);
    expect(value(thu, otherDay, 'saidDayClash')).toBe(1);
  });

  it('sees a negation in one report only', () => {
    const yes = framed('Lopez said ', 'the ferry will run every hour', '.', 'said');
    const no = framed('Lopez said ', 'the ferry will not run every hour', '.', 'said');
    expect(value(yes, no, 'negationDiffers')).toBe(1);
    expect(value(yes, yes, 'negationDiffers')).toBe(0);
  });

  it('stems inflections to one form, so paraphrases share their rare words', () => {
    expect(['bans', 'banned', 'banning', 'ban'].map(stem)).toEqual(['ban', 'ban', 'ban', 'ban']);
    expect(['ferries', 'taxes', 'muslims', "mayor's", 'bus'].map(stem)).toEqual([
      'ferry',
      'tax',
      'muslim',
      'mayor',
      'bus',
    ]);
    const a = framed('Lopez said ', 'ferries banned from Dunmore', '.', 'said');
    const b = framed('Lopez said ', 'a ban on the ferry to Dunmore', '.', 'said');
    expect(value(a, b, 'stemIdfContainment')).toBeGreaterThan(value(a, b, 'idfContainment'));
  });
});

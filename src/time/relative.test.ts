import { describe, expect, it } from 'vitest';
import { findTimes } from './index.js';

/**
 * Relative dates with tense: sentences written for this test, each with its publication date (or
 * none) and every time expression expected, as [text, value]. The default publication date is
 * Wednesday 20 November 2019.
 */
type Case = [sentence: string, expected: Array<[string, string]>, published?: string | null];

const PAST: Case[] = [
  ['The family was evicted in April.', [['in April', '2019-04']]],
  ['They met last February.', [['last February', '2019-02']]],
  ['Prices rose sharply in October.', [['in October', '2019-10']]],
  ['The factory closed in December.', [['in December', '2018-12']]],
  ['She had moved to Ohio in March.', [['in March', '2019-03']]],
  ['It was cold last November.', [['last November', '2018-11']]],
  ['Police said the attack happened on Dec. 12.', [['on Dec. 12', '2018-12-12']]],
  ['He was arrested in November.', [['in November', '2019-11']]],
  ['The ministers met on Monday.', [['on Monday', '2019-11-18']]],
  ['They met last Tuesday.', [['last Tuesday', '2019-11-19']]],
  ['On Wednesday, the court ruled against him.', [['On Wednesday', '2019-11-20']]],
  ['The deal was signed in December.', [['in December', '2018-12']], '2019-02-10'],
  ['He retired in August.', [['in August', '2018-08']], '2019-06-15'],
  ['The talks collapsed in June.', [['in June', '2019-06']], '2019-06-15'],
  ['The company, which was founded in March, will expand abroad.', [['in March', '2019-03']]],
  ['Yesterday the rain stopped.', [['Yesterday', '2019-11-19']]],
  ['Two weeks ago, he resigned.', [['Two weeks ago', '2019-11-06']]],
  ['Last year sales fell.', [['Last year', '2018']]],
  ['The meeting ended this morning.', [['this morning', '2019-11-20']]],
  [
    'The shooting happened around 10:30 p.m. Aug. 9, police said.',
    [['around 10:30 p.m. Aug. 9', '2019-08-09T22:30']],
  ],
  ['The talks resumed on Nov. 15 at 3 p.m.', [['on Nov. 15 at 3 p.m', '2019-11-15T15:00']]],
  ['At noon on Monday he spoke to reporters.', [['At noon on Monday', '2019-11-18T12:00']]],
];

const FUTURE: Case[] = [
  ['Elections will be held in April.', [['in April', '2020-04']]],
  ['The team will play again in March.', [['in March', '2020-03']]],
  ['They meet next February.', [['next February', '2020-02']]],
  ['It will be cold next November.', [['next November', '2020-11']]],
  ['The trial is scheduled for Dec. 3.', [['Dec. 3', '2019-12-03']]],
  ['The museum is expected to reopen in May.', [['in May', '2020-05']]],
  ['Voting is set to begin on Jan. 6.', [['on Jan. 6', '2020-01-06']]],
  ['The minister said the plant would close in June.', [['in June', '2020-06']]],
  ['Officials plan to finish the road by October.', [['by October', '2020-10']]],
  ['We’ll know more in February.', [['in February', '2020-02']]],
  ['The ministers will meet on Saturday.', [['on Saturday', '2019-11-23']]],
  ['They meet next Tuesday.', [['next Tuesday', '2019-11-26']]],
  ['The game will start at 7 p.m. Friday.', [['at 7 p.m. Friday', '2019-11-22T19:00']]],
  ['The report comes out tomorrow.', [['tomorrow', '2019-11-21']]],
  ['Next year the plant opens.', [['Next year', '2020']]],
  ['The deal will be signed in December.', [['in December', '2019-12']], '2019-02-10'],
  ['In August, he will retire.', [['In August', '2019-08']], '2019-06-15'],
  [
    'He said on Monday that the vote will be held in April.',
    [
      ['on Monday', '2019-11-18'],
      ['in April', '2020-04'],
    ],
  ],
];

const AMBIGUOUS: Case[] = [
  // No tense cue: the nearest occurrence.
  ['The law takes effect in January, the minister said.', [['in January', '2020-01']]],
  ['In September, the board meets again.', [['In September', '2019-09']]],
  ['The festival runs in December.', [['in December', '2019-12']]],
  ['Snow is common in February.', [['in February', '2020-02']]],
  // A weekday with no tense cue is the past one: news reports what happened.
  ['Trump said Tuesday that talks continue.', [['Tuesday', '2019-11-19']]],
  ['Police said Saturday that the road is open.', [['Saturday', '2019-11-16']]],
  ['Today, the council voted.', [['Today', '2019-11-20']]],
];

const ANCHORED: Case[] = [
  [
    'In 2016 he won the seat, and the next year he lost it.',
    [
      ['In 2016', '2016'],
      ['the next year', '2017'],
    ],
  ],
  [
    'The firm was founded in 2008; the following year it went public.',
    [
      ['in 2008', '2008'],
      ['the following year', '2009'],
    ],
  ],
  [
    'On March 3, 2018 the bridge opened, and the next day it closed.',
    [
      ['On March 3, 2018', '2018-03-03'],
      ['the next day', '2018-03-04'],
    ],
  ],
  [
    'In 2010 the war ended. A year later, the troops left.',
    [
      ['In 2010', '2010'],
      ['A year later', '2011'],
    ],
  ],
  [
    'In 2012 prices rose; that year also saw floods.',
    [
      ['In 2012', '2012'],
      ['that year', '2012'],
    ],
  ],
  [
    'The war ended in 2010, and the previous year was the worst.',
    [
      ['in 2010', '2010'],
      ['the previous year', '2009'],
    ],
  ],
  // Nothing to count from: left out rather than guessed.
  ['The next year will be hard for farmers.', []],
];

const NOT_DATES: Case[] = [
  ['USA TODAY reported the story.', []],
  ['The protest march went on for hours.', []],
  ['April Ryan asked a question.', []],
  ['The Sun reported the story on Monday.', [['on Monday', '2019-11-18']]],
  ['Black Friday deals are here.', []],
  ['He spoke about Cyber Monday sales.', []],
  ['He watched the Today show.', []],
  ['Now the city is calm, a day after the storm.', []],
  ['The engines will fire for eight minutes on Saturday.', [['on Saturday', '2019-11-23']]],
  ['Earlier in the day, the minister resigned.', []],
  ['Add 1 1/2 cups of honey and 3/4 cup of water.', []],
  ['He won 2014 votes and 1999 seats.', []],
  ['Since 2014 the war has gone on.', [['Since 2014', '2014']]],
];

const NO_PUBLICATION_DATE: Case[] = [
  ['She was evicted in April.', [['in April', 'XXXX-04']], null],
  ['On Saturday he left.', [['On Saturday', 'XXXX-WXX-6']], null],
  ['Yesterday she came.', [['Yesterday', 'XXXX-XX-XX']], null],
  ['On March 3, 2025 they met.', [['On March 3, 2025', '2025-03-03']], null],
  ['The fire started at 10:30 p.m. Aug. 9.', [['at 10:30 p.m. Aug. 9', 'XXXX-08-09T22:30']], null],
  [
    'In 2016 he won, and the next year he lost.',
    [
      ['In 2016', '2016'],
      ['the next year', '2017'],
    ],
    null,
  ],
  ['USA TODAY said so.', [], null],
  ['Last year sales fell.', [['Last year', 'XXXX']], null],
];

const ALL = {
  past: PAST,
  future: FUTURE,
  ambiguous: AMBIGUOUS,
  anchored: ANCHORED,
  'not dates': NOT_DATES,
  unanchored: NO_PUBLICATION_DATE,
};

describe('relative dates with tense', () => {
  it('has at least 60 sentences', () => {
    expect(Object.values(ALL).flat().length).toBeGreaterThanOrEqual(60);
  });
  for (const [group, cases] of Object.entries(ALL)) {
    describe(group, () => {
      it.each(cases)('%s', (sentence, expected, published) => {
        const times = findTimes(sentence, published === null ? undefined : (published ?? '2019-11-20'));
        expect(times.map((t) => [t.text, t.value])).toEqual(expected);
        for (const t of times) expect(sentence.slice(t.start, t.end)).toBe(t.text);
      });
    });
  }

  it('says what a relative date counts from', () => {
    const [anchored, next] = findTimes('In 2016 he won, and the next year he lost.');
    expect(anchored.anchor).toBeUndefined();
    expect(next.anchor).toBe('text');
    expect(findTimes('She was evicted in April.')[0].anchor).toBe('none');
    expect(findTimes('She was evicted in April.', '2019-11-20')[0].anchor).toBe('publication');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  align,
  buildStatementIndex,
  contentForm,
  drift,
  driftKinds,
  reportWords,
  StatementIndex,
  type Report,
} from './index.js';

/** A report whose article is `cue + " " + content`, so spans are real offsets into that text. */
function report(
  id: string,
  content: string,
  o: Omit<Partial<Report>, 'cue'> & { cue?: string } = {},
): Report {
  const cue = o.cue ?? 'said';
  const text = `${cue} ${content}`;
  return {
    id,
    article: id.split('#')[0],
    published: o.published ?? '2016-03-01',
    ingestOrder: o.ingestOrder ?? 0,
    speaker: o.speaker === undefined ? 'Maria Lopez' : o.speaker,
    ...(o.credit === undefined ? {} : { credit: o.credit }),
    outlet: o.outlet ?? 'outlet-a',
    cue: [{ start: 0, end: cue.length, text: cue }],
    content: [{ start: cue.length + 1, end: text.length, text: content }],
    form: o.form ?? contentForm(text, [{ start: cue.length + 1, end: text.length }]),
    context: o.context ?? 'The mayor spoke at the harbour opening on Tuesday about ferries and bridges.',
  };
}
const kinds = (a: Report, b: Report) => driftKinds(drift(a, b));

describe('report words', () => {
  it('drops a leading "that", folds curly apostrophes and places ellipses between words', () => {
    const rw = reportWords([{ start: 10, end: 52, text: 'that we won’t wait … for the ferry, ever' }]);
    expect(rw.words.map((w) => w.text)).toEqual(['we', "won't", 'wait', 'for', 'the', 'ferry', 'ever']);
    expect(rw.words[1]).toMatchObject({ start: 18, end: 23 });
    expect([...rw.ellipsisBefore]).toEqual([3]);
  });

  it('reads the form from the quotation marks around the content', () => {
    const t = 'She said “the ferry will run” and that it was cheap.';
    expect(contentForm(t, [{ start: 10, end: 28 }])).toBe('direct');
    expect(contentForm(t, [{ start: 34, end: 51 }])).toBe('indirect');
    expect(contentForm(t, [{ start: 9, end: 51 }])).toBe('mixed');
  });
});

describe('alignment', () => {
  it('puts unmatched words at the edges rather than inside', () => {
    expect(align(['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(align(['x', 'a', 'b'], ['a', 'b', 'y'])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(align([], ['a'])).toEqual([]);
  });
});

describe('drift kinds', () => {
  const a = report('a#E1', '“We will open the new ferry line in May,” and keep the old bridge');
  it('finds identical wording and a quote turned into paraphrase', () => {
    const b = report('b#E1', 'we will open the new ferry line in May and keep the old bridge');
    expect(kinds(a, b)).toEqual(['identical', 'form-changed']);
  });
  it('finds a cut, words added inside, removed and changed', () => {
    const cut = report('b#E1', '“We will open the new ferry line in May,”');
    expect(kinds(a, cut)).toEqual(['truncated', 'form-changed']);
    const added = report('c#E1', '“We will open the new fast ferry line in May,” and keep the old bridge');
    expect(kinds(a, added)).toContain('words-added');
    const removed = report('d#E1', '“We will open the ferry line in May,” and keep the old bridge');
    expect(kinds(a, removed)).toContain('words-removed');
    const changed = report('e#E1', '“We will open the new ferry route in May,” and keep the old bridge');
    expect(kinds(a, changed)).toContain('words-changed');
  });
  it('finds an ellipsis standing for the words cut', () => {
    const b = report('b#E1', '“We will open the new ferry line … and keep the old bridge”');
    expect(kinds(a, b)).toEqual(['ellipsis', 'form-changed']);
  });
  it('finds a changed cue stance, a lost condition and a lost negation', () => {
    const x = report('x#E1', 'the bridge will not close if the ferry runs');
    const y = report('y#E1', 'the bridge will close', { cue: 'claimed' });
    expect(kinds(x, y)).toEqual([
      'words-removed',
      'truncated',
      'stance-changed',
      'condition-lost',
      'negation-lost',
    ]);
  });
  it('says which way a condition or a negation went: lost by the report, or added by it', () => {
    const origin = report('o#E1', 'the ferry will run on Sunday');
    const added = report('r#E1', 'the ferry will not run on Sunday if it snows');
    expect(kinds(origin, added)).toEqual(['words-added', 'truncated', 'condition-added', 'negation-added']);
    expect(kinds(added, origin)).toEqual(['words-removed', 'truncated', 'condition-lost', 'negation-lost']);
    const item = drift(origin, added).find((d) => d.kind === 'negation-added')!;
    expect([item.from.text, item.to.text]).toEqual(['', 'not']);
  });
  it('reads a negation before a focus word, or an affirming idiom, as no negation', () => {
    const origin = report('o#E1', 'that the mayor is a coward and a liar');
    const report2 = report('r#E1', '"you are not just a coward, you are a liar"');
    const negation = (r: Report) => kinds(origin, r).filter((k) => k.startsWith('negation'));
    expect(negation(report2)).toEqual([]);
    expect(negation(report('d#E1', '"you are not a coward, you are a liar"'))).toEqual(['negation-added']);
    expect(negation(report('i#E1', 'that the vote was nothing short of a revolution'))).toEqual([]);
  });
  it('credits a different speaker only when both are named and the names differ', () => {
    const b = report('b#E1', a.content[0].text, { speaker: 'Tom Berg' });
    expect(kinds(a, b)).toEqual(['identical', 'speaker-changed']);
    expect(kinds(a, { ...b, speaker: null })).toEqual(['identical']);
    expect(kinds(a, { ...b, speaker: 'Lopez' })).toEqual(['identical']);
  });
  it('tells two people of one surname apart, and reads a description as no name', () => {
    const b = report('b#E1', a.content[0].text, { speaker: 'Pedro Lopez' });
    expect(kinds(a, b)).toEqual(['identical', 'speaker-changed']);
    expect(kinds(a, { ...b, speaker: 'Maria T. Lopez' })).toEqual(['identical']);
    expect(kinds(a, { ...b, speaker: 'the harbour master' })).toEqual(['identical']);
  });
  it('sees no other speaker where the article wrote only a name both bear', () => {
    const b = report('b#E1', a.content[0].text, { speaker: 'Pedro Lopez', credit: 'Lopez' });
    expect(kinds(a, b)).toEqual(['identical']);
    expect(kinds({ ...a, credit: 'Lopez' }, { ...b, credit: 'Pedro Lopez' })).toEqual(['identical']);
    expect(kinds({ ...a, credit: 'Maria Lopez' }, { ...b, credit: 'Pedro Lopez' })).toEqual([
      'identical',
      'speaker-changed',
    ]);
    expect(kinds(a, { ...b, credit: 'he' })).toEqual(['identical', 'speaker-changed']);
  });
  it('counts a spokesperson as the principal they speak for at the date', () => {
    const origin = report('o#E1', a.content[0].text, { speaker: 'Hillary Clinton', published: '2016-05-01' });
    const aide = { ...origin, id: 'p#E1', article: 'p', speaker: 'Brian Fallon' };
    expect(kinds(origin, aide)).toEqual(['identical']);
    expect(kinds(origin, { ...aide, published: '2019-05-01' })).toEqual(['identical', 'speaker-changed']);
  });
  it('gives every item spans whose text is the article text', () => {
    const b = report('b#E1', '“We will open the new ferry route in May”');
    for (const item of drift(a, b))
      for (const [side, r] of [
        [item.from, a],
        [item.to, b],
      ] as const) {
        const text = `${r.cue[0].text} ${r.content[0].text}`;
        for (const [s, e] of side.spans) expect(side.text).toContain(text.slice(s, e));
      }
  });
});

const quote = 'the new ferry line will open in May and the old bridge will stay open for cyclists';
describe('statement matching', () => {
  it('groups a report and its cut copy by the same speaker, the origin being the earliest', () => {
    const index = new StatementIndex();
    index.add(
      report('late#E1', quote.slice(0, 52), { published: '2016-03-02', ingestOrder: 2, outlet: 'outlet-b' }),
    );
    index.add(report('early#E1', quote, { published: '2016-03-01', ingestOrder: 1 }));
    const [s] = index.statements(2);
    expect(s.origin).toBe('early#E1');
    expect(s.fullest).toBe('early#E1');
    expect(s.outlets).toEqual(['outlet-a', 'outlet-b']);
  });
  it('keeps apart another speaker with the same words, and the same speaker on another matter', () => {
    const index = new StatementIndex();
    index.add(report('a#E1', quote));
    index.add(report('b#E1', quote, { speaker: 'Tom Berg' }));
    index.add(
      report('c#E1', 'the ferry fares will rise in autumn because the harbour needs repairs', {
        published: '2016-07-20',
        context: 'Budget hearing on harbour repairs, fares and the council deficit in July.',
      }),
    );
    expect(index.statements(2)).toEqual([]);
  });
});

describe('incremental and batch builds', () => {
  const variants = [
    quote,
    quote.slice(0, 60),
    `“${quote}”`,
    'the old bridge will stay open for cyclists',
    'the ferry fares will rise in autumn because the harbour needs repairs',
    'the harbour needs repairs and ferry fares will rise in the autumn',
    'we will never close the old bridge to cyclists',
  ];
  const reports = variants.flatMap((v, i) =>
    ['Maria Lopez', 'Lopez', null].map((speaker, k) =>
      report(`art${i}-${k}#E1`, v, { speaker, ingestOrder: i * 3 + k, published: `2016-03-0${1 + k}` }),
    ),
  );
  const partition = (index: StatementIndex) =>
    index
      .statements(1)
      .map((s) => [...s.reports].sort().join(' '))
      .sort();

  it('gives the same statements whatever the order reports arrive in', () => {
    const batch = partition(buildStatementIndex(reports));
    expect(batch.length).toBeLessThan(reports.length);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(reports, { minLength: reports.length, maxLength: reports.length }),
        (order) => {
          const index = new StatementIndex();
          for (const r of order) index.add(r);
          expect(partition(index)).toEqual(batch);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('one article with many reports', () => {
  // One attribution repeated n times in one article (a transcript, a scraped page): its reports never
  // link to each other, so adding it must not cost the square of n. The growth is the check — ten
  // times the reports may cost at most 30 times the time (quadratic work costs about 100; before the
  // fix 1,000 → 3,000 already cost 6 times) — not a wall-clock limit, which fails on a busy machine.
  const article = (n: number) =>
    Array.from({ length: n }, (_, i) => report(`big${n}#E${i}`, quote, { ingestOrder: 1 }));
  const time = (n: number) => {
    const index = new StatementIndex({ keepReports: false });
    index.add(report('other#E1', quote, { outlet: 'outlet-b' }));
    const reports = article(n);
    const t0 = performance.now();
    index.addArticle(reports);
    const ms = performance.now() - t0;
    // Every report links to the other article's, none to its own.
    expect(index.statements(2)[0].reports).toHaveLength(n + 1);
    return ms;
  };
  it('adds them in time near-linear in their number', () => {
    time(1000); // warm-up
    const small = Math.min(time(1000), time(1000));
    const large = time(10_000);
    expect(large / small).toBeLessThan(30);
  }, 120_000);
});

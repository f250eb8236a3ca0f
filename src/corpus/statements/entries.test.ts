import { describe, expect, it } from 'vitest';
import { expectTenfoldGrowth } from '../../util/__fixtures__/growth.js';
import { Entries } from './entries.js';
import { KeyTable } from './key-table.js';
import { profile, StatementIndex, Vocabulary, type Report } from './index.js';
import { profileCore } from './similarity.js';

function report(id: string, content: string, o: Partial<Report> = {}): Report {
  const cue = 'said';
  return {
    id,
    article: id.split('#')[0],
    published: '2016-03-04',
    ingestOrder: 0,
    speaker: 'Maria Lopez',
    cue: [{ start: 0, end: cue.length, text: cue }],
    content: [{ start: 5, end: 5 + content.length, text: content }],
    form: 'indirect',
    context: 'On Tuesday the mayor spoke at the harbour opening about ferries and bridges.',
    ...o,
  };
}

describe('packed report entries', () => {
  it('expand to the profile of their report, field for field', () => {
    const reports = [
      report('a#E1', 'the ferry will not run in winter because the harbour needs repairs'),
      report('b#E1', '“We have never closed the bridge,” and we never will', { form: 'direct' }),
      report('c#E1', 'Republican front-runner Donald Trump', { speaker: null, published: null }),
      report('d#E1', 'the fares have long been too high for families', {
        outlet: 'outlet-b',
        context: 'The mayor has repeatedly said',
      }),
      report('e#E1', '', { cue: [] }),
    ];
    const vocab = new Vocabulary();
    const entries = new Entries();
    // Enough of them to outgrow the first chunk of packed cores.
    const many = Array.from({ length: 300 }, (_, k) =>
      reports.map((r) => ({ ...r, id: `${r.id}-${k}` })),
    ).flat();
    const numbers = many.map((r) => entries.add(r, profileCore(r, vocab), true));
    many.forEach((r, i) => {
      const n = numbers[i];
      expect({ ...entries.profile(n, vocab) }).toEqual({ ...profile(r, vocab) });
      expect(entries.order(n)).toEqual({ id: r.id, published: r.published, ingestOrder: r.ingestOrder });
      expect(entries.outlet(n)).toBe(r.outlet ?? null);
      expect(entries.report(n)).toBe(r);
    });
  });
});

describe('LSH key table', () => {
  it('finds every filing of a key through growth (slots and postings) and colliding slots, and nothing for a new key', () => {
    const table = new KeyTable(8);
    // Keys equal in their low 32 bits, and keys near 2^53, all land in few slots of a small table.
    const keys = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 ? (i % 7) * 2 ** 32 + 12345 : 2 ** 53 - 1 - (i % 11) * 2 ** 32,
    );
    keys.forEach((k, report) => table.add(k, report));
    for (const k of new Set(keys)) {
      const got: number[] = [];
      table.forEach(k, (r) => got.push(r));
      const want = keys.flatMap((x, r) => (x === k ? [r] : []));
      expect(got.sort((a, b) => a - b)).toEqual(want);
    }
    const none: number[] = [];
    table.forEach(7 * 2 ** 32 + 12345, (r) => none.push(r));
    expect(none).toEqual([]);
    expect(table.size).toEqual({ keys: new Set(keys).size, postings: 10_000 });
  });
});

describe('statementOf', () => {
  // Reports too short to match: each its own statement. Asking every report's statement must cost
  // the number of reports, not its square (one scan of the index per call did).
  const index = (n: number) => {
    const ix = new StatementIndex({ keepReports: false });
    for (let i = 0; i < n; i++) ix.add(report(`s${n}-${i}#E1`, 'short'));
    return ix;
  };
  it('reads one statement without scanning the index', async () => {
    const small = index(300);
    const large = index(3000);
    // Each asked ten times, so the smaller run outlasts the check's floor.
    const ask = (ix: StatementIndex, n: number) => () => {
      let reports = 0;
      for (let k = 0; k < 10; k++)
        for (let i = 0; i < n; i++) reports += ix.statementOf(`s${n}-${i}#E1`)?.reports.length ?? 0;
      return reports;
    };
    expect(await expectTenfoldGrowth(ask(small, 300), ask(large, 3000))).toBe(30_000);
  });

  it('lists the same reports as statements()', () => {
    const q = 'the ferry will run every hour from the old harbour to the island this summer';
    const ix = new StatementIndex();
    ix.add(report('x#E1', q, { outlet: 'o1' }));
    ix.add(report('y#E1', q, { outlet: 'o2', published: '2016-03-03' }));
    ix.add(report('z#E1', 'something else entirely about taxes and the budget of the city'));
    const [s] = ix.statements(2);
    expect(s.reports).toEqual(['y#E1', 'x#E1']);
    expect(ix.statementOf('x#E1')).toEqual(s);
    expect(ix.statementOf('z#E1')?.reports).toEqual(['z#E1']);
    expect(ix.statementOf('nope')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import type { Analysis, Stage } from '../model/index.js';
import { attributionStage } from './index.js';
import { expectLinearGrowth, expectTenfoldTimes } from '../util/__fixtures__/growth.js';

/** Bad and hostile input: never a crash, bounded time, a result or a clear warning. */
const noEntities: Stage = {
  name: 'no-entities',
  requires: [],
  provides: ['mentions', 'actors'],
  run: () => ({}),
};
const run = (text: string): Analysis =>
  analyze(text, {}, { stages: [textStage, noEntities, attributionStage] });

function checkSpans(a: Analysis) {
  for (const x of a.attributions) {
    for (const s of [x.source, x.cue, ...x.content]) if (s) expect(a.text.slice(s.start, s.end)).toBe(s.text);
  }
  for (const c of a.claims) expect(a.text.slice(c.start, c.end)).toBe(c.text);
}

describe('attribution stage on bad input', () => {
  it('warns about a quote that never closes, with its offset', () => {
    const text = 'The mayor said: “We will rebuild the bridge by spring.\n\nTraffic resumed on Monday.';
    const a = run(text);
    const m = a.messages.filter((x) => x.origin === 'attribution:unclosed-quote');
    expect(m).toHaveLength(1);
    expect(m[0].reason).toContain(`offset ${text.indexOf('“')}`);
    expect(m[0].span?.start).toBe(text.indexOf('“'));
    checkSpans(a);
  });

  it('does not warn when a quotation runs over paragraphs and re-opens each one', () => {
    const text = 'She said: “The first part of it.\n\n“And the second part,” she added.';
    expect(run(text).messages.filter((x) => x.origin === 'attribution:unclosed-quote')).toEqual([]);
  });

  it('reports a closing quote with no opening one', () => {
    const a = run('The senator said the plan was dead.” Nobody replied.');
    expect(a.messages.some((m) => /no opening quote/.test(m.reason))).toBe(true);
  });

  it('copes with mixed straight and curly quotes', () => {
    const text = 'He said "we are ready” and then she said “no we are not". Officials said "maybe.';
    const a = run(text);
    checkSpans(a);
    expect(a.attributions.length).toBeGreaterThan(0);
  });

  it('handles 10,000 quotes in one text in linear time, with a capped list of warnings', async () => {
    const quotes = (n: number) =>
      Array.from({ length: n }, (_, i) => (i % 3 === 0 ? '“Yes,” he said.' : '“No')).join(' ');
    const a = await expectLinearGrowth((n) => run(quotes(n)), 1000);
    const warnings = a.messages.filter((m) => m.origin === 'attribution:unclosed-quote');
    expect(warnings.length).toBeGreaterThan(1);
    expect(warnings.length).toBeLessThanOrEqual(21);
    expect(warnings.at(-1)?.reason).toMatch(/more quote problems/);
    checkSpans(a);
  });

  it('stays linear on reports nested in a quotation that never closes', () => {
    // Every "she said" inside the open quotation is a report nested in the others' contents, each
    // running to the end of the text: finding their contents by walking there was quadratic.
    const text = (n: number) => '"It is fine, she said '.repeat(n) + 'here.';
    const attributionMs = (n: number) => {
      const timings = new Map<string, number>();
      analyze(text(n), {}, { stages: [textStage, noEntities, attributionStage], timings });
      return timings.get('attribution') ?? 0;
    };
    attributionMs(10); // loads the models, which the small run must not pay for
    expectTenfoldTimes(attributionMs(1000), attributionMs(10_000));
  }, 120_000);

  it('handles a 1 MB single paragraph in linear time', async () => {
    const sentence =
      'The minister said that the budget would grow by two percent next year, officials added. ';
    const a = await expectLinearGrowth((n) => run(sentence.repeat(Math.ceil(n / sentence.length))), 100_000);
    expect(a.attributions.length).toBeGreaterThan(1000);
    checkSpans(a);
  });

  it('stays linear on one huge sentence of cue frames, auxiliaries and "according to"', async () => {
    // No full stops: one sentence of ~300,000 tokens that every per-cue backstop must not rescan.
    const frame = 'the plan failed , Smith said , and has has has been been told according to aides , ';
    const a = await expectLinearGrowth(
      (n) => run(frame.repeat(Math.ceil(n / frame.length)) + '!!!!!!!!'),
      40_000,
    );
    checkSpans(a);
  });

  it('times the attribution stage alone: 10× the quotations with trailing speakers in under 30× the time', () => {
    // Each quotation is followed by its source and cue; linking once scanned every source per token.
    const text = (n: number) => '“We are ready,” Mara Quinn said. '.repeat(n);
    const stageMs = (n: number): number => {
      const timings = new Map<string, number>();
      const a = analyze(text(n), {}, { stages: [textStage, noEntities, attributionStage], timings });
      expect(a.attributions.length).toBeGreaterThanOrEqual(n);
      return timings.get('attribution') ?? 0;
    };
    stageMs(2000); // warm-up: the model and word lists load, code compiles
    expectTenfoldTimes(stageMs(2000), stageMs(20_000), 50);
  }, 180_000);

  it('returns nothing (and no crash) for text without any words', () => {
    const a = run('.... ——— ”” ““ ... ;;;');
    expect(a.attributions).toEqual([]);
    expect(a.claims).toEqual([]);
  });

  it('handles a text that is one long run of quote marks and symbols', () => {
    const a = run('"'.repeat(5000) + ' said ' + '”'.repeat(5000));
    checkSpans(a);
    expect(a.messages.length).toBeLessThanOrEqual(21);
  });
});

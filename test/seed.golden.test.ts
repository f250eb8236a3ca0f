import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import type { Analysis, Mention } from '../src/model/index.js';
import { badSpans, collectSpans } from './spans.js';

/*
 * The seed article against our hand-written reference analysis (test/fixtures/seed.gold.json, a copy of
 * ../shared/seed/000_9d962874735dcac4.gold.json). Each stage's own tests go deeper; this file checks
 * the cross-stage contract on the article newsgraph was founded on.
 */
type Range = [number, number];
interface Gold {
  meta: { byline: string };
  actors: Array<{ name: string; type: string; role?: string; mentions: Range[] }>;
  attributions: Array<{ mustFind: boolean; kind: string; source: Range; cue: Range; content: Range }>;
  times: Array<{ text: Range; value: string }>;
}

const text = readFileSync(new URL('./fixtures/seed.txt', import.meta.url), 'utf8');
const gold = JSON.parse(readFileSync(new URL('./fixtures/seed.gold.json', import.meta.url), 'utf8')) as Gold;
const overlaps = (a: { start: number; end: number }, [s, e]: Range) => a.start < e && s < a.end;

describe('seed article', () => {
  const analysis: Analysis = analyze(text, {});

  it('is plain JSON-serialisable data', () => {
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
  });

  it('has spans that all slice to the text they claim', () => {
    expect(collectSpans(analysis).length).toBeGreaterThan(10);
    expect(badSpans(analysis)).toEqual([]);
  });

  it('finds the title and the byline', () => {
    expect(analysis.meta.title).toBe("NATO chief backs US president's peace efforts in Ukraine");
    expect(analysis.byline?.text).toBe(gold.meta.byline);
    expect(analysis.byline && [analysis.byline.start, analysis.byline.end]).toEqual([2211, 2224]);
  });

  it('finds "since 2014"', () => {
    const g = gold.times.find((t) => t.value === '2014')!;
    const t = analysis.times.find((x) => overlaps(x, g.text));
    expect(t?.value).toBe('2014');
    expect(t && text.slice(t.start, t.end)).toBe('since 2014');
  });

  it('finds the direct quote with source "Rutte" and cue "said"', () => {
    const g = gold.attributions.find((a) => a.kind === 'direct')!;
    const found = analysis.attributions.find((a) => a.content.some((c) => overlaps(c, g.content)));
    expect(found, 'an attribution whose content overlaps the quote').toBeDefined();
    expect(found!.kind).toBe('direct');
    expect(found!.cue?.text).toBe('said');
    expect(found!.source && overlaps(found!.source, g.source)).toBe(true);
    expect(found!.source?.text).toContain('Rutte');
  });

  describe('every statement is credited to the gold person', () => {
    const personAt = ([s, e]: Range) =>
      gold.actors.find((x) => x.mentions.some((m) => m[0] < e && s < m[1]))?.name;
    const speaker = (a: Analysis['attributions'][number]) =>
      analysis.actors.find((x) => x.id === a.source?.actor)?.name;
    for (const g of gold.attributions) {
      it(`"${text.slice(...g.cue)}" → ${personAt(g.source)}`, () => {
        const found = analysis.attributions.find((a) => a.content.some((c) => overlaps(c, g.content)));
        if (g.mustFind) expect(found, 'a mustFind attribution').toBeDefined();
        if (found) expect(speaker(found)).toBe(personAt(g.source));
      });
    }
    it('"who was echoed": Trump\'s stance was echoed by Marco Rubio', () => {
      const echoed = analysis.attributions.find((a) => a.cue?.text.includes('echoed'));
      expect(echoed?.content.map((c) => c.text).join(' ')).toContain('stance');
      expect(echoed && speaker(echoed)).toBe('Marco Rubio');
    });
  });

  describe('the five named people with their titles as mentions', () => {
    const titled: Array<[string, Range]> = [
      ['Mark Rutte', [57, 90]],
      ['Donald Trump', [132, 157]],
      ['Marco Rubio', [1127, 1160]],
      ['Oleksandr Dubinsky', [1543, 1574]],
      ['Volodymyr Zelenskyy', [1660, 1689]],
    ];
    for (const [name, span] of titled) {
      it(`${name}: ${text.slice(...span)}`, () => {
        const m: Mention | undefined = analysis.mentions.find(
          (x) => x.type === 'PERSON' && x.start === span[0] && x.end === span[1],
        );
        expect(m, `a PERSON mention exactly over "${text.slice(...span)}"`).toBeDefined();
        expect(m!.head?.text ?? m!.text).toContain(name.split(' ').pop()!);
        expect(m!.title?.text.length ?? 0).toBeGreaterThan(1);
      });
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import type { Analysis, Stage } from '../model/index.js';
import { attributionStage } from './index.js';

/*
 * The seed article against the hand-written reference (test/fixtures/seed.gold.json): what the
 * attribution stage alone determines — spans, the sourcing chain and the unattributed claim — with
 * the mentions and actors layers left empty, so this does not depend on the other stages.
 */
type Range = [number, number];
interface Gold {
  attributions: Array<{
    mustFind: boolean;
    kind: string;
    source: Range;
    cue: Range;
    content: Range;
    via?: Array<{ outlet: string; cue: Range; citing: Range }>;
  }>;
  unattributedClaims: Array<{ mustFind: boolean; text: Range }>;
}

const root = new URL('../../test/fixtures/', import.meta.url);
const text = readFileSync(new URL('seed.txt', root), 'utf8');
const gold = JSON.parse(readFileSync(new URL('seed.gold.json', root), 'utf8')) as Gold;
const hits = (a: { start: number; end: number } | null | undefined, [s, e]: Range) =>
  !!a && a.start < e && s < a.end;

const noEntities: Stage = {
  name: 'no-entities',
  requires: [],
  provides: ['mentions', 'actors'],
  run: () => ({}),
};

describe('attribution stage on the seed article', () => {
  const analysis: Analysis = analyze(text, {}, { stages: [textStage, noEntities, attributionStage] });
  const findFor = (g: Gold['attributions'][number]) =>
    analysis.attributions.find((a) => a.content.some((c) => hits(c, g.content)));

  const mustFind = gold.attributions.filter((g) => g.mustFind);
  it.each(mustFind.map((g) => [text.slice(g.cue[0], g.cue[1]), g] as const))(
    'finds the attribution with cue "%s": content, cue and source overlap the gold',
    (_cue, g) => {
      const a = findFor(g);
      expect(a, `no attribution over "${text.slice(...g.content)}"`).toBeDefined();
      expect(hits(a!.cue, g.cue), `cue ${a!.cue?.text}`).toBe(true);
      expect(hits(a!.source, g.source), `source ${a!.source?.text}`).toBe(true);
    },
  );

  it('classifies quotation kinds from the quote marks in the content', () => {
    const direct = findFor(gold.attributions.find((g) => g.kind === 'direct')!);
    expect(direct?.kind).toBe('direct');
    const indirect = findFor(gold.attributions.find((g) => g.kind === 'indirect' && g.mustFind)!);
    expect(indirect?.kind).toBe('indirect');
    const mixed = gold.attributions.filter((g) => g.kind === 'mixed').map(findFor);
    expect(mixed.some((a) => a?.kind === 'mixed')).toBe(true);
  });

  it('gives cues their lemma and stance from the lexicon', () => {
    const emphasized = analysis.attributions.find((a) => a.cue?.text.includes('emphasized'));
    expect(emphasized?.cue?.lemma).toBe('emphasize');
    const affirmed = analysis.attributions.find((a) => a.cue?.text.includes('affirmed'));
    expect(affirmed?.stance).toBe('neutral');
  });

  it('carries the sourcing chain "Caliber.Az reports citing Russian media" on the Rutte quote', () => {
    const g = gold.attributions.find((x) => x.via)!;
    const a = findFor(g);
    expect(a?.via).toHaveLength(1);
    const via = a!.via[0];
    expect(via.outlet).toBe(g.via![0].outlet);
    expect(hits(via.outletSpan, [text.indexOf('Caliber.Az'), text.indexOf('Caliber.Az') + 10])).toBe(true);
    expect(hits(via.cue, g.via![0].cue)).toBe(true);
    expect(hits(via.citing, g.via![0].citing)).toBe(true);
    // The relay itself is not reported as a statement of its own.
    expect(analysis.attributions.filter((x) => x.cue && hits(x.cue, g.via![0].cue))).toEqual([]);
  });

  it('flags the unattributed claim about the United States withdrawing', () => {
    for (const g of gold.unattributedClaims.filter((c) => c.mustFind)) {
      const claim = analysis.claims.find((c) => hits(c, g.text));
      expect(claim, `no claim over "${text.slice(...g.text)}"`).toBeDefined();
      expect(claim!.reason.length).toBeGreaterThan(10);
    }
    // Conservative: sentences carrying attributions are never claims.
    for (const c of analysis.claims) {
      expect(
        analysis.attributions.some((a) => a.content.some((x) => x.start < c.end && c.start < x.end)),
      ).toBe(false);
    }
  });

  it('gives every attribution a source or a reporting word, and a passive cue its agent', () => {
    // "raising further questions about …" reports nobody's words.
    for (const a of analysis.attributions) expect(a.source !== null || a.kind !== 'indirect').toBe(true);
    // "Trump’s stance was echoed by US Secretary of State Marco Rubio, who …"
    const echoed = analysis.attributions.find((a) => a.cue?.text.includes('echoed'));
    if (echoed) expect(echoed.source?.text).toContain('Marco Rubio');
  });

  it('has spans that slice to the text they claim', () => {
    for (const a of analysis.attributions) {
      for (const s of [
        a.source,
        a.cue,
        ...a.content,
        ...a.via.flatMap((v) => [v.outletSpan, v.cue, v.citing]),
      ]) {
        if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }
    for (const c of analysis.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});

import { describe, expect, it } from 'vitest';
import { textStage } from '../text/index.js';
import { emptyDoc } from '../pipeline/pipeline.js';
import type { Attribution, Event } from '../model/index.js';
import { codeEvents } from './coder.js';
import { codeFacts } from './lexicon.js';
import { ploverActorCode } from './codes.js';
import { parsePetrarchVerbs, petrarchToEntries } from './petrarch.js';

/** Runs the coder alone (no NER/actors layers), i.e. with its fallback vocabulary. */
function code(
  text: string,
  attributions: Attribution[] = [],
  extraVerbs?: Parameters<typeof codeEvents>[0]['extraVerbs'],
): Event[] {
  const layers = textStage.run(emptyDoc(text, {}));
  const events = codeEvents({
    text,
    sentences: layers.sentences ?? [],
    mentions: [],
    actors: [],
    attributions,
    ...(extraVerbs ? { extraVerbs } : {}),
  });
  for (const e of events) {
    expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
    for (const s of e.evidence) expect(text.slice(s.start, s.end)).toBe(s.text);
  }
  return events;
}
const triples = (evs: Event[]) => evs.map((e) => [e.source?.code ?? '', e.target?.code ?? '', e.cameo]);

describe('codebook facts', () => {
  it('carries Goldstein, QuadClass and current PLOVER types', () => {
    expect(codeFacts('190')).toMatchObject({ goldstein: -10, quadClass: 4, plover: { type: 'FIGHT' } });
    expect(codeFacts('036')).toMatchObject({ goldstein: 4, quadClass: 1, plover: { type: 'AGREE' } });
    expect(codeFacts('100')?.plover?.type).toBe('DEMAND');
    expect(codeFacts('112')?.plover?.type).toBe('DISAPPROVE');
    expect(codeFacts('091')?.plover?.type).toBe('INVESTIGATE');
    expect(codeFacts('183')?.plover?.type).toBe('ASSAULT');
    expect(codeFacts('010')?.plover).toBeNull();
  });
});

describe('event coder', () => {
  it('codes a plain attack with source and target', () => {
    expect(triples(code('Russian troops attacked Ukraine on Monday.'))).toEqual([['RUSMIL', 'UKR', '190']]);
  });
  it('codes nothing for a negated conflict event', () => {
    expect(code('Russia did not attack Ukraine on Monday.')).toEqual([]);
  });
  it('turns negated cooperation into a rejection', () => {
    const evs = code('Hungary will not support the Security Council resolution.');
    expect(evs.map((e) => e.cameo.slice(0, 2))).toEqual(['12']);
    expect(evs[0]!.negated).toBe(true);
  });
  it('codes future cooperation and expressed willingness as intent (03x)', () => {
    expect(triples(code('Germany will send troops to Lithuania.'))[0]?.[2]?.slice(0, 2)).toBe('03');
    expect(code('France expressed willingness to support Ukraine.').map((e) => e.cameo)).toEqual(['032']);
  });
  it('codes threats, demands and refusals that wrap another act', () => {
    expect(code('Iran threatened to shell Iraqi towns.').map((e) => e.plover?.type)).toEqual(['THREATEN']);
    expect(triples(code('Russia said on Tuesday that Sudan must return a helicopter.'))).toEqual([
      ['RUS', 'SDN', '100'],
    ]);
    expect(code('Turkey refused to deploy peacekeepers in Iraq.').map((e) => e.plover?.type)).toEqual([
      'REJECT',
    ]);
  });
  it('does not code hypotheticals or questions', () => {
    expect(
      code('If Russia attacks Ukraine, the alliance will respond.').filter((e) => e.cameo.startsWith('19')),
    ).toEqual([]);
    expect(code('Will Russia attack Ukraine?')).toEqual([]);
    expect(code('Russia might attack Ukraine.')).toEqual([]);
  });
  it('gives one event per member of a compound actor', () => {
    const evs = code(
      'Senior Hungarian and Romanian officials agreed on Wednesday that their countries should cooperate.',
    );
    expect(triples(evs).sort()).toEqual([
      ['HUNGOV', '', '030'],
      ['ROUGOV', '', '030'],
    ]);
  });
  it('codes events stated as nouns', () => {
    expect(code('Israel and Lebanon renewed negotiations today.').map((e) => e.plover?.type)).toEqual([
      'CONSULT',
      'CONSULT',
    ]);
  });
  it('merges the same event stated twice into one event with two evidence spans', () => {
    const evs = code(
      'Russian troops attacked Ukraine on Monday. Officials said Russian troops attacked Ukraine.',
    );
    expect(evs).toHaveLength(1);
    expect(evs[0]!.evidence).toHaveLength(2);
  });
  it('codes passives with the by-agent as source', () => {
    expect(triples(code('The minister was criticized by Polish officials.'))).toEqual([
      ['POLGOV', 'POLGOV', '111'],
    ]);
  });
  it('links an event to the attribution whose content holds it', () => {
    const text = 'Rubio said Russian troops attacked Ukraine.';
    const start = text.indexOf('Russian');
    const attribution: Attribution = {
      id: 'a1',
      kind: 'indirect',
      source: null,
      cue: null,
      content: [{ start, end: text.length - 1, text: text.slice(start, text.length - 1) }],
      via: [],
      stance: 'neutral',
    };
    expect(code(text, [attribution])[0]?.attribution).toBe('a1');
  });
});

describe('actor coding conventions', () => {
  it("codes a nation's people and places acted upon as COUNTRY+CVL", () => {
    expect(triples(code('Iran threatened to shell Iraqi towns.'))).toEqual([['IRN', 'IRQCVL', '138']]);
    expect(triples(code('Ghanaian authorities have deported 168 Liberians.'))).toEqual([
      ['GHAGOV', 'LBRCVL', '174'],
    ]);
  });
  it('codes former office holders as elites', () => {
    expect(
      code('Former Greek prime minister Andreas Papandreou demanded immediate elections.')[0]?.source?.code,
    ).toBe('GRCELI');
  });
  it("gives domestic measures the source's own country as target", () => {
    expect(triples(code("Sudan's government on Sunday lifted a state of emergency in West Darfur."))).toEqual(
      [['SDNGOV', 'SDN', '0814']],
    );
  });
  it('reverses receiving verbs: the giver is the source', () => {
    expect(triples(code('Georgian demonstrators received weapons from the Georgian government.'))).toEqual([
      ['GEOGOV', 'GEOCVL', '072'],
    ]);
  });
  it('codes exercises alone as a show of force and together as military cooperation', () => {
    expect(code('Russia is conducting military exercises in Alaska.').map((e) => e.cameo)).toEqual(['150']);
    expect(code('French and Egyptian warships launched war games.').map((e) => e.cameo)).toEqual([
      '062',
      '062',
    ]);
  });
  it('does not code the trailing reporting frame or modifier participles', () => {
    expect(
      triples(
        code(
          'The Sudanese government has accused Darfur rebels of violating a ceasefire, a member of the Chadian team trying to broker a peace pact has said.',
        ),
      ),
    ).toEqual([['SDNGOV', 'SDNREB', '112']]);
    expect(code('Palestinians of the Israeli-occupied West Bank met.').map((e) => e.cameo)).not.toContain(
      '192',
    );
  });
  it('codes violence by a military source as conventional force', () => {
    expect(code('Turkish jets bombed Kurdish positions in northern Iraq.').map((e) => e.cameo)).toEqual([
      '195',
    ]);
    expect(code('Rebels bombed a market in Kabul.').map((e) => e.plover?.type)).toEqual(['ASSAULT']);
  });
  it('takes the target of sanctions from "on"', () => {
    expect(triples(code('The European Union imposed sanctions on Belarus.'))).toEqual([
      ['IGO', 'BLR', '163'],
    ]);
  });
  it('reduces actor codes to the PLOVER level', () => {
    expect(ploverActorCode('IGOUNO')).toBe('IGO');
    expect(ploverActorCode('IGOUNOIAE')).toBe('IGO');
    expect(ploverActorCode('PSEREBHMS')).toBe('PSEREB');
    expect(ploverActorCode('USAGOV')).toBe('USAGOV');
    expect(ploverActorCode('IGOGOV')).toBe('IGOGOV');
    expect(ploverActorCode('not a code')).toBe('not a code');
  });
  it('uses extra verb entries from a PETRARCH dictionary', () => {
    const extra = petrarchToEntries(parsePetrarchVerbs('---  RUSH   [---]  ---\nRUSH\n- * AID [070]\n'));
    expect(code('Germany rushed aid to Ukraine.')).toEqual([]);
    expect(triples(code('Germany rushed aid to Ukraine.', [], extra))).toEqual([['DEU', 'UKR', '070']]);
  });
});

describe('bad input', () => {
  const timed = (text: string): number => {
    const t0 = performance.now();
    code(text);
    return performance.now() - t0;
  };
  it('handles a 500-word sentence in bounded time', () => {
    const s =
      Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? 'Russia' : i % 5 === 0 ? 'attacked' : 'and')).join(
        ' ',
      ) + '.';
    expect(timed(s)).toBeLessThan(3000);
  });
  it('handles 200 actors in one sentence', () => {
    const names = ['France', 'Germany', 'Poland', 'Hungarian officials', 'Syrian rebels'];
    const s =
      Array.from({ length: 200 }, (_, i) => names[i % names.length]).join(', ') + ' agreed to meet Russia.';
    const evs = code(s);
    expect(evs.length).toBeLessThanOrEqual(200);
    expect(timed(s)).toBeLessThan(3000);
  });
  it('handles deeply nested clauses and flattened tables', () => {
    const nested = 'Russia said that ' + 'officials said that '.repeat(150) + 'Ukraine attacked Poland.';
    expect(timed(nested)).toBeLessThan(3000);
    const table = Array.from({ length: 300 }, (_, i) => `Country\t${i}\tUSA\tRUS\t190\tattack`).join('\n');
    expect(timed(table)).toBeLessThan(3000);
  });
  it('returns nothing for empty, blank and binary-looking text', () => {
    expect(code('')).toEqual([]);
    expect(code('   \n\n ')).toEqual([]);
    expect(() => code('\u0000\u0001\u0002 \uFFFD\uFFFD ???')).not.toThrow();
  });
});

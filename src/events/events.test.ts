import { describe, expect, it } from 'vitest';
import { textStage } from '../text/index.js';
import { emptyDoc } from '../pipeline/pipeline.js';
import type { Attribution, Event } from '../model/index.js';
import { awaitedOnly, codeEvents, qualify } from './coder.js';
import { tagRange } from './tagger.js';
import type { Decoded } from './decode.js';
import type { FoldedType } from './features.js';
import type { Modality } from './sentence.js';
import { codeFacts } from './lexicon.js';
import { expectLinearGrowth, expectTenfoldTimes } from '../util/__fixtures__/growth.js';
import { analyze } from '../pipeline/analyze.js';
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
    for (const [actor, words] of [
      [e.source, e.sourceText],
      [e.target, e.targetText],
    ] as const) {
      if (actor) expect(text.slice(actor.start, actor.end)).toBe(words);
      else expect(words ?? '').toBe('');
    }
  }
  return events;
}

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

describe('event coder (trained model)', () => {
  it('codes a plain attack with its source and target words', () => {
    const [e] = code('Russian troops attacked Ukraine on Monday.');
    expect(e).toMatchObject({ sourceText: 'Russian troops', targetText: 'Ukraine' });
    expect(['ASSAULT', 'FIGHT']).toContain(e!.plover?.type);
    expect(e!.source).toMatchObject({ code: 'RUSMIL', start: 0, end: 14 });
    // A military's violence is conventional force (19x), whatever the trigger's own code.
    expect(e!.cameo.slice(0, 2)).toBe('19');
  });
  it('reads words the word tables\' objects answer for ("constructor", "toString") as unknown words', () => {
    // Each word was looked up as a key of a plain object: its prototype's function was read as an entry.
    const text = 'Russian troops attacked the constructor of the bridge and its toString valueOf.';
    expect(() => code(text)).not.toThrow();
  });
  it('codes nothing for a negated attack, and a refusal for negated cooperation', () => {
    expect(code('Russia did not attack Ukraine on Monday.')).toEqual([]);
    const evs = code('Hungary will not support the Security Council resolution.');
    expect(evs.map((e) => e.plover?.type)).toEqual(['REJECT']);
    expect(evs[0]!.negated).toBe(true);
  });
  it('codes a possible or threatened use of force as a threat', () => {
    const maybe = code('The United States could impose sanctions on Iran.');
    expect(maybe.map((e) => [e.plover?.type, e.modality])).toEqual([['THREATEN', 'hypothetical']]);
    expect(code('Iran threatened to shell Iraqi towns.').map((e) => e.plover?.type)).toEqual(['THREATEN']);
  });
  it('does not code conditional clauses or questions as acts', () => {
    expect(code('If Russia attacks Ukraine, the alliance will respond.')).toEqual([]);
    expect(code('Officials waited weeks before Russia would attack Ukraine.')).toEqual([]);
    expect(code('Will Russia attack Ukraine?')).toEqual([]);
  });
  it('never takes a dateline as an actor', () => {
    const evs = code('HANOI - Vietnam accused China of harassing its fishing boats.');
    expect(evs.length).toBeGreaterThan(0);
    for (const e of evs) expect(e.sourceText).not.toContain('HANOI');
    expect(evs[0]).toMatchObject({ sourceText: 'Vietnam', targetText: 'China' });
  });
  it('merges the same event stated twice into one event with two evidence spans', () => {
    // The whole pipeline: the news filter (news-filter.ts) reads the actors layer it was trained with,
    // which the coder alone lacks.
    const text = 'China condemned the decision by Japan. Beijing condemned the decision by Japan.';
    const evs = analyze(text).events;
    const condemn = evs.filter((e) => e.source?.code === 'CHN' && e.target?.code === 'JPN');
    expect(condemn).toHaveLength(1);
    expect(condemn[0]!.evidence).toHaveLength(2);
  });
  it("codes the strongest act that names its source when the typer's favourite names none", () => {
    // "killed" scores highest, but passive voice leaves it no source; "warned" is under the secondary margin.
    const { events } = analyze('Three soldiers were killed in the attack, and the army warned the rebels.');
    expect(events.map((e) => [e.trigger.text, e.sourceText, e.targetText])).toEqual([
      ['warned', 'the army', 'the rebels'],
    ]);
  });

  it('keeps the CAMEO code, PLOVER type, Goldstein score and QuadClass consistent', () => {
    for (const e of code(
      'The European Union imposed sanctions on Belarus. Germany sent humanitarian aid to Syria.',
    )) {
      const facts = codeFacts(e.cameo)!;
      expect(e.plover).toEqual(facts.plover);
      expect([e.goldstein, e.quadClass]).toEqual([facts.goldstein, facts.quadClass]);
    }
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
    const ev = code(text, [attribution]).find((e) => e.trigger.text === 'attacked');
    expect(ev?.attribution).toBe('a1');
  });
  it('lets extra PETRARCH verb entries choose the CAMEO code of a trigger typed alike', () => {
    const extra = petrarchToEntries(parsePetrarchVerbs('---  SEND   [072]  ---\nSEND\n'));
    const plain = code('Germany sent humanitarian aid to Syria.');
    const withExtra = code('Germany sent humanitarian aid to Syria.', [], extra);
    expect(plain.map((e) => e.plover?.type)).toEqual(['AID']);
    expect(withExtra.map((e) => e.cameo)).toEqual(['072']);
  });
});

describe('polarity and modality', () => {
  const decoded = (type: FoldedType, modality: Partial<Modality>): Decoded => ({
    c: {
      i: 0,
      lemma: 'x',
      noun: false,
      modality: {
        negated: false,
        future: false,
        hypothetical: false,
        obligation: false,
        passive: false,
        ...modality,
      },
    },
    type,
    margin: 1,
  });
  it('turns refused or negated cooperation into a rejection and drops negated force', () => {
    expect(qualify(decoded('AGREE', { negated: true }))).toEqual({ type: 'REJECT', negated: true });
    expect(qualify(decoded('AID', { governor: { i: 0, lemma: 'refuse', kind: 'refuse' } }))?.type).toBe(
      'REJECT',
    );
    expect(qualify(decoded('ASSAULT', { negated: true }))).toBeUndefined();
  });
  it('makes possible or future force a threat, future cooperation an intent, and keeps the modality', () => {
    expect(qualify(decoded('SANCTION', { hypothetical: true }))).toEqual({
      type: 'THREATEN',
      modality: 'hypothetical',
    });
    expect(qualify(decoded('COERCE', { future: true }))).toEqual({ type: 'THREATEN', modality: 'future' });
    // CAMEO: "will meet" expresses an intent to meet (036), "will release" an intent to yield (035).
    expect(qualify(decoded('CONSULT', { future: true }))).toEqual({ type: 'AGREE', modality: 'future' });
    expect(qualify(decoded('YIELD', { future: true }))).toEqual({ type: 'AGREE', modality: 'future' });
    expect(qualify(decoded('ACCUSE', { future: true }))).toEqual({ type: 'ACCUSE', modality: 'future' });
  });
  it('finds acts that are only awaited in a before/until clause', () => {
    const at = (text: string, word: string) => {
      const toks = tagRange(text, 0, text.length);
      return awaitedOnly(
        toks,
        toks.findIndex((t) => t.text === word),
      );
    };
    expect(at('They waited before Iran would sign the deal.', 'sign')).toBe(true);
    expect(at('They waited until Iran could sign the deal.', 'sign')).toBe(true);
    expect(at('Iran signed the deal before the talks ended.', 'signed')).toBe(false);
    expect(at('Before the vote, Iran would sign the deal.', 'sign')).toBe(false);
  });
  it('drops cooperation stated only as possible', () => {
    expect(qualify(decoded('AGREE', { hypothetical: true }))).toBeUndefined();
    expect(qualify(decoded('SUPPORT', { hypothetical: true, future: true }))).toBeUndefined();
    expect(qualify(decoded('THREATEN', { hypothetical: true }))?.type).toBe('THREATEN');
  });
});

describe('actor coding conventions', () => {
  it('reduces actor codes to the PLOVER level', () => {
    expect(ploverActorCode('IGOUNO')).toBe('IGO');
    expect(ploverActorCode('IGOUNOIAE')).toBe('IGO');
    expect(ploverActorCode('PSEREBHMS')).toBe('PSEREB');
    expect(ploverActorCode('USAGOV')).toBe('USAGOV');
    expect(ploverActorCode('IGOGOV')).toBe('IGOGOV');
    expect(ploverActorCode('not a code')).toBe('not a code');
  });
  it("writes CAMEO's sectors as PLOVER's (data/events/plover-agents.json)", () => {
    // PLOVER's MED is health, CAMEO's HLH; CAMEO's MED (media) is PLOVER's JRN.
    expect(ploverActorCode('USAHLH')).toBe('USAMED');
    expect(ploverActorCode('RUSMED')).toBe('RUSJRN');
    expect(ploverActorCode('IGOUNOHLHWHO')).toBe('IGOMED');
    expect(ploverActorCode('NGOHLHMSF')).toBe('NGOMED');
    // Insurgents and separatists are PLOVER's rebels.
    expect(ploverActorCode('SYRINS')).toBe('SYRREB');
    expect(ploverActorCode('TURSEP')).toBe('TURREB');
    // No sector for a leaning or for an organisation's field.
    expect(ploverActorCode('USAMOD')).toBe('USA');
    expect(ploverActorCode('NGOHRIAMN')).toBe('NGO');
    expect(ploverActorCode('IGOBUSIMF')).toBe('IGO');
    expect(ploverActorCode('USAHRI')).toBe('USASOC');
    // One primary sector, then at most one secondary code: an ethnicity (lower case) or a religion.
    expect(ploverActorCode('CHNGOVMED')).toBe('CHNGOV');
    expect(ploverActorCode('IRQkurCVL')).toBe('IRQCVLkur');
    expect(ploverActorCode('IRQSHIREB')).toBe('IRQREBSHI');
    expect(ploverActorCode('IMGMOSISI')).toBe('IMG');
  });
});

describe('bad input', () => {
  it('handles a 500-word sentence in linear time', async () => {
    const sentence = (n: number) =>
      Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 'Russia' : i % 5 === 0 ? 'attacked' : 'and')).join(
        ' ',
      ) + '.';
    await expectLinearGrowth((n) => code(sentence(n)), 50);
  });
  it.each([
    // Each typed trigger's tagger read every word of the sentence and counted the clause breaks
    // between each word and the trigger: cubic on a run of actors and verbs without a full stop.
    [
      'actors and verbs without a full stop',
      (n: number) => 'Russia attacked Ukraine and ' + 'NATO Valmora Ostria met '.repeat(n),
    ],
    // Each name looked its first token up by a scan from the sentence's start: quadratic.
    ['names inside an unclosed quotation', (n: number) => '"It is fine, Ana Lopes said '.repeat(n)],
  ])(
    'codes %s in linear time',
    (_, text) => {
      // Only the events stage is timed, over the whole pipeline's layers (names make triggers typed).
      const eventsMs = (n: number) => {
        const timings = new Map<string, number>();
        analyze(text(n) + 'here.', { language: 'en' }, { timings });
        return timings.get('events') ?? 0;
      };
      eventsMs(10); // loads the models, which the small run must not pay for
      expectTenfoldTimes(eventsMs(1000), eventsMs(10000));
    },
    120_000,
  );
  it('handles 200 actors in one sentence', async () => {
    const names = ['France', 'Germany', 'Poland', 'Hungarian officials', 'Syrian rebels'];
    const sentence = (n: number) =>
      Array.from({ length: n }, (_, i) => names[i % names.length]).join(', ') + ' agreed to meet Russia.';
    const evs = await expectLinearGrowth((n) => code(sentence(n)), 20);
    expect(evs.length).toBeLessThanOrEqual(200);
  });
  it('handles deeply nested clauses and flattened tables', async () => {
    await expectLinearGrowth(
      (n) => code('Russia said that ' + 'officials said that '.repeat(n) + 'Ukraine attacked Poland.'),
      15,
    );
    await expectLinearGrowth(
      (n) => code(Array.from({ length: n }, (_, i) => `Country\t${i}\tUSA\tRUS\t190\tattack`).join('\n')),
      30,
    );
  });
  it('returns nothing for empty, blank and binary-looking text', () => {
    expect(code('')).toEqual([]);
    expect(code('   \n\n ')).toEqual([]);
    expect(() => code('\u0000\u0001\u0002 \uFFFD\uFFFD ???')).not.toThrow();
  });
});

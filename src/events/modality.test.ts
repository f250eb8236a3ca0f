import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/analyze.js';
import type { Event } from '../model/index.js';
import { invertedReport, selfDirected } from './coder.js';
import { relativeClauseSource } from './roles.js';
import type { Decoded } from './decode.js';
import { insideName, modalityAt, prepareSentence, reportedObligation } from './sentence.js';
import { tagRange } from './tagger.js';

/** The modality of the first token spelled `word` in a sentence of our own. */
function modalityOf(text: string, word: string) {
  const toks = tagRange(text, 0, text.length);
  const i = toks.findIndex((t) => t.text === word);
  expect(i).toBeGreaterThanOrEqual(0);
  return modalityAt(toks, i);
}

describe('modality of the governing construction', () => {
  it('marks would/could/should/might have + participle as counterfactual, scare quotes or not', () => {
    expect(modalityOf('Paris would have objected to the plan.', 'objected').counterfactual).toBe(true);
    expect(modalityOf('Paris would have "objected" to the plan.', 'objected').counterfactual).toBe(true);
    expect(modalityOf('Paris has objected to the plan.', 'objected').counterfactual).toBeFalsy();
  });

  it('finds the verb whose subject receives the act its object names', () => {
    expect(modalityOf('Rome faced stiff and public criticism.', 'criticism').receivedAt).toBe(1);
    expect(modalityOf('Rome came under attack.', 'attack').receivedAt).toBe(1);
    expect(modalityOf('Rome voiced criticism.', 'criticism').receivedAt).toBeUndefined();
    // Praise won or earned, an inquiry one is under: the subject is who it is done to.
    expect(modalityOf('Rome won praise from Paris.', 'praise').receivedAt).toBe(1);
    expect(modalityOf('Rome earned wide praise.', 'praise').receivedAt).toBe(1);
    expect(modalityOf('Rome is under investigation.', 'investigation').receivedAt).toBe(1);
    expect(modalityOf('Rome is getting criticism from Paris.', 'criticism').receivedAt).toBe(2);
  });

  it('marks acts kept from happening, as a noun object or a gerund', () => {
    expect(modalityOf('Rome avoided direct criticism of Paris.', 'criticism').avoided).toBe(true);
    expect(modalityOf('Rome avoided openly criticizing Paris.', 'criticizing').avoided).toBe(true);
    expect(modalityOf('Rome welcomed direct criticism of Paris.', 'criticism').avoided).toBeFalsy();
  });

  it('reads a modal only where the tagger reads a verb: "May" as a name or a month is none', () => {
    expect(modalityOf('Prime Minister Theresa May has held talks in Dublin.', 'held').hypothetical).toBe(
      false,
    );
    expect(modalityOf('In May the Syrian army attacked the rebels.', 'attacked').hypothetical).toBe(false);
    expect(modalityOf('Ms. May will meet Tusk.', 'meet')).toMatchObject({
      hypothetical: false,
      future: true,
    });
    expect(modalityOf('The Syrian army may have attacked the rebels.', 'attacked').hypothetical).toBe(true);
  });

  it('governs an infinitive by the word before "for" its subject, or by an appeal over its object', () => {
    expect(modalityOf('They discussed a need for Kyiv to launch a probe.', 'launch').controller?.lemma).toBe(
      'need',
    );
    const urged = modalityOf('Berlin urged the new Ukrainian government to investigate.', 'investigate');
    expect(urged.controller).toMatchObject({ lemma: 'urge', kind: 'appeal' });
    expect(modalityOf('Berlin sent the troops to fight.', 'fight').controller).toBeUndefined();
    // An ellipsis inside the object, written "…" or "...", does not end it.
    for (const mark of ['…', '...'])
      expect(
        modalityOf(`We will ask${mark} the Lagos court to open an inquiry.`, 'open').controller,
      ).toMatchObject({
        lemma: 'ask',
      });
  });
});

describe('acts out of assertion', () => {
  it('denies an act under a noun group opened by "no", however far up its governing nouns', () => {
    const no = 'Rome had no knowledge of any efforts to urge Paris to act.';
    expect(modalityOf(no, 'urge').denied).toBe(true);
    expect(modalityOf('Rome made efforts to urge Paris to act.', 'urge').denied).toBeFalsy();
    expect(modalityOf('No agreement was signed in Rome.', 'agreement').denied).toBe(true);
    expect(modalityOf('Rome no longer criticizes Paris.', 'criticizes').denied).toBeFalsy();
    expect(modalityOf('The court expresses no view on the merits.', 'expresses').denied).toBe(true);
    expect(modalityOf('Rome offered absolutely no support to Paris.', 'offered').denied).toBe(true);
    expect(modalityOf('Rome offered support to Paris.', 'offered').denied).toBeFalsy();
  });

  it('denies an act after "without" and the object or that-clause of a denial', () => {
    expect(modalityOf('Rome left without criticizing Paris.', 'criticizing').denied).toBe(true);
    expect(modalityOf('Rome denied ordering the strike.', 'ordering').denied).toBe(true);
    expect(modalityOf('Rome denied that its jets bombed the town.', 'bombed').denied).toBe(true);
    expect(modalityOf('Rome said that its jets bombed the town.', 'bombed').denied).toBeFalsy();
    // A verb's own negation is its modality, not a denial of what it governs.
    expect(modalityOf('Rome did not hesitate to strike Paris.', 'strike').denied).toBeFalsy();
  });

  it('leaves an event noun to the control of the infinitive whose object it is', () => {
    const asked = modalityOf('Rome will ask the court to open an investigation into Paris.', 'investigation');
    expect(asked.controller).toMatchObject({ lemma: 'ask', kind: 'appeal' });
    const refused = modalityOf('Rome refused to hold talks with Paris.', 'talks');
    expect(refused.controller).toMatchObject({ lemma: 'refuse', kind: 'refuse' });
    expect(
      modalityOf('Rome opened an investigation into Paris.', 'investigation').controller,
    ).toBeUndefined();
  });

  it('takes a capitalised word inside a name in running text for no predicate', () => {
    const name = (text: string, word: string) => {
      const toks = tagRange(text, 0, text.length);
      return insideName(
        toks,
        toks.findIndex((t) => t.text === word),
      );
    };
    expect(
      name(
        'The agency said its Volatiles Investigating Polar Rover mission will fly to the moon in late 2022.',
        'Investigating',
      ),
    ).toBe(true);
    expect(name('The earbuds come with a Charging Case and a cable.', 'Charging')).toBe(true);
    expect(name('The minister Attacked the bill on Monday.', 'Attacked')).toBe(false);
    // A title-case headline keeps its verbs.
    expect(name('Rome Attacks Paris Over Trade Deal', 'Attacks')).toBe(false);
  });

  it('codes no act a sentence denies or only requests', () => {
    const denied = analyze(
      'The envoy said he had no knowledge of any effort to urge Kenya to investigate the minister.',
    );
    expect(denied.events.filter((e) => e.plover?.type === 'DEMAND' || e.plover?.type === 'REQUEST')).toEqual(
      [],
    );
    const asked = analyze('Kenya will ask the African Union to open an investigation into Uganda.').events;
    expect(asked.some((e) => e.plover?.type === 'INVESTIGATE')).toBe(false);
  });
});

describe('the subject of an active verb by word order (roles.ts)', () => {
  it('takes the actor right before the verb over one of an earlier clause', () => {
    const e = analyze(
      'France could not keep the staff that Germany hired in May, and Germany refused to pay them.',
    ).events.find((x) => x.trigger.text === 'refused');
    expect(e?.sourceText).toBe('Germany');
  });

  it('gives a second predicate without a subject the subject of the first, not its object', () => {
    const e = analyze(
      'On Friday, Italy summoned an envoy, Marco Bianchi, and urged him to leave the country.',
    ).events.find((x) => x.trigger.text === 'urged');
    expect(e?.sourceText).toBe('Italy');
  });

  it('takes no object of a verb or a preposition, nor a later conjunct, for the subject', () => {
    const declined = analyze('Several lawmakers supporting Sanders declined to comment.').events.find(
      (x) => x.trigger.text === 'declined',
    );
    expect(declined?.sourceText).toBe('Several lawmakers');
    const called = analyze(
      'Athletes were banned after the World Anti-Doping Agency and 14 national anti-doping organizations called for the ban.',
    ).events.find((x) => x.trigger.text === 'called');
    expect(called?.sourceText).toContain('World Anti-Doping Agency');
  });

  it('keeps a conjoined subject whole', () => {
    const e = analyze('The United States and Jordan agreed on a pact.').events[0];
    expect(e?.sourceText).toBe('The United States and Jordan');
  });
});

describe('received and avoided acts in the coder', () => {
  it('never makes the subject of "faced criticism" the critic', () => {
    const events = analyze('The United States faced sharp criticism from Egypt on Tuesday.').events;
    for (const e of events.filter((x) => x.trigger.text === 'criticism')) {
      expect(e.sourceText).toBe('Egypt');
      expect(e.targetText).toBe('The United States');
    }
    expect(events.some((e) => e.sourceText === 'The United States')).toBe(false);
  });

  it('makes the giver of praise won the source, and an inquiry one is under no act of its own', () => {
    const praise = analyze('Germany won praise from France on Tuesday.').events;
    expect(praise.map((e) => [e.trigger.text, e.sourceText, e.targetText])).toEqual([
      ['praise', 'France', 'Germany'],
    ]);
    const inquiry = analyze('The Italian government is under investigation for fraud.').events;
    expect(inquiry.some((e) => (e.sourceText ?? '').includes('government'))).toBe(false);
  });

  it('codes the acts of Theresa May and of May, the month, as done', () => {
    const held = analyze(
      'Prime Minister Theresa May has held talks with the Irish premier Leo Varadkar in London.',
    );
    expect(held.events.map((e) => [e.sourceText, e.plover?.type])).toContainEqual([
      'Prime Minister Theresa May',
      'CONSULT',
    ]);
    const attacked = analyze('In May the Syrian army attacked the rebels near Idlib.');
    expect(attacked.events.map((e) => e.plover?.type)).not.toContain('THREATEN');
  });

  it('codes no avoided or counterfactual act', () => {
    const text =
      'Germany avoided direct criticism of Turkey. France would have objected to the deal with Iran.';
    expect(analyze(text).events).toEqual([]);
  });
});

describe('a source inside a relative clause the trigger follows', () => {
  const prepared = (text: string) => {
    const a = analyze(text);
    const actors = new Map(a.actors.map((x) => [x.id, x]));
    return prepareSentence(text, { start: 0, end: text.length }, a.mentions, actors);
  };
  const decodedAt = (s: ReturnType<typeof prepared>, trigger: string, source: string): Decoded => {
    const c = s.candidates.find((x) => s.toks[x.i]!.text === trigger)!;
    const at = s.toks.findIndex((t) => t.text === source);
    return { c, type: 'ACCUSE', margin: 1, source: [at, at + 1] };
  };
  const words = (s: ReturnType<typeof prepared>, d: Decoded) =>
    d.source &&
    s.toks
      .slice(d.source[0], d.source[1])
      .map((t) => t.text)
      .join(' ');

  it('is moved to the clause antecedent', () => {
    const s = prepared('The minister, who met Putin in Moscow, condemned Iran.');
    const d = decodedAt(s, 'condemned', 'Putin');
    relativeClauseSource(s, d);
    expect(words(s, d)).toBe('The minister');
  });

  it("is the antecedent when the trigger is the subject pronoun's second predicate", () => {
    const s = prepared('The ministry, which called Russia biased and has rejected Ukraine, met today.');
    const d = decodedAt(s, 'rejected', 'Russia');
    relativeClauseSource(s, d);
    expect(words(s, d)).toContain('ministry');
  });

  it('stays when the trigger is inside the clause or there is no clause', () => {
    const inside = prepared('The minister, who met Putin in Moscow, condemned Iran.');
    const d = decodedAt(inside, 'met', 'minister');
    relativeClauseSource(inside, d);
    expect(words(inside, d)).toBe('minister');
    const plain = prepared('Putin met the minister in Moscow and condemned Iran.');
    const e = decodedAt(plain, 'condemned', 'Putin');
    relativeClauseSource(plain, e);
    expect(words(plain, e)).toBe('Putin');
  });
});

describe('a statement verb after what it reports', () => {
  it('states only the speech: its speaker follows it, not an object', () => {
    const text = 'The deal is dead, said an envoy in the probe.';
    const toks = prepareSentence(text, { start: 0, end: text.length }, [], new Map());
    expect(
      invertedReport(
        toks,
        toks.toks.findIndex((t) => t.text === 'said'),
      ),
    ).toBe(true);
    const plain = 'The envoy said the probe was over.';
    const p = prepareSentence(plain, { start: 0, end: plain.length }, [], new Map());
    expect(
      invertedReport(
        p,
        p.toks.findIndex((t) => t.text === 'said'),
      ),
    ).toBe(false);
  });
});

describe('self-directed pairs', () => {
  const ev = (source: [string, string], target: [string, string]) =>
    ({
      source: { code: source[0], text: source[1], start: 0, end: 1 },
      target: { code: target[0], text: target[1], start: 0, end: 1 },
      sourceText: source[1],
      targetText: target[1],
    }) as unknown as Event;

  it('drops an actor named twice as its own source and target', () => {
    expect(
      selfDirected(ev(['USAELI', 'former Vice President Biden'], ['USAELI', 'former Vice President'])),
    ).toBe(true);
  });

  it('keeps two actors of one code, and words that only share letters', () => {
    expect(selfDirected(ev(['USAGOV', 'the president'], ['USAGOV', 'the attorney general']))).toBe(false);
    expect(selfDirected(ev(['ISR', 'Israeli'], ['ISR', 'Israel']))).toBe(false);
    expect(selfDirected(ev(['', 'A group'], ['', 'a']))).toBe(false);
  });
});

describe('a statement of obligation', () => {
  const obligationAt = (text: string, word: string) => {
    const toks = tagRange(text, 0, text.length);
    return reportedObligation(
      { toks },
      toks.findIndex((t) => t.text === word),
    );
  };
  it('demands the act after "said … must", and reads only the words it lists', () => {
    expect(obligationAt('Russia said Israel must end the attacks.', 'end')?.kind).toBe('demand');
    // A word that names a property of every JavaScript object is no obligation modal.
    expect(obligationAt('Officials said the constructor halted the works.', 'halted')).toBeUndefined();
    expect(obligationAt('Officials said the toString stopped the works.', 'stopped')).toBeUndefined();
  });
});

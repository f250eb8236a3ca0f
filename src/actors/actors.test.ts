import { describe, expect, it } from 'vitest';
import type { Actor, Analysis, Mention } from '../model/index.js';
import { resolveActors } from './resolve.js';
import { fixtureKb } from './__fixtures__/kb.js';
import { docWith } from './__fixtures__/doc.js';
import type { EntityType } from '../model/index.js';

const kb = fixtureKb();

function run(text: string, names: Array<[string, EntityType]>, published?: string) {
  const doc = docWith(text, names, published ? { published } : {});
  const out = resolveActors(doc, kb);
  const mention = (surface: string, nth = 0): Mention => {
    const found = out.mentions.filter((m) => m.text === surface);
    if (!found[nth])
      throw new Error(`no mention "${surface}" in ${JSON.stringify(out.mentions.map((m) => m.text))}`);
    return found[nth];
  };
  const actorOf = (m: Mention): Actor => out.actors.find((a) => a.id === m.actor)!;
  const actor = (name: string): Actor => {
    const a = out.actors.find((x) => x.name === name);
    if (!a) throw new Error(`no actor "${name}" in ${JSON.stringify(out.actors.map((x) => x.name))}`);
    return a;
  };
  return { ...out, mention, actorOf, actor, text };
}

function expectSpansSlice(out: Pick<Analysis, 'mentions'>, text: string): void {
  for (const m of out.mentions) {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    if (m.head) expect(text.slice(m.head.start, m.head.end)).toBe(m.head.text);
    if (m.title) expect(text.slice(m.title.start, m.title.end)).toBe(m.title.text);
  }
}

describe('type refinement', () => {
  it('makes countries GPE, demonyms NORP linked to their country, KB organisations ORG', () => {
    const r = run('Ukrainian forces held. Ukraine asked NATO for help.', [
      ['Ukrainian', 'MISC'],
      ['Ukraine', 'LOC'],
      ['NATO', 'ORG'],
    ]);
    expect(r.mention('Ukraine').type).toBe('GPE');
    expect(r.mention('Ukrainian')).toMatchObject({ type: 'NORP', kind: 'demonym' });
    expect(r.actorOf(r.mention('Ukrainian'))).toBe(r.actorOf(r.mention('Ukraine')));
    expect(r.actorOf(r.mention('Ukraine'))).toMatchObject({
      name: 'Ukraine',
      type: 'GPE',
      cameo: 'UKR',
      kb: 'UKR',
    });
    expect(r.actorOf(r.mention('NATO'))).toMatchObject({ type: 'ORG', kb: 'NATO', cameo: 'IGOWSTNAT' });
  });

  it('finds KB names NER missed, but not "us" the pronoun', () => {
    const r = run('Russia warned us. The Kremlin said the US was wrong.', []);
    expect(r.mention('Russia').type).toBe('GPE');
    expect(r.mention('US').type).toBe('GPE');
    expect(r.mentions.some((m) => m.text === 'us')).toBe(false);
    expect(r.actorOf(r.mention('Kremlin'))).toMatchObject({ type: 'ORG', cameo: 'RUSGOV' });
  });
});

describe('titled mentions', () => {
  it('extends a person name over title and affiliation, with head and title spans', () => {
    const text = 'NATO Secretary General Mark Rutte has expressed support.';
    const r = run(text, [
      ['NATO', 'ORG'],
      ['Mark Rutte', 'PERSON'],
    ]);
    const m = r.mention('NATO Secretary General Mark Rutte');
    expect(m).toMatchObject({ start: 0, end: 33, kind: 'titled-name', type: 'PERSON' });
    expect(m.head?.text).toBe('Mark Rutte');
    expect(m.title?.text).toBe('Secretary General');
    const a = r.actorOf(m);
    expect(a).toMatchObject({ name: 'Mark Rutte', cameo: 'IGOWSTNAT' });
    expect(a.roles.find((x) => x.source === 'text')).toMatchObject({
      title: 'Secretary General',
      affiliation: 'NATO',
      affiliationCode: 'IGOWSTNAT',
    });
    expectSpansSlice(r, text);
  });

  it('codes the US Secretary of State USAGOV and a Ukrainian MP UKRLEG from the text alone', () => {
    const text = 'US Secretary of State Jane Roe met Ukrainian MP Petro Ivanenko.';
    const r = run(text, [
      ['Jane Roe', 'PERSON'],
      ['Petro Ivanenko', 'PERSON'],
    ]);
    expect(r.actorOf(r.mention('US Secretary of State Jane Roe')).cameo).toBe('USAGOV');
    const mp = r.actorOf(r.mention('Ukrainian MP Petro Ivanenko'));
    expect(mp.cameo).toBe('UKRLEG');
    expect(mp.roles[0]).toMatchObject({ title: 'MP', affiliation: 'Ukraine', agent: 'LEG', source: 'text' });
  });

  it('codes President Zelenskyy UKRGOV through the KB though the sentence never says Ukraine', () => {
    const r = run('He said President Volodymyr Zelenskyy should talk.', [['Volodymyr Zelenskyy', 'PERSON']]);
    const a = r.actorOf(r.mention('President Volodymyr Zelenskyy'));
    expect(a.cameo).toBe('UKRGOV');
    expect(a.roles.find((x) => x.source === 'kb')).toMatchObject({
      title: 'President',
      affiliation: 'Ukraine',
    });
  });

  it('splits a title NER left inside the name ("President Trump" as one PERSON)', () => {
    const r = run('Meanwhile, President Trump spoke.', [['President Trump', 'PERSON']], '2025-04-03');
    const m = r.mention('President Trump');
    expect(m.head?.text).toBe('Trump');
    expect(r.actorOf(m)).toMatchObject({ name: 'Donald Trump', cameo: 'USAGOV', kb: 'donald-trump' });
  });

  it('retypes a titled name NER typed ORG, and a surname it typed ORG, as the person', () => {
    const text = 'NATO Secretary General Mark Rutte spoke. Rutte smiled.';
    const r = run(text, [
      ['NATO Secretary General Mark Rutte', 'ORG'],
      ['Rutte', 'ORG'],
    ]);
    const m = r.mention('NATO Secretary General Mark Rutte');
    expect(m).toMatchObject({ type: 'PERSON', kind: 'titled-name' });
    expect(m.head?.text).toBe('Mark Rutte');
    expect(m.title?.text).toBe('Secretary General');
    expect(r.actorOf(r.mention('Rutte'))).toBe(r.actorOf(m));
  });

  it('makes "the U.S. Attorney\'s Office" one organisation, however NER typed or split it', () => {
    const text = 'The man pleaded guilty, the U.S. Attorney’s Office said. He faces a year.';
    const variants = [
      [['U.S. Attorney’s Office', 'ORG']],
      [['U.S. Attorney’s Office', 'PERSON']],
      [['Office', 'PERSON']],
    ] as const;
    for (const names of variants) {
      const r = run(
        text,
        names.map(([n, t]) => [n, t] as [string, EntityType]),
      );
      expect(r.actors.map((a) => `${a.name}/${a.type}`)).toEqual(['U.S. Attorney’s Office/ORG']);
      expectSpansSlice(r, text);
    }
    // Without capitalised owner words the institution word alone names no one.
    expect(run('He called the attorney’s Office twice.', [['Office', 'PERSON']]).actors).toEqual([]);
  });

  it('takes no actor from a place NER typed PERSON in "a Denver man", unless a full name gives it', () => {
    expect(run('A Tulsa man was arrested. He said nothing.', [['Tulsa', 'PERSON']]).actors).toEqual([]);
    const r = run('Ann Pryce left. A Pryce aide said she was ill.', [
      ['Ann Pryce', 'PERSON'],
      ['Pryce', 'PERSON'],
    ]);
    expect(r.actorOf(r.mention('Pryce'))).toBe(r.actorOf(r.mention('Ann Pryce')));
  });

  it('keeps one person for "[unknown firm] President Dana Kessler" and a later "Kessler"', () => {
    const text = 'Sales rose, said Brightline President Dana Kessler. Kessler smiled.';
    for (const type of ['MISC', 'ORG', 'PERSON'] as const) {
      const r = run(text, [
        ['Brightline President Dana Kessler', type],
        ['Kessler', 'PERSON'],
      ]);
      expect(r.actors.map((a) => `${a.name}/${a.type}`)).toEqual(['Dana Kessler/PERSON']);
      expect(r.mention('Brightline President Dana Kessler').head?.text).toBe('Dana Kessler');
    }
  });

  it('reads the role of an appositive', () => {
    const text = 'Jane Roe, the US secretary of state, said talks would go on.';
    const r = run(text, [['Jane Roe', 'PERSON']]);
    const app = r.mention('the US secretary of state');
    expect(app.kind).toBe('description');
    const a = r.actorOf(r.mention('Jane Roe'));
    expect(r.actorOf(app)).toBe(a);
    expect(a.cameo).toBe('USAGOV');
    expect(a.roles[0]).toMatchObject({ title: 'Secretary of State', affiliation: 'United States' });
  });
});

describe('coreference', () => {
  it('links a surname to the full name and descriptions to the title holder', () => {
    const text =
      'NATO chief backs US president. NATO Secretary General Mark Rutte met US President Donald Trump. Rutte smiled.';
    const r = run(text, [
      ['NATO', 'ORG'],
      ['US', 'LOC'],
      ['Mark Rutte', 'PERSON'],
      ['Donald Trump', 'PERSON'],
      ['Rutte', 'PERSON'],
    ]);
    const rutte = r.actorOf(r.mention('NATO Secretary General Mark Rutte'));
    const trump = r.actorOf(r.mention('US President Donald Trump'));
    expect(r.actorOf(r.mention('Rutte', 0))).toBe(rutte);
    expect(r.actorOf(r.mention('NATO chief'))).toBe(rutte);
    expect(r.actorOf(r.mention('US president'))).toBe(trump);
    expect(r.mention('NATO chief').kind).toBe('description');
  });

  it('gives a surname alone to the bearer introduced first, not to a relative named since', () => {
    const text =
      'Maria Castellano toured the plant on Monday. Her husband, Tomas Castellano, stayed home. ' +
      'Castellano said the plan would create jobs.';
    const r = run(text, [
      ['Maria Castellano', 'PERSON'],
      ['Tomas Castellano', 'PERSON'],
      ['Castellano', 'PERSON'],
    ]);
    expect(r.actorOf(r.mention('Castellano')).name).toBe('Maria Castellano');
  });

  it('passes over a word the NER glued to the surname when choosing the bearer', () => {
    const text =
      'Debating Castellano. Maria Castellano toured the plant on Monday. Her husband, Tomas Castellano, ' +
      'stayed home. Castellano said the plan would create jobs.';
    const r = run(text, [
      ['Debating Castellano', 'PERSON'],
      ['Maria Castellano', 'PERSON'],
      ['Tomas Castellano', 'PERSON'],
      ['Castellano', 'PERSON'],
    ]);
    expect(r.actorOf(r.mention('Castellano')).name).toBe('Maria Castellano');
  });

  it('passes over an auxiliary the NER glued to the surname, though it is a first name too ("Will")', () => {
    const text =
      'Will Castellano Give Up? Maria Castellano toured the plant on Monday. Her husband, Tomas ' +
      'Castellano, stayed home. Castellano said the plan would create jobs.';
    const r = run(text, [
      ['Will Castellano', 'PERSON'],
      ['Maria Castellano', 'PERSON'],
      ['Tomas Castellano', 'PERSON'],
      ['Castellano', 'PERSON'],
    ]);
    expect(r.actorOf(r.mention('Castellano')).name).toBe('Maria Castellano');
  });

  it('gives an honorific the NER tagged alone ("Mrs" of "Mrs. Castellano") to nobody, not to a glued name', () => {
    const text =
      'Mr. and Mrs. Castellano were not invited. Later, Mrs. Castellano said the party was private.';
    const r = run(text, [
      ['Mr. and Mrs', 'PERSON'],
      ['Castellano', 'PERSON'],
      ['Mrs', 'PERSON'],
    ]);
    const alone = r.mentions.filter((m) => m.text === 'Mrs');
    expect(alone.length).toBeGreaterThan(0);
    for (const m of alone) expect(m.actor).toBeUndefined();
  });

  it('gives a surname the KB knows to the bearer the article introduced first, unless titled', () => {
    const text =
      'Olena Zelensky opened a school on Monday. Zelensky said the pupils were happy. Her husband, ' +
      'Volodymyr Zelensky, did not attend. President Zelensky praised the school.';
    const r = run(
      text,
      [
        ['Olena Zelensky', 'PERSON'],
        ['Volodymyr Zelensky', 'PERSON'],
        ['Zelensky', 'PERSON'],
      ],
      '2025-06-01',
    );
    expect(r.actorOf(r.mention('Zelensky')).name).toBe('Olena Zelensky');
    const titled = r.mentions.find((m) => m.text.endsWith('President Zelensky'));
    expect(titled && r.actorOf(titled).name).toBe('Volodymyr Zelenskyy');
  });

  it('still gives the KB person a surname that comes before any other bearer is introduced', () => {
    const text =
      'Zelensky said the school would open. His wife Olena Zelensky runs it. Zelensky praised her.';
    const r = run(
      text,
      [
        ['Olena Zelensky', 'PERSON'],
        ['Zelensky', 'PERSON'],
      ],
      '2025-06-01',
    );
    expect(r.actorOf(r.mention('Zelensky')).name).toBe('Volodymyr Zelenskyy');
    expect(r.actorOf(r.mention('Zelensky', 1)).name).toBe('Volodymyr Zelenskyy');
  });

  it('gives "his" the possessor of the same noun before it ("Kestrel\'s proposals … his proposal")', () => {
    const text =
      "Tom Ryder met Paul Kestrel on Thursday. Ryder criticised some of Kestrel's proposals, in " +
      'particular his proposal for a new tax.';
    const r = run(text, [
      ['Tom Ryder', 'PERSON'],
      ['Paul Kestrel', 'PERSON'],
      ['Ryder', 'PERSON'],
      ['Kestrel', 'PERSON'],
    ]);
    expect(r.actorOf(r.mention('his'))?.name).toBe('Paul Kestrel');
  });

  it('leaves "his" unresolved between the subject and a possessor after it', () => {
    const text =
      "Tom Ryder met Paul Kestrel on Thursday. Ryder praised Kestrel's leadership and his ability.";
    const r = run(text, [
      ['Tom Ryder', 'PERSON'],
      ['Paul Kestrel', 'PERSON'],
      ['Ryder', 'PERSON'],
      ['Kestrel', 'PERSON'],
    ]);
    expect(r.mention('his').actor).toBeUndefined();
  });

  it('resolves "the president" to the president at the publication date', () => {
    const text = 'The United States said on Monday that the president would travel.';
    const at = (date: string) => {
      const r = run(text, [['United States', 'GPE']], date);
      return r.actorOf(r.mention('the president'))?.name;
    };
    expect(at('2018-06-01')).toBe('Donald Trump');
    expect(at('2022-06-01')).toBe('Joe Biden');
    expect(at('2025-04-03')).toBe('Donald Trump');
  });

  it('is time-aware for KB codes: Trump is USAGOV in 2018 and 2025, a former president (USAELI) in 2022', () => {
    const code = (date: string) => {
      const r = run('President Trump spoke.', [['Trump', 'PERSON']], date);
      return r.actorOf(r.mention('President Trump')).cameo;
    };
    expect(code('2018-06-01')).toBe('USAGOV');
    expect(code('2022-06-01')).toBe('USAELI');
    expect(code('2025-04-03')).toBe('USAGOV');
  });

  it('links pronouns to the nearest person before them, but not from inside a quotation', () => {
    const text = 'Mark Rutte arrived. He said, “I think he does,” and left with his aides.';
    const r = run(text, [['Mark Rutte', 'PERSON']]);
    const rutte = r.actorOf(r.mention('Mark Rutte'));
    expect(r.actorOf(r.mention('He'))).toBe(rutte);
    expect(r.actorOf(r.mention('his'))).toBe(rutte);
    expect(r.mentions.some((m) => m.text === 'he')).toBe(false);
  });

  it("reads the text stage's quotations: a left mark used to close ends the quotation", () => {
    // The quotation closes at 'not,“', so "he" is the writer's and names the minister.
    const text = 'Mark Rutte spoke. “Apparently not,“ he said.';
    const r = run(text, [['Mark Rutte', 'PERSON']]);
    expect(r.actorOf(r.mention('he'))).toBe(r.actorOf(r.mention('Mark Rutte')));
  });

  it('takes the words after an unclosed opening mark as quoted, up to the paragraph end', () => {
    const text = 'Mark Rutte spoke.\n\n“The plan is sound and he will see it.\n\nHe left.';
    const r = run(text, [['Mark Rutte', 'PERSON']]);
    expect(r.mentions.some((m) => m.text === 'he')).toBe(false);
    expect(r.actorOf(r.mention('He'))).toBe(r.actorOf(r.mention('Mark Rutte')));
  });

  it('codes group nouns with a demonym and keeps one actor per group', () => {
    const text = 'Ukrainian officials said Russian troops advanced. Later, Russian troops withdrew.';
    const r = run(text, [
      ['Ukrainian', 'MISC'],
      ['Russian', 'MISC'],
    ]);
    expect(r.actorOf(r.mention('Ukrainian officials')).cameo).toBe('UKRGOV');
    const troops = r.actorOf(r.mention('Russian troops', 0));
    expect(troops.cameo).toBe('RUSMIL');
    expect(r.actorOf(r.mention('Russian troops', 1))).toBe(troops);
  });

  it('links "the ministry" to the ministry named before', () => {
    const r = run('The Russian Foreign Ministry protested. The ministry said more.', [
      ['Russian Foreign Ministry', 'ORG'],
    ]);
    expect(r.actorOf(r.mention('The ministry'))).toBe(r.actorOf(r.mention('Russian Foreign Ministry')));
  });
});

describe('bad input', () => {
  it('handles all-caps text gracefully', () => {
    const text = 'NATO SECRETARY GENERAL MARK RUTTE MET PRESIDENT DONALD TRUMP IN THE UNITED STATES.';
    const r = run(text, [
      ['MARK RUTTE', 'PERSON'],
      ['DONALD TRUMP', 'PERSON'],
    ]);
    expectSpansSlice(r, text);
    expect(r.actorOf(r.mention('NATO SECRETARY GENERAL MARK RUTTE')).cameo).toBe('IGOWSTNAT');
    expect(r.mention('UNITED STATES').type).toBe('GPE');
  });

  it('handles text without capitals: no names invented', () => {
    const r = run('the president said the talks went well and he was pleased.', []);
    expect(r.actors.filter((a) => a.type === 'PERSON' && a.kb === undefined)).toEqual([]);
    expectSpansSlice(r, r.text);
  });

  it('handles diacritics and apostrophes', () => {
    const text =
      "Zelenskiy met Sergei Lavrov. Lavrov's aide and Mary O'Neill listened; O’Neill spoke to Zelenskyy.";
    const r = run(text, [
      ['Zelenskiy', 'PERSON'],
      ['Sergei Lavrov', 'PERSON'],
      ['Lavrov', 'PERSON'],
      ["Mary O'Neill", 'PERSON'],
      ['O’Neill', 'PERSON'],
      ['Zelenskyy', 'PERSON'],
    ]);
    expectSpansSlice(r, text);
    expect(r.actorOf(r.mention('Zelenskiy'))).toBe(r.actorOf(r.mention('Zelenskyy')));
    expect(r.actorOf(r.mention('Lavrov'))).toMatchObject({ name: 'Sergey Lavrov', cameo: 'RUSGOV' });
    expect(r.actorOf(r.mention('O’Neill'))).toBe(r.actorOf(r.mention("Mary O'Neill")));
  });

  it('handles mixed scripts and mentions with broken spans without crashing', () => {
    const text = 'Президент Зеленский and 习近平 met Ukraine officials.';
    const doc = docWith(text, [
      ['Зеленский', 'PERSON'],
      ['习近平', 'PERSON'],
    ]);
    const broken = [
      ...doc.mentions,
      { id: 'x', start: 40, end: 9999, text: '?', type: 'PERSON' as const, kind: 'name' as const },
    ];
    const out = resolveActors({ ...doc, mentions: broken }, kb);
    expectSpansSlice(out, text);
    expect(out.messages.some((m) => m.origin === 'actors:bad-mention')).toBe(true);
    expect(out.actors.some((a) => a.name === 'Зеленский')).toBe(true);
  });

  it('stays linear on 100,000 names in one document', () => {
    const make = (n: number) => {
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push(`Minister Ann${i % 997} Lee${i} met Lee${i}.`);
      return parts.join(' ');
    };
    const time = (n: number) => {
      const text = make(n);
      const doc = docWith(text, []);
      // Hand-made mentions for every name, built directly (indexOf per name would be quadratic).
      const mentions: Mention[] = [];
      const re = /Ann\d+ Lee\d+|Lee\d+(?=\.)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null)
        mentions.push({
          id: `n${mentions.length}`,
          start: m.index,
          end: m.index + m[0].length,
          text: m[0],
          type: 'PERSON',
          kind: 'name',
        });
      const t0 = performance.now();
      const out = resolveActors({ ...doc, mentions }, kb);
      const ms = performance.now() - t0;
      expect(out.actors.length).toBe(n);
      return ms;
    };
    // The growth, not a wall-clock limit, is the check: ten times the names may cost at most 30 times
    // the time (quadratic work would cost about 100), whatever else the machine is running.
    const small = time(10_000);
    const large = time(100_000);
    expect(large / small).toBeLessThan(30);
  }, 180_000);
});

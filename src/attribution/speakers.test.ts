import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/index.js';
import type { Analysis } from '../model/index.js';
import { docWith } from '../actors/__fixtures__/doc.js';
import { fixtureKb } from '../actors/__fixtures__/kb.js';
import { resolveActors } from '../actors/resolve.js';
import { findAttributions } from './index.js';

/*
 * Who statements are credited to, through the whole pipeline. Each case is a short text of our own
 * built on an error read on real 2019 news pages: a quote credited to the wrong person, a relay not
 * found, a cue that reports no speech. Precision first: where the text does not say who spoke, no
 * name is the right answer.
 */

const run = (text: string, published = '2019-11-20'): Analysis => analyze(text, { published });
const speakerOf = (a: Analysis, cue: string, nth = 0): string | null | undefined => {
  const found = a.attributions.filter((x) => x.cue?.text === cue)[nth];
  if (!found) return undefined;
  const id = found.source?.actor;
  return id && !found.source?.unnamed ? (a.actors.find((x) => x.id === id)?.name ?? null) : null;
};

describe('speakers: never the wrong person', () => {
  it('keeps a pronoun after a quoted economist off the president named before him', () => {
    const a = run(
      'President Trump praised the agreement on Monday. An economist at Cornell who studies China was less sure. ' +
        '"Trade will be more uncertain and volatile," he said.',
    );
    expect(speakerOf(a, 'said')).not.toBe('Donald Trump');
  });

  it('does not make the head of a lobby who urges the president into the president', () => {
    const a = run(
      'The head of the farm lobby said prices were falling. He urged Mr. Trump to make a deal before winter.',
    );
    expect(speakerOf(a, 'urged')).not.toBe('Donald Trump');
    for (const e of a.events) if (e.source?.actor) expect(e.source.actor).not.toBe(e.target?.actor);
  });

  it('credits "X of <place>, who said" to the person, never to the place', () => {
    const a = run(
      'Democrats praised Governor Andrew Cuomo of New York, who said the state would sue. ' +
        'The ruling was a blow to workers in Ohio, who said they would strike.',
    );
    expect(speakerOf(a, 'said')).toBe('Andrew Cuomo');
    expect(speakerOf(a, 'said', 1)).not.toBe('Ohio');
  });

  it('reads an acronym source ("says WHO") as the organisation, never as the pronoun "who"', () => {
    const a = run(
      'The World Health Organization (WHO) tracks plague cases around the globe. ' +
        'Untreated pneumonic plague is "always fatal", says WHO. There were 584 deaths, according to WHO.',
    );
    expect(speakerOf(a, 'says')).toBe('World Health Organization');
    expect(speakerOf(a, 'according to')).toBe('World Health Organization');
  });

  it('credits "the Russian FSB said" to the agency, not to the country its demonym names', () => {
    const a = run('Officials in Moscow met on Monday. The Russian FSB said it had arrested three men.');
    expect(speakerOf(a, 'said')).not.toBe('Russia');
    expect(speakerOf(a, 'said')).toBe('Federal Security Service');
  });

  it('never credits the object of a relative clause ("an official who supports Trump, said")', () => {
    const a = run(
      'Donald Trump raised $80 million in July. "The donors deserve answers," said a longtime party ' +
        'official who supports Trump, asking for anonymity. The plan faces a long road in Congress. ' +
        'Smith, who advises Kasich, is no fan of Trump but praised his choice of a campaign chief.',
    );
    expect(speakerOf(a, 'said')).not.toBe('Donald Trump');
    expect(speakerOf(a, 'praised')).toBe('Smith');
  });

  it('credits "Name, who heads Org, a group that <cue>" to the organisation, and "said Name, …" still to the person', () => {
    const a = run(
      'Rents have also climbed after years of slow building in recent decades, said Clara Weiss, who heads the Harbor Tenants Union, a group that has criticised some of the mayor’s housing decisions.',
    );
    expect(speakerOf(a, 'said')).toBe('Clara Weiss');
    expect(speakerOf(a, 'has criticised')).toBe('Harbor Tenants Union');
  });

  it('leaves "the president" unresolved when two presidents were just named', () => {
    const a = run(
      'President Trump spoke to farmers in Iowa on Monday. He later phoned President Xi Jinping of China. ' +
        'The president announced the first phase of the trade deal on Friday.',
    );
    expect(speakerOf(a, 'announced')).not.toBe('Xi Jinping');
  });

  it("does not credit a defence lawyer's words to the defendant", () => {
    const a = run(
      'Jeffrey Epstein died in a jail cell in August. A lawyer for his family questioned the findings. ' +
        '"There are no coincidences here," he said.',
    );
    expect(speakerOf(a, 'said')).not.toBe('Jeffrey Epstein');
  });

  it('credits an ambassador, not the country he is accredited to', () => {
    const a = run(
      "Britain was accused of meddling by China's ambassador to Britain, Liu Xiaoming. " +
        "China's ambassador said London should stop interfering.",
    );
    expect(speakerOf(a, 'said')).toBe('Liu Xiaoming');
  });

  it('keeps the speaker of a run of quotations for "he said" after a quotation', () => {
    const a = run(
      'Tim Morrison told the committee that he had feared the call would leak. "My fears have been realized," he said. ' +
        'Morrison met Gordon Sondland in July. "Every day we lose focus on the war," he warned.',
    );
    expect(speakerOf(a, 'warned')).toBe('Tim Morrison');
  });

  it('gives every coordinated speaker the statement', () => {
    const a = run(
      'Kurt Volker and Tim Morrison testified. Volker and Morrison said that the call was not unusual.',
    );
    const said = a.attributions.find((x) => x.cue?.text === 'said');
    const names = (said?.source?.actors ?? []).map((id) => a.actors.find((x) => x.id === id)?.name);
    expect(names).toEqual(['Kurt Volker', 'Tim Morrison']);
  });

  it('credits "X, Y and Z are among the firms that said" to each of them, not to a fronted clause or a pronoun', () => {
    const a = run(
      'Prices rose again in March. In the meantime, Nestlé, Heinz and the toymaker Hasbro are among ' +
        'the firms that said they raised prices. After Trump spoke, Ford was among the firms that said ' +
        'they would wait. She was one of two women who said they would vote.',
    );
    const said = a.attributions.find((x) => x.cue?.text === 'said');
    const names = (said?.source?.actors ?? []).map((id) => a.actors.find((x) => x.id === id)?.name);
    expect(names).toEqual(['Nestlé', 'Heinz', 'Hasbro']);
    expect(speakerOf(a, 'said', 1)).toBeNull();
    expect(speakerOf(a, 'said', 2)).toBeNull();
  });

  it('never takes the state that ends a locative for the speaker', () => {
    const a = run(
      'The probe will launch in 2024. "Water is hard to find beyond Earth," study author Maria Lopez, a ' +
        'chemist at the Jet Propulsion Laboratory in Pasadena, California, and Caltech in Los Angeles, ' +
        'California, said in a statement. Officials in Austin, Texas, said the roads were closed.',
    );
    expect(speakerOf(a, 'said in a statement')).toBe('Maria Lopez');
    expect(speakerOf(a, 'said')).toBeNull();
  });

  it('takes the person, not the employer, from "Name, title of Organisation"', () => {
    const a = run(
      '"Demand will recover," said Michael Sims, chief executive of Ceres Robotics. ' +
        'Avi Bell, a senior fellow at the Kohelet Policy Forum, said the ruling was lawful.',
    );
    expect(speakerOf(a, 'said', 0)).toBe('Michael Sims');
    expect(speakerOf(a, 'said', 1)).toBe('Avi Bell');
  });

  it('does not count a possessor after the subject as a rival for "he"', () => {
    const a = run(
      "Mark Carlin was arrested for a phone call to Roe's office, in which he said he would hurt her.",
    );
    expect(speakerOf(a, 'said')).toBe('Mark Carlin');
  });

  it('gives a person whose name tells no gender the gender of a pronoun already resolved to him', () => {
    const a = run(
      'Quill Benton runs the firm in Ohio. He spoke to the board on Monday. ' +
        'Benton praised Maria Lopez, the new manager. She said the firm would grow.',
    );
    expect(speakerOf(a, 'said')).toBe('Maria Lopez');
  });

  it('never gives "she" a person an earlier "he" of the quotations already made a man', () => {
    const a = run(
      'The director Charlie Dowd noticed it first. “She came home and bought a drum kit,” he said. ' +
        '“I had always liked music,” she said.',
    );
    expect(speakerOf(a, 'said', 0)).toBe('Charlie Dowd');
    expect(speakerOf(a, 'said', 1)).not.toBe('Charlie Dowd');
  });

  it('still leaves "he" open between a subject and an object of the same sentence', () => {
    const a = run('Tom Smith phoned Bill Jones on Monday, and he said the deal was dead.');
    expect(speakerOf(a, 'said')).toBeNull();
  });

  it('credits the person a campaign title names, not the candidate before the title', () => {
    const a = run(
      'Hillary Clinton toured Ohio on Tuesday. Clinton campaign spokesman Nick Merrill said the tour went well. ' +
        'Clinton Communications Director Jennifer Palmieri said the crowds were large.',
    );
    expect(speakerOf(a, 'said', 0)).toBe('Nick Merrill');
    expect(speakerOf(a, 'said', 1)).toBe('Jennifer Palmieri');
  });

  it('reads a name before a bare apostrophe and a noun as a possessor ("Sanders\' aides")', () => {
    const a = run("Bernie Sanders spoke in Iowa on Monday. Sanders' aides said the crowd was large.");
    expect(speakerOf(a, 'said')).not.toBe('Bernie Sanders');
  });

  it('credits the name after an honorific the NER tagged alone, not the honorific', () => {
    const text = 'Maria Castellano spoke on Monday. Mrs. Castellano said the plan would work.';
    const doc = docWith(text, [
      ['Maria Castellano', 'PERSON'],
      ['Mrs', 'PERSON'],
      ['Castellano', 'PERSON'],
    ]);
    const withActors = { ...doc, ...resolveActors(doc, fixtureKb()) };
    const a = { ...withActors, ...findAttributions(withActors) } as Analysis;
    expect(speakerOf(a, 'said')).toBe('Maria Castellano');
  });

  it('credits a name NER missed in one sentence to the actor its other mentions with that name belong to', () => {
    const text =
      'Kestrel Labs opened a new plant in Ohio on Monday. Kestrel Labs hired two hundred workers there. ' +
      '“We will hire two hundred more next year,” Kestrel Labs said in a statement.';
    const found = docWith(text, [['Kestrel Labs', 'ORG']]);
    // NER missed the last "Kestrel Labs".
    const missed = text.lastIndexOf('Kestrel Labs');
    const doc = { ...found, mentions: found.mentions.filter((m) => m.start !== missed) };
    const withActors = { ...doc, ...resolveActors(doc, fixtureKb()) };
    const a = { ...withActors, ...findAttributions(withActors) } as Analysis;
    expect(speakerOf(a, 'said in a statement')).toBe('Kestrel Labs');
  });

  it('names nobody for an unnamed group with a name inside it', () => {
    const a = run('Some Indiana protesters chanted that the governor had failed them.');
    const chanted = a.attributions.find((x) => x.cue?.text === 'chanted');
    expect(chanted && speakerOf(a, 'chanted')).toBeFalsy();
  });
});

describe('a second verb of saying shares its subject', () => {
  it('credits "X did this and said NAME had …" to X, not to the subject of the reported clause', () => {
    const a = run('Nomura cut its forecast and said Orbital had overpaid.');
    expect(speakerOf(a, 'said')).toBe('Nomura');
  });

  it('credits ", adding that …" to the name that opens the sentence', () => {
    const a = run(
      'The fund sold its shares. Goldline Capital cut its forecast on Monday, adding that rates would fall.',
    );
    expect(speakerOf(a, 'adding')).toBe('Goldline Capital');
  });

  it('looks past a fronted phrase for the subject', () => {
    const a = run(
      'In a recorded interview with the FBI, Mark Webb confessed to the theft, admitting that he had sold the car.',
    );
    expect(speakerOf(a, 'admitting')).toBe('Mark Webb');
  });

  it('gives "It … and said" the organisation that spoke before', () => {
    const a = run(
      'The Pentagon said two soldiers died on Monday. It did not name the soldiers and said the cause was under investigation.',
    );
    expect(speakerOf(a, 'said', 1)).toBe('Pentagon');
  });

  it('leaves it open when another name stands between the subject and the joined verb', () => {
    const a = run('Tom Hale said Anna Berg lied to the board and denied that the funds were missing.');
    expect(speakerOf(a, 'denied')).not.toBe('Tom Hale');
  });
});

describe('a document named before speaks for its issuer', () => {
  it('credits "the statement said" to whoever just spoke in a statement', () => {
    const a = run(
      'The Pentagon said in a statement that two soldiers died. "The cause is under investigation," the statement said.',
    );
    expect(speakerOf(a, 'said')).toBe('Pentagon');
  });

  it('credits "the letter says" to the senator who wrote one', () => {
    const a = run(
      'Senator Jane Roe wrote a letter to the agency on Monday. "We need answers," the letter says.',
    );
    expect(speakerOf(a, 'says')).toBe('Jane Roe');
  });

  it('names nobody for a letter nobody was said to send', () => {
    const a = run('Jane Roe spoke on Monday. "We need answers," the letter says.');
    expect(speakerOf(a, 'says')).toBeNull();
  });
});

describe('an unnamed spokesperson speaks for the organisation the text is about', () => {
  it('credits "A spokeswoman said" after a sentence about an agency to the agency, and "the spokeswoman" after it', () => {
    const a = run(
      'The Pentagon declined the offer on Monday. A spokeswoman who did not give her name said the plan was too costly. ' +
        '"It is not feasible," the spokeswoman said.',
    );
    expect(speakerOf(a, 'said', 0)).toBe('Pentagon');
    expect(speakerOf(a, 'said', 1)).toBe('Pentagon');
  });

  it('credits a spokesman described by a relative clause', () => {
    const a = run(
      'The Pentagon turned down the offer on Monday. A spokesman who did not wish to be named because of agency rules ' +
        'said in an email to Reuters that the plan was too costly.',
    );
    expect(speakerOf(a, 'said')).toBe('Pentagon');
  });

  it("never makes a person's spokesperson that person", () => {
    const a = run('Senator Jane Roe did not accept the offer. A spokesperson said the senator was busy.');
    expect(speakerOf(a, 'said')).toBeNull();
  });
});

describe('cues: only speech, thought and writing', () => {
  it.each([
    ['The group, also known as Daesh, claims the attack was revenge.', 'known'],
    ['The minister took the decision to close the border.', 'took the decision'],
    ['Police discovered that the car had been stolen.', 'discovered'],
    ['The governor failed to answer questions about the deal.', 'failed to answer'],
    ['The firm responded quickly to the outage on Friday.', 'responded quickly'],
    ['Reporters have not seen the actual text of the agreement.', 'text of'],
    ['The accused sex trafficker Jeffrey Epstein died in jail.', 'accused'],
    ['"We are not focused on the interests" mutually shared by Kenya and Chad, he warned.', 'shared'],
  ])('%s — no attribution on "%s"', (text, words) => {
    const a = run(text);
    expect(a.attributions.filter((x) => x.cue?.text.includes(words.split(' ')[0]))).toEqual([]);
  });
});

describe('a participle after a noun', () => {
  it('keeps a verb of saying with its agent ("the plan announced by …")', () => {
    const a = run('Arab states condemned the plan announced by Pompeo on Monday.');
    expect(a.attributions.map((x) => x.cue?.text)).toContain('announced');
  });
});

describe('signed posts', () => {
  it('credits an embedded post to the name signed under it with a handle', () => {
    const a = run(
      'The senator answered on Twitter.\n\nWe must apply compassion to criminal justice.\n' +
        'Who are we if we answer threats with threats? pic.twitter.com/abc\n\n' +
        '— Rep. Jane Roe (@janeroe) November 19, 2019\n\nThe judge did not reply.',
    );
    const post = a.attributions.find((x) => x.cue?.text === '—');
    expect(a.actors.find((x) => x.id === post?.source?.actor)?.name).toBe('Jane Roe');
    expect(post?.content.map((c) => c.text).join(' ')).toContain('We must apply compassion');
  });

  it('reads no signature into a dash before a name without a handle', () => {
    const a = run('The vote was close.\n\n— Jane Roe contributed reporting from Boston.');
    expect(a.attributions.filter((x) => x.cue?.text === '—')).toEqual([]);
  });
});

describe('relays', () => {
  it.each([
    ['The protest was peaceful, Ivan Petrov told Ruptly.', 'Ruptly'],
    ['Smith told AFP that the talks had failed.', 'Agence France-Presse'],
    ['Jane Green told Business Insider that the deal was dead.', 'Business Insider'],
    ['Jones told the BBC that he would resign.', 'BBC'],
    ['Jones said in an interview with the BBC that he would resign.', 'BBC'],
    ['The talks will resume next week, an aide told US media.', 'US media'],
  ])('%s → via %s', (text, outlet) => {
    const a = run(text);
    expect(a.attributions.flatMap((x) => x.via.map((v) => v.outlet))).toContain(outlet);
  });

  it('credits "…, he said, according to OUTLET" to him, relayed by the outlet', () => {
    const a = run(
      'Senator Tom Walsh spoke in Wheeling on Monday. "The flow of drugs is huge," he said, according to the Wheeling Herald.',
    );
    const said = a.attributions.find((x) => x.cue?.text === 'said');
    expect(a.actors.find((x) => x.id === said?.source?.actor)?.name).toBe('Tom Walsh');
    expect(said?.via.map((v) => v.outlet)).toEqual(['Wheeling Herald']);
    expect(a.attributions.filter((x) => x.cue?.text === 'according to')).toEqual([]);
  });

  it('keeps "according to" a source of its own when it names no outlet', () => {
    const a = run('The plant will close next year, according to a senior manager at the company.');
    expect(a.attributions.map((x) => x.cue?.text)).toContain('according to');
  });

  it('does not take a person told something for an outlet', () => {
    const a = run('Mary White told Tom Smith that the deal was dead.');
    expect(a.attributions.flatMap((x) => x.via)).toEqual([]);
  });

  it('takes no person who wrote for an outlet, but keeps a newspaper that wrote', () => {
    const judge = run(
      'The court ruled on Monday. Judge Carlton Reeves wrote, citing precedent, that the law was void.',
    );
    expect(judge.attributions.flatMap((x) => x.via)).toEqual([]);
    const paper = run('The New York Times wrote, citing two officials, that the plan was dead.');
    expect(paper.attributions.flatMap((x) => x.via.map((v) => v.outlet))).toContain('The New York Times');
  });
});

describe('content spans', () => {
  it('run past "Sept." and keep their condition', () => {
    const a = run('The company said the plant would close on Sept. 30 if no buyer was found.');
    expect(a.attributions[0]?.content.map((c) => c.text).join(' ')).toContain('if no buyer was found');
  });

  it('run past "Aug." in a date', () => {
    const a = run('The mayor said the bridge would reopen on Aug. 12 after repairs.');
    expect(a.attributions[0]?.content.map((c) => c.text).join(' ')).toContain('after repairs');
  });

  it('run over a wrapped line', () => {
    const a = run('The report was late. She said prices would rise\nif the tariffs stayed in place.');
    const said = a.attributions.find((x) => x.cue?.text === 'said');
    expect(said?.content.map((c) => c.text).join(' ')).toContain('if the tariffs stayed');
  });
});

import { describe, expect, it } from 'vitest';
import type { EntityType } from '../model/index.js';
import { resolveActors } from './resolve.js';
import { fixtureKb } from './__fixtures__/kb.js';
import { docWith } from './__fixtures__/doc.js';

/*
 * Types of NER names the article contradicts (name-types.ts), and surnames that an honorific ties
 * to one of two people of that name (coref/names.ts). The NER mentions are given by hand, as the
 * tagger gets them wrong on real pages, so each test pins the repair and not the tagger.
 */

const kb = fixtureKb();

function actorsOf(text: string, names: Array<[string, EntityType]>) {
  const out = resolveActors(docWith(text, names, { published: '2019-11-20' }), kb);
  const byId = new Map(out.actors.map((a) => [a.id, a]));
  const actorAt = (surface: string, nth = 0) => {
    let at = -1;
    for (let k = 0; k <= nth; k++) at = text.indexOf(surface, at + 1);
    const m = out.mentions.find((x) => x.start <= at && at < x.end && x.kind !== 'pronoun');
    return m?.actor ? byId.get(m.actor) : undefined;
  };
  return { actors: out.actors, actorAt };
}

describe('names NER typed a person that the text says are companies', () => {
  it('reads a company noun before the name ("toymaker Hasbro")', () => {
    const { actorAt } = actorsOf('Shares of toymaker Hasbro rose on Monday.', [['Hasbro', 'PERSON']]);
    expect(actorAt('Hasbro')?.type).toBe('ORG');
  });

  it('leaves a person after a company noun ("the company Ron Johnson founded")', () => {
    const { actorAt } = actorsOf('Shares of the company Ron Johnson founded in 1990 rose.', [
      ['Ron Johnson', 'PERSON'],
    ]);
    expect(actorAt('Ron Johnson')?.type).toBe('PERSON');
  });

  it('reads a company word ending the name, and joins the name NER split before it', () => {
    const { actorAt } = actorsOf('The contract went to Sierra Nevada Corporation last week.', [
      ['Sierra', 'ORG'],
      ['Nevada Corporation', 'PERSON'],
    ]);
    expect(actorAt('Sierra')).toMatchObject({ name: 'Sierra Nevada Corporation', type: 'ORG' });
  });

  it('gives a person cut out of an organisation named in full elsewhere that organisation', () => {
    const text =
      'Her old label, Big Machine, denied it. The singer accused Big Machine of blocking the show.';
    const doc = docWith(text, [['Big Machine', 'ORG']], { published: '2019-11-20' });
    // NER found the second "Big Machine" only as "Machine", a person.
    const cut = text.lastIndexOf('Machine');
    const mentions = doc.mentions.filter((m) => m.start < cut - 4);
    mentions.push({ id: 'cut', start: cut, end: cut + 7, text: 'Machine', type: 'PERSON', kind: 'name' });
    const out = resolveActors({ ...doc, mentions }, kb);
    const m = out.mentions.find((x) => x.start <= cut && cut < x.end);
    expect(m).toMatchObject({ text: 'Big Machine', type: 'ORG' });
    expect(out.actors.find((a) => a.id === m?.actor)?.mentions).toHaveLength(2);
  });
});

describe('people NER typed an organisation or a place', () => {
  it('makes a first name and a surname the article uses alone for a person a person', () => {
    const { actorAt } = actorsOf('George Bush thanked the crowd. Bush was joined by Laura Bush on stage.', [
      ['George Bush', 'PERSON'],
      ['Bush', 'PERSON'],
      ['Laura Bush', 'LOC'],
    ]);
    expect(actorAt('Laura Bush')).toMatchObject({ name: 'Laura Bush', type: 'PERSON' });
  });

  it('reads a first name of either gender too ("Morgan", "Taylor"): the name joins its surname used alone', () => {
    const text =
      'The label said Pike could sing. Last week Morgan Pike posted a long message about the label. She said the contract was unfair.';
    const { actorAt } = actorsOf(text, [
      ['Pike', 'PERSON'],
      ['Morgan Pike', 'ORG'],
    ]);
    expect(actorAt('Morgan Pike')).toMatchObject({ name: 'Morgan Pike', type: 'PERSON' });
    expect(actorAt('Pike')).toBe(actorAt('Morgan Pike'));
  });

  it('leaves a place whose last word is a place noun ("Jefferson County")', () => {
    const { actorAt } = actorsOf(
      'Thomas Jefferson wrote it. Voters in Jefferson County agreed with County.',
      [
        ['Thomas Jefferson', 'PERSON'],
        ['County', 'PERSON'],
        ['Jefferson County', 'LOC'],
      ],
    );
    expect(actorAt('Jefferson County')?.type).toBe('LOC');
  });
});

describe('a surname after an honorific', () => {
  it('joins the person whose first name agrees with "Mr." or "Mrs."', () => {
    const text =
      'Bill Clinton spoke first. Hillary Clinton spoke next. Mr. Clinton praised the crowd. Mrs. Clinton thanked him.';
    const { actorAt } = actorsOf(text, [
      ['Bill Clinton', 'PERSON'],
      ['Hillary Clinton', 'PERSON'],
      ['Clinton', 'PERSON'],
    ]);
    expect(actorAt('Clinton praised')?.name).toBe('Bill Clinton');
    expect(actorAt('Clinton thanked')?.name).toBe('Hillary Clinton');
  });

  it('does not read a sentence-final word as an honorific ("first lady. Sanders")', () => {
    const text = 'Bernie Sanders met the first lady. Sanders said the meeting went well.';
    const { actorAt } = actorsOf(text, [
      ['Bernie Sanders', 'PERSON'],
      ['Sanders', 'PERSON'],
    ]);
    expect(actorAt('Sanders said')?.name).toBe('Bernie Sanders');
  });
});

describe('titles and party labels NER read as names', () => {
  it('leaves an abbreviated title after a place to the titled name ("Vermont Sen. Bernie Sanders")', () => {
    const text = 'Vermont Sen. Bernie Sanders said the vote was close.';
    const { actors, actorAt } = actorsOf(text, [
      ['Vermont Sen', 'LOC'],
      ['Bernie Sanders', 'PERSON'],
    ]);
    expect(actors.map((a) => a.name)).not.toContain('Vermont Sen');
    expect(actorAt('Sen.')?.name).toBe('Bernie Sanders');
  });

  it('reads a party letter in parentheses as no one ("Terry McAuliffe (D)")', () => {
    const { actors } = actorsOf('Gov. Terry McAuliffe (D) said he would veto it.', [
      ['Terry McAuliffe', 'PERSON'],
      ['D', 'PERSON'],
    ]);
    expect(actors.map((a) => a.name)).toEqual(['Terry McAuliffe']);
  });
});

describe('well-known places NER typed a person or an organisation', () => {
  it('makes a state typed a person a place, so a pronoun does not go to it', () => {
    const text =
      'The storm reached Louisiana on Sunday. Louisiana has seen worse, Governor Tom Reed said. He asked for help.';
    const out = resolveActors(
      docWith(
        text,
        [
          ['Louisiana', 'PERSON'],
          ['Tom Reed', 'PERSON'],
        ],
        { published: '2019-11-20' },
      ),
      kb,
    );
    const louisiana = out.actors.find((a) => a.name === 'Louisiana');
    expect(louisiana?.type).toBe('GPE');
    const he = out.mentions.find((m) => m.kind === 'pronoun' && m.text === 'He');
    expect(out.actors.find((a) => a.id === he?.actor)?.name).not.toBe('Louisiana');
  });

  it('makes a state typed an organisation in a sentence a place', () => {
    const { actorAt } = actorsOf('Voters in Delaware went to the polls on Tuesday.', [['Delaware', 'ORG']]);
    expect(actorAt('Delaware')?.type).toBe('GPE');
  });

  it('leaves a state a person when the text names a person by that word ("Virginia Foxx")', () => {
    const { actorAt } = actorsOf('Virginia Foxx spoke first. Later, Virginia said the bill would pass.', [
      ['Virginia Foxx', 'PERSON'],
      ['Virginia', 'PERSON'],
    ]);
    expect(actorAt('Virginia', 1)?.type).toBe('PERSON');
  });

  it('leaves a team in a results table an organisation ("MINNESOTA 9 Texas 2")', () => {
    const { actorAt } = actorsOf('Results on Friday.\nMINNESOTA 9 Texas 2\nBoston 4 Seattle 1', [
      ['Texas', 'ORG'],
      ['MINNESOTA', 'ORG'],
    ]);
    expect(actorAt('Texas')?.type).toBe('ORG');
    expect(actorAt('MINNESOTA')?.type).toBe('ORG');
  });
});

describe('large cities NER typed a person or an organisation', () => {
  it('makes a city after a place preposition, or after "mayor of", a place', () => {
    const { actorAt } = actorsOf(
      'The mayor of Baton Rouge asked for help. Crews in Tallahassee and officials from Lagos arrived.',
      [
        ['Baton Rouge', 'ORG'],
        ['Tallahassee', 'PERSON'],
      ],
    );
    expect(actorAt('Baton Rouge')?.type).toBe('GPE');
    expect(actorAt('Tallahassee')?.type).toBe('GPE');
  });

  it('leaves a city named without such words an organisation, as a club mostly is', () => {
    const { actorAt } = actorsOf(
      'Barcelona beat Cincinnati, and fans in Karlsruhe ’s stadium and in Hamburg’s cheered.',
      [
        ['Barcelona', 'ORG'],
        ['Cincinnati', 'ORG'],
        ['Karlsruhe', 'ORG'],
        ['Hamburg', 'ORG'],
      ],
    );
    expect(actorAt('Barcelona')?.type).toBe('ORG');
    expect(actorAt('Cincinnati')?.type).toBe('ORG');
    expect(actorAt('Karlsruhe')?.type).toBe('ORG');
    expect(actorAt('Hamburg')?.type).toBe('ORG');
  });
});

describe('laws, programmes and diseases are no actors', () => {
  it('makes a law named by its last word, and a listed programme, no actor', () => {
    const { actorAt } = actorsOf(
      'The Affordable Care Act and Obamacare helped, and Zika spread, the report said.',
      [
        ['Affordable Care Act', 'ORG'],
        ['Obamacare', 'LOC'],
        ['Zika', 'ORG'],
      ],
    );
    expect(actorAt('Affordable Care Act')).toBeUndefined();
    expect(actorAt('Obamacare')).toBeUndefined();
    expect(actorAt('Zika')).toBeUndefined();
  });

  it('leaves a person whose name ends in such a word ("Mayor Bill de Blasio")', () => {
    const { actorAt } = actorsOf('Mayor Bill spoke on Monday.', [['Mayor Bill', 'PERSON']]);
    expect(actorAt('Bill')?.type).toBe('PERSON');
  });

  it('leaves a body whose name ends in such a word ("Government of National Accord")', () => {
    const { actorAt } = actorsOf('The Government of National Accord said it would talk.', [
      ['Government of National Accord', 'ORG'],
    ]);
    expect(actorAt('Government')?.type).toBe('ORG');
    const split = actorsOf('Government of National Accord forces said they would talk.', [
      ['National Accord', 'ORG'],
    ]);
    expect(split.actorAt('National Accord')?.type).toBe('ORG');
  });
});

describe('organisation names rebuilt from NER pieces', () => {
  it('stops a name at a date after it ("House Judiciary Committee on Tuesday")', () => {
    const { actorAt } = actorsOf('Lynch will appear before the House Judiciary Committee on Tuesday.', [
      ['House Judiciary Committee', 'ORG'],
    ]);
    expect(actorAt('House')?.name).toBe('House Judiciary Committee');
    expect(actorAt('Tuesday')).toBeUndefined();
  });

  it('starts no name at a date ("Wednesday the Secret Service")', () => {
    const { actorAt } = actorsOf('Then on Wednesday the Secret Service said it had arrested a man.', [
      ['Secret Service', 'ORG'],
    ]);
    expect(actorAt('Wednesday')).toBeUndefined();
  });

  it('gives a body named after a KB organisation that organisation\'s code ("U.N. Conciliation Commission")', () => {
    const { actorAt } = actorsOf('The U.N. Conciliation Commission met on Monday.', [
      ['U.N.', 'ORG'],
      ['Conciliation Commission', 'PERSON'],
    ]);
    const commission = actorAt('Conciliation');
    expect(commission?.name).toBe('U.N. Conciliation Commission');
    expect(commission?.cameo).toBe('IGOUNO');
  });

  it('gives no code to a body standing on its own ("U.N. Refugee Fund")', () => {
    const { actorAt } = actorsOf('The U.N. Refugee Fund met on Monday.', [
      ['U.N.', 'ORG'],
      ['Refugee Fund', 'ORG'],
    ]);
    expect(actorAt('Refugee')?.name).toBe('U.N. Refugee Fund');
    expect(actorAt('Refugee')?.cameo).toBeNull();
  });

  it("gives no code from a national body, whose name other countries' bodies share", () => {
    const { actorAt } = actorsOf('The Russian Foreign Ministry Archive Department opened on Monday.', [
      ['Russian Foreign Ministry', 'ORG'],
      ['Archive Department', 'ORG'],
    ]);
    expect(actorAt('Archive')?.name).toBe('Russian Foreign Ministry Archive Department');
    expect(actorAt('Archive')?.cameo).toBeNull();
  });

  it('keeps two companies joined by "and" apart when the first ends in a company word', () => {
    const { actorAt } = actorsOf(
      'NASA picked Ceres Robotics and Tyvak Nano-Satellite Systems Inc for the work.',
      [
        ['Ceres Robotics', 'ORG'],
        ['Tyvak Nano-Satellite Systems Inc', 'ORG'],
      ],
    );
    expect(actorAt('Ceres')?.name).toBe('Ceres Robotics');
    expect(actorAt('Tyvak')?.name).toBe('Tyvak Nano-Satellite Systems Inc');
  });

  it('keeps a company word after a head noun inside one name ("Ministry of Communications and …")', () => {
    const { actorAt } = actorsOf('The Ministry of Communications and Information Technology said so.', [
      ['Ministry of Communications', 'ORG'],
      ['Information Technology', 'ORG'],
    ]);
    expect(actorAt('Ministry')?.name).toBe('Ministry of Communications and Information Technology');
  });
});

describe('organisation names that list fields', () => {
  it('joins the fields NER cut at the commas ("Vexon Defense, Space, and Security")', () => {
    const { actors, actorAt } = actorsOf(
      'Ann Lee, president of Vexon Defense, Space, and Security, spoke on Monday.',
      [
        ['Ann Lee', 'PERSON'],
        ['Vexon Defense', 'ORG'],
        ['Space', 'ORG'],
      ],
    );
    expect(actorAt('Vexon')?.name).toBe('Vexon Defense, Space, and Security');
    expect(actors.filter((a) => a.type === 'ORG')).toHaveLength(1);
  });

  it('keeps names listed after an organisation apart ("Vexon Motors, Chrysler and Ford")', () => {
    const { actorAt } = actorsOf('Vexon Motors, Chrysler and Ford reported sales on Monday.', [
      ['Vexon Motors', 'ORG'],
      ['Chrysler', 'ORG'],
      ['Ford', 'ORG'],
    ]);
    expect(actorAt('Vexon Motors')?.name).toBe('Vexon Motors');
    expect(actorAt('Chrysler')?.name).toBe('Chrysler');
  });
});

describe('things NER typed a person, organisation or place', () => {
  it('makes a name a thing head noun ends the phrase of no actor, with its other mentions', () => {
    const { actorAt } = actorsOf(
      "NASA's Galileo spacecraft found evidence of a plume. Galileo flew past the moon in 1997.",
      [['Galileo', 'ORG']],
    );
    expect(actorAt('Galileo')).toBeUndefined();
    expect(actorAt('Galileo', 1)).toBeUndefined();
  });

  it('leaves a name whose phrase goes on past the noun ("a Long Island auto repair shop")', () => {
    const { actorAt } = actorsOf('Hayati Camlica owns a Long Island auto repair shop, he said.', [
      ['Long Island', 'LOC'],
    ]);
    expect(actorAt('Long Island')?.type).toBe('LOC');
  });

  it("leaves an owner: an organisation's name, a body's, and a name before \"'s\"", () => {
    const { actorAt } = actorsOf(
      "The Heritage Foundation bus was parked. George Zimmerman's pistol was sold, Zimmerman said. An Army helicopter landed.",
      [
        ['Heritage Foundation', 'ORG'],
        // NER's span holds the possessive, as it does on the news page this comes from.
        ["George Zimmerman's", 'PERSON'],
        ['Army', 'ORG'],
      ],
    );
    expect(actorAt('Army')?.type).toBe('ORG');
    expect(actorAt('Heritage Foundation')?.type).toBe('ORG');
    expect(actorAt('George Zimmerman')?.type).toBe('PERSON');
  });

  it('makes a planet or moon no actor in a text that speaks of planets or moons', () => {
    const { actorAt } = actorsOf("Jupiter's icy moon Europa has an ocean, scientists said.", [
      ['Jupiter', 'ORG'],
      ['Europa', 'PERSON'],
    ]);
    expect(actorAt('Jupiter')).toBeUndefined();
    expect(actorAt('Europa')).toBeUndefined();
  });

  it('leaves a town named like a planet ("in Jupiter, Florida")', () => {
    const { actorAt } = actorsOf(
      'It will affect every person on the planet. Residents in Jupiter, Florida voted for Kasich.',
      [['Jupiter', 'LOC']],
    );
    expect(actorAt('Jupiter')?.type).toBe('LOC');
    const other = actorsOf('Officials of Mercury, a lobbying firm, met him.', [['Mercury', 'ORG']]);
    expect(other.actorAt('Mercury')?.type).toBe('ORG');
  });

  it('makes a name with a model number in it no actor ("AW3418DW"), but not an ordinal', () => {
    const { actorAt } = actorsOf('The Dell Alienware AW3418DW is on sale. 21st Century Fox said so.', [
      ['Dell Alienware AW3418DW', 'PERSON'],
      ['21st Century Fox', 'ORG'],
    ]);
    expect(actorAt('Dell Alienware')).toBeUndefined();
    expect(actorAt('21st Century Fox')?.type).toBe('ORG');
  });

  it('makes a name after a size, ending its phrase, no actor ("the 14-inch Novabook Pro")', () => {
    const { actorAt } = actorsOf(
      'Buyers lined up for the 14-inch Novabook Pro, which went on sale on Friday.',
      [['Novabook Pro', 'ORG']],
    );
    expect(actorAt('Novabook Pro')).toBeUndefined();
    // A noun after the name: the name only modifies it.
    const other = actorsOf('The 40-minute Obama interview aired on Sunday.', [['Obama', 'PERSON']]);
    expect(other.actorAt('Obama')?.type).toBe('PERSON');
  });

  it('makes a name after a thing\'s noun no actor ("the benchmark Sensex"), but not after a plural or "think tank"', () => {
    const { actorAt } = actorsOf('The benchmark Sensex fell 200 points on Monday.', [['Sensex', 'ORG']]);
    expect(actorAt('Sensex')).toBeUndefined();
    const chains = actorsOf('The newspaper chains Gannett and GateHouse merged in November.', [
      ['Gannett', 'ORG'],
      ['GateHouse', 'ORG'],
    ]);
    expect(chains.actorAt('Gannett')?.type).toBe('ORG');
    const tank = actorsOf('Critics said the think tank Third Way was wrong.', [['Third Way', 'ORG']]);
    expect(tank.actorAt('Third Way')?.type).toBe('ORG');
  });

  it('makes a name ending in a thing\'s noun after a common noun no actor ("Kepler Space Telescope")', () => {
    const { actorAt } = actorsOf(
      'Astronomers pointed the Kepler Space Telescope at the star. The Boston Globe reported it.',
      [
        ['Kepler Space Telescope', 'ORG'],
        ['Boston Globe', 'ORG'],
      ],
    );
    expect(actorAt('Kepler Space Telescope')).toBeUndefined();
    expect(actorAt('Boston Globe')?.type).toBe('ORG');
  });

  it("makes a KB company's product no actor, with its name alone, but not the company's units", () => {
    const { actorAt } = actorsOf(
      'Zentrix Orbix sold out in a day. Orbix costs $99, Zentrix said. Zentrix Cloud grew.',
      [
        ['Zentrix Orbix', 'ORG'],
        ['Orbix', 'PERSON'],
        ['Zentrix', 'ORG'],
        ['Zentrix Cloud', 'ORG'],
      ],
    );
    expect(actorAt('Zentrix Orbix')).toBeUndefined();
    expect(actorAt('Orbix', 1)).toBeUndefined();
    expect(actorAt('Zentrix', 1)?.name).toBe('Zentrix');
    expect(actorAt('Zentrix Cloud')?.type).toBe('ORG');
  });

  it('makes a holiday or disease WordNet names no actor', () => {
    const { actorAt } = actorsOf('Carson will speak after Christmas about the SARS outbreak.', [
      ['Christmas', 'LOC'],
      ['SARS', 'ORG'],
    ]);
    expect(actorAt('Christmas')).toBeUndefined();
    expect(actorAt('SARS')).toBeUndefined();
  });
});

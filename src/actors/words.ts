/*
 * Closed-class words the stage reads around names: pronouns, determiners, and the few modifiers
 * that change what a title means. Grammar, not knowledge: titles, demonyms and actors live in
 * data/actors/.
 */

export const PERSON_PRONOUNS: ReadonlySet<string> = new Set([
  'he',
  'him',
  'his',
  'himself',
  'she',
  'her',
  'hers',
  'herself',
]);
export const GROUP_PRONOUNS: ReadonlySet<string> = new Set(['they', 'them', 'their', 'themselves']);

export const DEFINITE: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those']);
export const INDEFINITE: ReadonlySet<string> = new Set(['a', 'an', 'one', 'another', 'some', 'several']);

/** Words before a title that keep the role ("acting president") — kept inside the mention. */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set([
  'acting',
  'interim',
  'deputy',
  'senior',
  'top',
  'chief',
  'incoming',
  'new',
  'then',
]);
/** Words that make the role a past one: CAMEO codes former officials as elites (ELI). */
export const FORMER: ReadonlySet<string> = new Set(['former', 'ex', 'ex-', 'outgoing', 'late']);

/** Titles that name no office of their own: they match any role of their agent type or organisation head. */
export const GENERIC_TITLES: ReadonlySet<string> = new Set(['official', 'chief', 'head', 'leader']);

/** Words between a title and its organisation ("secretary general of NATO", "minister for Europe"). */
export const OF_WORDS: ReadonlySet<string> = new Set(['of', 'for']);

/**
 * Nouns that make anyone the head of the body named before them ("NATO chief", "Kremlin
 * leader"); their agent comes from that body, so they are grammar here, not role-word data.
 */
export const HEAD_NOUNS: ReadonlySet<string> = new Set([
  'chief',
  'head',
  'leader',
  'boss',
  'chiefs',
  'heads',
  'leaders',
]);

/**
 * Role words that are also adjectives or noun modifiers ("the general election", "the chief
 * executive", "the press conference"): as descriptions they need a non-noun after them.
 */
export const MODIFIER_ROLE_WORDS: ReadonlySet<string> = new Set([
  'general',
  'chief',
  'head',
  'executive',
  'military',
  'press',
  'police',
  'party',
  'campaign',
  'government',
  'media',
  'court',
  'union',
  'public',
  'school',
  'college',
  'university',
  'industry',
  'business',
  'television',
]);
/** Words that may follow a description without making it a modifier ("the general said"). */
export const AFTER_DESCRIPTION: ReadonlySet<string> = new Set([
  'said',
  'says',
  'told',
  'added',
  'says',
  'has',
  'had',
  'have',
  'is',
  'was',
  'were',
  'are',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'can',
  'did',
  'does',
  'and',
  'or',
  'but',
  'who',
  'which',
  'that',
  'of',
  'for',
  'in',
  'on',
  'at',
  'to',
  'with',
  'by',
  'from',
  'as',
  'also',
  'then',
  'later',
  'again',
]);

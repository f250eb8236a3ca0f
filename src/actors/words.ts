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
/** Words that name an institution only with its owner before them ("the Attorney's Office"). */
export const INSTITUTION_WORDS: ReadonlySet<string> = new Set([
  ...['office', 'department', 'ministry', 'bureau', 'agency', 'administration'],
]);
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
/**
 * Auxiliary verbs that open a question headline ("Will Sanders Come Down…?") and are first names
 * too ("Will", "May", "Can"): the NER glues them to the surname that follows.
 */
export const QUESTION_AUXILIARIES: ReadonlySet<string> = new Set([
  ...['will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should'],
  ...['does', 'did', 'do', 'is', 'was', 'are', 'were', 'has', 'had', 'have'],
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

/** Prepositions: a name right after one is no clause subject ("talks with Smith", "in Kyiv"). */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of',
  'for',
  'in',
  'on',
  'at',
  'to',
  'with',
  'by',
  'from',
  'about',
  'against',
  'between',
  'among',
  'into',
  'over',
  'under',
  'after',
  'before',
  'during',
  'since',
  'near',
  'toward',
  'towards',
  'without',
  'than',
  'like',
  'including',
  'via',
  'per',
]);

/**
 * Weekdays and months that are no first name or surname ("Tuesday", "Oct"): trimmed off the edges
 * of a name ("Twitter Tuesday"). "May", "June", "April", "August", "Jan" are names too.
 */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  'january',
  'february',
  'march',
  'july',
  'september',
  'october',
  'november',
  'december',
  'feb',
  'apr',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thurs',
  'fri',
]);
/** Months that are also given names: never an actor alone, but kept inside a name. */
export const NAME_MONTHS: ReadonlySet<string> = new Set(['june', 'april', 'august']);

/** Lower-case words inside names ("Bank of England", "Ludwig van Beethoven", "Osama bin Laden"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'of',
  'for',
  'on',
  'and',
  'the',
  '&',
  'de',
  'del',
  'della',
  'der',
  'den',
  'di',
  'da',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'van',
  'von',
  'al',
  'el',
  'bin',
  'ibn',
  'y',
]);

/** Words that open a clause and are capitalised only at a sentence start ("When Carlineo was …"). */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'when',
  'if',
  'but',
  'and',
  'as',
  'after',
  'while',
  'because',
  'although',
  'though',
  'then',
  'so',
  'yet',
  'or',
  'before',
  'since',
  'until',
  'unless',
  'once',
  'meanwhile',
  'however',
  'also',
  'still',
  'even',
  'just',
  'only',
  'now',
  'here',
  'there',
  'this',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'we',
  'they',
  'he',
  'she',
  'it',
  'i',
  'you',
  'what',
  'where',
  'why',
  'how',
  'asked',
  'according',
  'like',
  'unlike',
  'despite',
  'during',
  'under',
  'with',
  'without',
  'from',
  'in',
  'on',
  'at',
  'by',
  'to',
]);

/** Common nouns that take a number and are capitalised then ("Phase 1", "Article 50"): no names. */
export const NUMBERED_NOUNS: ReadonlySet<string> = new Set([
  'phase',
  'article',
  'section',
  'chapter',
  'title',
  'stage',
  'part',
  'round',
  'level',
  'category',
  'class',
  'tier',
  'week',
  'day',
  'game',
  'season',
  'volume',
  'number',
  'no',
  'page',
  'step',
  'item',
  'option',
  'proposition',
  'amendment',
]);

/** Head nouns that end an organisation's name ("… Police Department", "… Institute on Drug Abuse"). */
export const ORG_HEAD_NOUNS: ReadonlySet<string> = new Set([
  'police',
  'department',
  'institute',
  'office',
  'agency',
  'administration',
  'association',
  'council',
  'committee',
  'commission',
  'university',
  'college',
  'bureau',
  'service',
  'services',
  'foundation',
  'center',
  'centre',
  'centers',
  'centres',
  'protection',
  'enforcement',
  'corporation',
  'company',
  'party',
  'court',
  'ministry',
  'board',
  'authority',
  'federation',
  'league',
  'forum',
  'fund',
  'bank',
  'organization',
  'organisation',
  'society',
  'coalition',
  'alliance',
  'caucus',
  'trust',
  'hospital',
  'clinic',
  'academy',
  'museum',
  'patrol',
  'guard',
  'industries',
  'securities',
  'equities',
  'inc',
  'corp',
  'ltd',
  'llc',
  'group',
]);

/** Generational suffixes after a surname ("Patrick Carlineo Jr."): the surname is the word before. */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** The surname of a name's token keys: its last word, generational suffixes and dots aside. */
export function surnameOf(words: readonly string[]): string {
  let k = words.length - 1;
  while (k > 0 && (NAME_SUFFIXES.has(words[k]) || words[k] === '.' || words[k] === ',')) k--;
  return words[k] ?? '';
}

/** Role words a country's name before them makes a field of study ("a China scholar", "Iran analyst"). */
export const TOPIC_ROLE_WORDS: ReadonlySet<string> = new Set([
  'scholar',
  'scholars',
  'expert',
  'experts',
  'analyst',
  'analysts',
  'specialist',
  'specialists',
  'watcher',
  'watchers',
  'researcher',
  'researchers',
  'historian',
  'historians',
  'correspondent',
  'correspondents',
  'hand',
  'hands',
]);

import { z } from 'zod';

/*
 * Schemas of the actor knowledge base the project authors in data/actors/*.json.
 * Dates are ISO (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known); `until: null` means
 * the role is still held as of the date in data/actors/README.md.
 */

const IsoDay = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
export const CameoAgent = z.enum([
  'GOV',
  'MIL',
  'LEG',
  'JUD',
  'ELI',
  'COP',
  'OPP',
  'REB',
  'INS',
  'SPY',
  'MED',
  'BUS',
  'CVL',
  'EDU',
  'HLH',
  'LAB',
  'REF',
  'REL',
  'CRM',
  'AGR',
  'ENV',
  'IGO',
  'NGO',
  'MOD',
  'RAD',
  'SEP',
  'UAF',
  'HRI',
  'IMG',
  'PTY',
]);
export type CameoAgent = z.infer<typeof CameoAgent>;

/** A place or body used in news to stand for a state ("the Kremlin", "Washington"). */
export const MetonymSchema = z.object({ name: z.string(), agent: CameoAgent.optional() });

export const CountrySchema = z.object({
  /** CAMEO country code (ISO 3166-1 alpha-3 in nearly all cases): "USA", "UKR". */
  code: z.string().regex(/^[A-Z]{3}$/),
  iso2: z.string().regex(/^[A-Z]{2}$/),
  name: z.string(),
  /** Other names and short forms ("United States of America", "US", "U.S.", "America"). */
  aliases: z.array(z.string()),
  /** Adjective and plural demonyms ("American", "Americans"). */
  demonyms: z.array(z.string()),
  capital: z.string().optional(),
  metonyms: z.array(MetonymSchema),
  /** CAMEO region code(s) the country belongs to (e.g. "WST", "EEU"), when known. */
  regions: z.array(z.string()).optional(),
  /** Other codes coders use for the country: the CAMEO manual's ("ROM", "MTN") where Phoenix uses ISO
   *  ("ROU", "MNE"), and older KEDS codes still seen in gold data ("JAP", "MOR"). */
  altCodes: z.array(z.string().regex(/^[A-Z]{3}$/)).optional(),
  /**
   * Names and demonyms of the state it continues, used before a date ("Soviet Union" until 1991-12-26
   * is Russia's). Read by the events coder; the actors stage does not index them.
   */
  formerNames: z
    .array(z.object({ name: z.string(), until: IsoDay, demonym: z.boolean().optional() }))
    .optional(),
});
export type Country = z.infer<typeof CountrySchema>;

export const OrganizationSchema = z.object({
  /** Stable id ("NATO", "UN", "UNHCR"). */
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  /** CAMEO actor code as the Phoenix/PETRARCH dictionaries use it ("IGOWSTNAT", "IGOUNO"). */
  cameo: z.string(),
  /** Alternative codes that coders also accept ("NAT", "IGONAT"). */
  altCameo: z.array(z.string()).optional(),
  kind: z.enum(['IGO', 'NGO', 'MED', 'BUS', 'PTY', 'MIL', 'REB', 'OTHER']),
  /** Country code for national bodies (ministries, parties, agencies, militaries). */
  country: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** CAMEO agent for national bodies ("GOV" for a ministry, "MIL" for an army, "LEG" for a parliament). */
  agent: CameoAgent.optional(),
  /** Title of its head ("Secretary General"). */
  headTitle: z.string().optional(),
  /** Names it went by before a date ("Facebook" until 2021-10-28): an article of that time uses them. */
  formerNames: z.array(z.object({ name: z.string(), until: IsoDay })).optional(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const PersonRoleSchema = z.object({
  title: z.string(),
  /** Country code ("USA") or organization id ("NATO"). */
  affiliation: z.string(),
  agent: CameoAgent,
  from: IsoDay,
  until: IsoDay.nullable(),
});
export type PersonRole = z.infer<typeof PersonRoleSchema>;

export const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Other spellings ("Zelensky", "Zelenskiy"); the surname alone is implied and need not be listed. */
  aliases: z.array(z.string()),
  roles: z.array(PersonRoleSchema),
});
export type Person = z.infer<typeof PersonSchema>;

/** Role words that give a CAMEO agent type ("minister" → GOV, "senator" → LEG). */
export const RoleWordSchema = z.object({
  words: z.array(z.string()),
  agent: CameoAgent,
  /** True for words that name a person's title ("President"), false for group nouns ("rebels"). */
  title: z.boolean(),
  /**
   * False for words the events coder reads as an actor's agent that name no actor the actors stage
   * tracks: equipment standing for its force ("tanks shelled"), vague heads ("leaders", "people").
   */
  entity: z.boolean().optional(),
});
export type RoleWord = z.infer<typeof RoleWordSchema>;

export const CountriesFile = z.object({ asOf: IsoDay, countries: z.array(CountrySchema) });
export const OrganizationsFile = z.object({ asOf: IsoDay, organizations: z.array(OrganizationSchema) });
export const PeopleFile = z.object({ asOf: IsoDay, people: z.array(PersonSchema) });
export const RoleWordsFile = z.object({ roleWords: z.array(RoleWordSchema) });

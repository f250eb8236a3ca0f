import type { Analysis, EventActor } from '../model/index.js';
import { actorName, day, eventRows, leadParagraph } from './rows.js';

/** GDELT 2.0 event table columns, in order (../shared/data/codebooks/gdelt-events-columns.txt). */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor1KnownGroupCode',
  'Actor1EthnicCode',
  'Actor1Religion1Code',
  'Actor1Religion2Code',
  'Actor1Type1Code',
  'Actor1Type2Code',
  'Actor1Type3Code',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'Actor2KnownGroupCode',
  'Actor2EthnicCode',
  'Actor2Religion1Code',
  'Actor2Religion2Code',
  'Actor2Type1Code',
  'Actor2Type2Code',
  'Actor2Type3Code',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  'Actor1Geo_Type',
  'Actor1Geo_FullName',
  'Actor1Geo_CountryCode',
  'Actor1Geo_ADM1Code',
  'Actor1Geo_ADM2Code',
  'Actor1Geo_Lat',
  'Actor1Geo_Long',
  'Actor1Geo_FeatureID',
  'Actor2Geo_Type',
  'Actor2Geo_FullName',
  'Actor2Geo_CountryCode',
  'Actor2Geo_ADM1Code',
  'Actor2Geo_ADM2Code',
  'Actor2Geo_Lat',
  'Actor2Geo_Long',
  'Actor2Geo_FeatureID',
  'ActionGeo_Type',
  'ActionGeo_FullName',
  'ActionGeo_CountryCode',
  'ActionGeo_ADM1Code',
  'ActionGeo_ADM2Code',
  'ActionGeo_Lat',
  'ActionGeo_Long',
  'ActionGeo_FeatureID',
  'DATEADDED',
  'SOURCEURL',
] as const;

/** CAMEO actor type codes (three letters after the country or IGO prefix). */
const ACTOR_TYPES = new Set([
  'COP',
  'GOV',
  'INS',
  'JUD',
  'MIL',
  'OPP',
  'REB',
  'SEP',
  'SPY',
  'UAF',
  'AGR',
  'BUS',
  'CRM',
  'CVL',
  'DEV',
  'EDU',
  'ELI',
  'ENV',
  'HLH',
  'HRI',
  'LAB',
  'LEG',
  'MED',
  'REF',
  'MOD',
  'RAD',
  'IGO',
  'NGO',
  'IMG',
  'INT',
  'MNC',
  'NGM',
  'UIS',
  'PKO',
  'SET',
  'JRN',
  'REL',
  'PTY',
]);
const NON_COUNTRY_PREFIX = new Set(['IGO', 'NGO', 'IMG', 'INT', 'MNC', 'NGM', 'UIS']);

/** Splits a CAMEO actor code into GDELT's country and up to three type codes. */
function actorFields(a: EventActor | null, name: string): string[] {
  if (!a) return ['', '', '', '', '', '', '', '', '', ''];
  const code = a.code.toUpperCase();
  const parts = code.match(/.{1,3}/g) ?? [];
  const country =
    parts[0] && !NON_COUNTRY_PREFIX.has(parts[0]) && /^[A-Z]{3}$/.test(parts[0]) ? parts[0] : '';
  const types = parts
    .slice(country ? 1 : 0)
    .filter((p) => ACTOR_TYPES.has(p))
    .slice(0, 3);
  return [code, clean(name), country, '', '', '', '', types[0] ?? '', types[1] ?? '', types[2] ?? ''];
}

/** Tabs and newlines would break the TSV: GDELT fields never contain them. */
function clean(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ').trim();
}

/**
 * GDELT 2.0 event rows (61 tab-separated columns, no header, like GDELT's own files). Fields the
 * analysis cannot support (known groups, ethnicity, religion, tone, geography, DATEADDED) are empty;
 * NumSources/NumArticles are 1 because each row comes from one article. A reciprocal act is a row
 * in each direction, as CAMEO codes it.
 */
export function* toGdelt(
  analyses: Iterable<Analysis>,
  options: { header?: boolean; firstSeq?: number } = {},
): Generator<string> {
  if (options.header) yield GDELT_COLUMNS.join('\t');
  for (const { analysis, event, dyad, seq } of eventRows(analyses, 'cameo', options.firstSeq)) {
    const d = day(analysis);
    const doy = d ? dayOfYear(+d.y, +d.m, +d.d) : 0;
    const firstParagraph = leadParagraph(analysis);
    const rootEvent = analysis.sentences.some(
      (s) => s.paragraph === firstParagraph && s.start <= event.trigger.start && event.trigger.end <= s.end,
    );
    const row = [
      String(seq),
      d?.ymd ?? '',
      d ? `${d.y}${d.m}` : '',
      d?.y ?? '',
      d ? (+d.y + doy / 365).toFixed(4) : '',
      ...actorFields(dyad.source, actorName(analysis, dyad.source)),
      ...actorFields(dyad.target, actorName(analysis, dyad.target)),
      rootEvent ? '1' : '0',
      event.cameo,
      event.cameo.slice(0, 3),
      event.cameo.slice(0, 2),
      String(event.quadClass),
      String(event.goldstein),
      String(event.evidence.length),
      '1',
      '1',
      '',
      ...Array<string>(24).fill(''),
      '',
      clean(analysis.meta.url ?? ''),
    ];
    yield row.join('\t');
  }
}

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

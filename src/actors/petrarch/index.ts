import { readFileSync, statSync } from 'node:fs';
import { CameoAgent } from '../kb/schema.js';
import type { RoleWord } from '../kb/schema.js';

/*
 * Reader for PETRARCH / TABARI actor and agent dictionaries (the Phoenix files of the Open Event
 * Data Alliance), so their names and dated CAMEO codes can serve as an extra knowledge source.
 *
 * Actor file: an entry line `NAME_ [CODE]` or just `NAME_`, synonym lines `+OTHER_NAME`, and
 * indented code lines `[CODE]`, `[CODE >090120]`, `[CODE <950601]`, `[CODE 061207-090702]`;
 * `_` joins words and a trailing `_` marks an exact word; `#` starts a comment, `<!-- … -->`
 * blocks are comments too. YYMMDD years 00–30 are 20YY, as PETRARCH reads them.
 * Agent file: `!SET! = A, B` substitution sets, then `NOUN {PLURALS} [~GOV]` (suffix agent) or
 * `[NGO~]` (prefix agent).
 */

/** A CAMEO code with the period it applies to (ISO dates, both ends inclusive); `null` code = discard. */
export interface DatedCode {
  code: string | null;
  from?: string;
  until?: string;
}

export interface PetrarchActor {
  /** Display name from the entry line ("Mark Rutte"). */
  name: string;
  /** Every name of the entry, the first included, as written in text ("Secretary of State John Kerry"). */
  names: string[];
  codes: DatedCode[];
  /** 1-based line of the entry in its file, for messages. */
  line: number;
}

export interface PetrarchAgent {
  words: string[];
  /** The agent code without its `~` marker ("GOV", "GOVFRM"). */
  code: string;
  /** `suffix` for `[~GOV]` (appended to a country code), `prefix` for `[NGO~]`. */
  placement: 'suffix' | 'prefix';
  /** True when the entry declares no plural (`{}`): a mass or group noun ("media", "police"). */
  noPlural: boolean;
}

export interface ParseReport {
  warnings: string[];
}

/** Dictionaries are a few MB; anything far larger is not a dictionary. */
const MAX_DICTIONARY_BYTES = 64 * 1024 * 1024;
const MAX_WARNINGS = 200;

function readDictionary(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    throw new Error(`cannot read PETRARCH dictionary ${file}: ${(err as Error).message}`);
  }
  if (size > MAX_DICTIONARY_BYTES) {
    throw new Error(
      `PETRARCH dictionary ${file} is ${size} bytes, more than ${MAX_DICTIONARY_BYTES}: not a dictionary`,
    );
  }
  const text = readFileSync(file, 'utf8');
  if (text.includes('\u0000'))
    throw new Error(`PETRARCH dictionary ${file} contains NUL bytes: not a text file`);
  return text;
}

/** Loads a Phoenix/PETRARCH actor dictionary file. */
export function loadPetrarchActors(file: string, report?: ParseReport): PetrarchActor[] {
  return parsePetrarchActors(readDictionary(file), report);
}

/** Loads a Phoenix/PETRARCH agent dictionary file. */
export function loadPetrarchAgents(file: string, report?: ParseReport): PetrarchAgent[] {
  return parsePetrarchAgents(readDictionary(file), report);
}

function warn(report: ParseReport | undefined, line: number, message: string): void {
  if (report && report.warnings.length < MAX_WARNINGS) report.warnings.push(`line ${line}: ${message}`);
}

/** Lines with comments removed, keeping their line numbers. */
function* contentLines(text: string): Generator<{ line: string; n: number }> {
  const lines = text.split(/\r?\n/);
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (inComment) {
      const close = line.indexOf('-->');
      if (close < 0) continue;
      inComment = false;
      line = line.slice(close + 3);
    }
    let open = line.indexOf('<!');
    while (open >= 0) {
      const close = line.indexOf('-->', open);
      if (close < 0) {
        line = line.slice(0, open);
        inComment = true;
        break;
      }
      line = line.slice(0, open) + line.slice(close + 3);
      open = line.indexOf('<!');
    }
    const hash = line.indexOf('#');
    if (hash >= 0) line = line.slice(0, hash);
    if (line.trim().length > 0) yield { line, n: i + 1 };
  }
}

const LOWER_PARTICLES = new Set([
  'OF',
  'THE',
  'AND',
  'DE',
  'DEL',
  'LA',
  'LE',
  'AL',
  'EL',
  'DU',
  'DA',
  'DI',
  'VAN',
  'VON',
  'BIN',
  'Y',
]);

/** "MARK_RUTTE_" → "Mark Rutte"; "SECRETARY_OF_STATE" → "Secretary of State"; "U.S.", "UN" stay. */
function displayName(raw: string): string {
  return raw
    .replace(/_+$/, '')
    .split(/[_\s]+/)
    .filter((w) => w.length > 0)
    .map((w, i) => {
      if (i > 0 && LOWER_PARTICLES.has(w)) return w.toLowerCase();
      if (/^[A-Z]\.(?:[A-Z]\.?)*$/.test(w) || w.length <= 2) return w;
      return w[0] + w.slice(1).toLowerCase();
    })
    .join(' ');
}

function isoDate(digits: string): string | null {
  let year: number;
  let rest: string;
  if (digits.length === 6) {
    const yy = Number(digits.slice(0, 2));
    year = yy <= 30 ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  } else if (digits.length === 8) {
    year = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else return null;
  const month = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2, 4));
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(year).padStart(4, '0')}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const CODE_BLOCK = /\[([^\]]*)\]/g;
const ACTOR_CODE = /^(?:[A-Z0-9]{3,}|-{3}|\+{3}|#{3})(?:\/[A-Z0-9]{3,})*$/;

/** Parses the inside of one `[...]` block of an actor entry. */
function parseDatedCode(inner: string, n: number, report?: ParseReport): DatedCode | null {
  const body = inner.trim();
  const m = /^(\S+)\s*(.*)$/.exec(body);
  if (!m) {
    warn(report, n, 'empty code block');
    return null;
  }
  const code = m[1].toUpperCase();
  if (!ACTOR_CODE.test(code)) {
    warn(report, n, `invalid actor code "${m[1]}"`);
    return null;
  }
  // "ELR/GAL" lists alternatives: the first is the code; discard markers code nothing.
  const value = /^[-+#]{3}$/.test(code) ? null : code.split('/')[0];
  const restriction = m[2].replace(/\s+/g, '');
  if (restriction.length === 0) return { code: value };
  let r: RegExpExecArray | null;
  if ((r = /^<(\d{6,8})$/.exec(restriction))) {
    const d = isoDate(r[1]);
    if (d) return { code: value, until: dayBefore(d) };
  } else if ((r = /^>(\d{6,8})$/.exec(restriction))) {
    const d = isoDate(r[1]);
    if (d) return { code: value, from: dayAfter(d) };
  } else if ((r = /^(\d{6,8})-(\d{6,8})$/.exec(restriction))) {
    const from = isoDate(r[1]);
    const until = isoDate(r[2]);
    if (from && until) return { code: value, from, until };
  }
  warn(report, n, `invalid date restriction "${m[2].trim()}"`);
  return null;
}

function parseCodes(s: string, n: number, report?: ParseReport): DatedCode[] {
  const out: DatedCode[] = [];
  CODE_BLOCK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CODE_BLOCK.exec(s)) !== null) {
    const c = parseDatedCode(m[1], n, report);
    if (c) out.push(c);
  }
  return out;
}

/** Parses the text of a PETRARCH actor dictionary. Malformed lines are skipped with a warning. */
export function parsePetrarchActors(text: string, report?: ParseReport): PetrarchActor[] {
  const out: PetrarchActor[] = [];
  let current: PetrarchActor | null = null;
  for (const { line, n } of contentLines(text)) {
    const trimmed = line.trim();
    const bracket = trimmed.indexOf('[');
    const namePart = (bracket >= 0 ? trimmed.slice(0, bracket) : trimmed).trim();
    const codePart = bracket >= 0 ? trimmed.slice(bracket) : '';
    if (trimmed.startsWith('[')) {
      if (!current) {
        warn(report, n, 'code line before any entry');
        continue;
      }
      current.codes.push(...parseCodes(codePart, n, report));
    } else if (trimmed.startsWith('+')) {
      if (!current) {
        warn(report, n, 'synonym before any entry');
        continue;
      }
      const name = displayName(namePart.slice(1));
      if (name.length > 0) current.names.push(name);
      current.codes.push(...parseCodes(codePart, n, report));
    } else if (/^\s/.test(line)) {
      warn(report, n, `unexpected indented line "${trimmed.slice(0, 40)}"`);
    } else {
      const name = displayName(namePart);
      if (name.length === 0) {
        warn(report, n, 'entry without a name');
        current = null;
        continue;
      }
      current = { name, names: [name], codes: parseCodes(codePart, n, report), line: n };
      out.push(current);
    }
  }
  return out;
}

/** Parses the text of a PETRARCH agent dictionary, expanding `!SET!` substitutions. */
export function parsePetrarchAgents(text: string, report?: ParseReport): PetrarchAgent[] {
  const sets = new Map<string, string[]>();
  const out: PetrarchAgent[] = [];
  for (const { line, n } of contentLines(text)) {
    const trimmed = line.trim();
    const set = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(trimmed);
    if (set) {
      sets.set(
        set[1],
        set[2]
          .split(',')
          .map((w) => w.trim())
          .filter((w) => w.length > 0),
      );
      continue;
    }
    const m = /^([^[{]+?)\s*(?:\{([^}]*)\})?\s*\[\s*(~?)\s*([A-Z0-9]+)\s*(~?)\s*\]/.exec(trimmed);
    if (!m) {
      warn(report, n, `unreadable agent line "${trimmed.slice(0, 40)}"`);
      continue;
    }
    const placement = m[3] === '~' ? 'suffix' : m[5] === '~' ? 'prefix' : null;
    if (!placement) {
      warn(report, n, `agent code without ~ marker "${m[4]}"`);
      continue;
    }
    const plurals = (m[2] ?? '').split(/[\s,]+/).filter((w) => w.length > 0);
    const words = expand(m[1], sets).concat(plurals.flatMap((p) => expand(p, sets)));
    out.push({
      words: words.map(displayName).map((w) => w.toLowerCase()),
      code: m[4],
      placement,
      noPlural: m[2] !== undefined && plurals.length === 0,
    });
  }
  return out;
}

function expand(noun: string, sets: ReadonlyMap<string, string[]>): string[] {
  const marker = /![A-Z]+!/.exec(noun);
  if (!marker) return [noun];
  const values = sets.get(marker[0]);
  if (!values) return [noun.replace(marker[0], '')];
  return values.flatMap((v) => expand(noun.replace(marker[0], v), sets));
}

/**
 * Agent entries as role words of the knowledge base: the first three letters of the code when
 * they are a CAMEO agent type ("GOVFRM" → GOV); other codes (religions, sub-types) are skipped.
 */
export function agentsToRoleWords(agents: readonly PetrarchAgent[]): RoleWord[] {
  const out: RoleWord[] = [];
  for (const a of agents) {
    const agent = CameoAgent.safeParse(a.code.slice(0, 3));
    if (!agent.success || a.placement !== 'suffix') continue;
    out.push({ words: a.words, agent: agent.data, title: !a.noPlural });
  }
  return out;
}

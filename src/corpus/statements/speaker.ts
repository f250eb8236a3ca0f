/**
 * Speaker keys: canonical names from different articles differ in form ("Trump", "Donald Trump",
 * "Donald J. Trump"), so two speakers are compared by their name words, not by string equality.
 */
import { z } from 'zod';
import { loadData } from '../../util/data.js';

const HONORIFIC = /^(mr|mrs|ms|dr|sen|rep|gov|pres|jr|sr|ii|iii)$/;

/** The lower-cased name words of a canonical name, without honorifics and initials. */
export function nameWords(name: string): string[] {
  return (name.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).filter(
    (w) => w.length > 1 && !HONORIFIC.test(w),
  );
}

/** The blocking key of a speaker: the last name word (a surname for persons), or null. */
export function speakerKey(name: string | null): string | null {
  if (!name) return null;
  const words = nameWords(name);
  return words.length ? words[words.length - 1] : null;
}

/**
 * Whether two named speakers may be the same person or body: one's name words are all among the
 * other's ("Trump" and "Donald Trump"), or — for two full names — first and last words agree.
 */
export function sameSpeaker(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return false;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const inLong = new Set(long);
  if (short.every((w) => inLong.has(w))) return true;
  return wa[0] === wb[0] && wa[wa.length - 1] === wb[wb.length - 1];
}

const SpeakersSchema = z.object({
  about: z.string(),
  principals: z.array(
    z.object({
      name: z.string(),
      speakers: z.array(z.object({ name: z.string(), from: z.string(), until: z.string() })),
    }),
  ),
});
let aliases: Map<string, Array<{ principal: string; from: string; until: string }>> | undefined;

/** Alias name words → the principal they speak for, and when (data/statements/speakers.json). */
function aliasTable(): NonNullable<typeof aliases> {
  if (aliases) return aliases;
  aliases = new Map();
  for (const p of loadData('statements/speakers.json', SpeakersSchema).principals)
    for (const s of p.speakers) {
      const key = nameWords(s.name).join(' ');
      aliases.set(key, [...(aliases.get(key) ?? []), { principal: p.name, from: s.from, until: s.until }]);
    }
  return aliases;
}

/** Particles that may be lower-case inside a name ("Ludwig van Beethoven", "Osama bin Laden"). */
const PARTICLE = /^(de|da|del|della|di|du|la|le|van|von|der|den|bin|ibn|al|el|y)$/;

/**
 * The speaker as the matcher compares it: null for no name or for a description rather than a name
 * (a lower-case word: "the Romanian hacker", "a group of Republicans" — it names nobody in
 * particular), the principal for a spokesperson, head or office speaking for one at that date
 * (data/statements/speakers.json), else the name itself.
 */
export function matchingSpeaker(name: string | null, published: string | null): string | null {
  if (!name) return null;
  const words = name.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  if (words.some((w) => /^\p{Ll}/u.test(w) && !PARTICLE.test(w))) return null;
  const day = published?.slice(0, 10) ?? null;
  const alias = aliasTable()
    .get(nameWords(name).join(' '))
    ?.find((a) => day !== null && a.from <= day && day <= a.until);
  return alias ? alias.principal : name;
}

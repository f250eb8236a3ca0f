/**
 * Speaker keys: canonical names from different articles differ in form ("Trump", "Donald Trump",
 * "Donald J. Trump"), so two speakers are compared by their name words, not by string equality.
 */

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

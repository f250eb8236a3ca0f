/**
 * Word alignment of two reports: a longest common subsequence placed so that unmatched words fall
 * at the edges rather than inside (the procedure of test/fixtures/statements/README.md).
 */

/** Matched index pairs [i in a, j in b], in order. */
export type Alignment = Array<[number, number]>;

/** suffix[i][j] = LCS length of a[i..] and b[j..]. */
function suffixTable(a: readonly string[], b: readonly string[]): Uint16Array[] {
  const t = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  return t;
}

/** Left-to-right walk: match as early as possible; on a tie skip the word of `a`. */
function greedyWalk(a: readonly string[], b: readonly string[]): Alignment {
  const t = suffixTable(a, b);
  const out: Alignment = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j] && t[i + 1][j + 1] + 1 === t[i][j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (t[i + 1][j] >= t[i][j + 1]) i++;
    else j++;
  }
  return out;
}

/** The first match of a longest subsequence taken as late as possible. */
function lateFirst(a: readonly string[], b: readonly string[], t: Uint16Array[]): [number, number] {
  let i = 0;
  let j = 0;
  for (;;) {
    if (t[i + 1][j] === t[i][j]) i++;
    else if (t[i][j + 1] === t[i][j]) j++;
    else return [i, j];
  }
}

export function align(a: readonly string[], b: readonly string[]): Alignment {
  const t = suffixTable(a, b);
  const total = t[0][0];
  if (total === 0) return [];
  const first = lateFirst(a, b, t);
  const ra = [...a].reverse();
  const rb = [...b].reverse();
  const [li, lj] = lateFirst(ra, rb, suffixTable(ra, rb));
  const last: [number, number] = [a.length - 1 - li, b.length - 1 - lj];
  if (total === 1) return first[0] === last[0] && first[1] === last[1] ? [first] : greedyWalk(a, b);
  if (last[0] <= first[0] || last[1] <= first[1]) return greedyWalk(a, b);
  const innerA = a.slice(first[0] + 1, last[0]);
  const innerB = b.slice(first[1] + 1, last[1]);
  const inner = greedyWalk(innerA, innerB);
  if (inner.length + 2 !== total) return greedyWalk(a, b);
  return [first, ...inner.map(([i, j]): [number, number] => [i + first[0] + 1, j + first[1] + 1]), last];
}

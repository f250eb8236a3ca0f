/**
 * Binary searches over spans sorted by position that do not overlap (tokens, regex matches in text
 * order) and over ascending numbers, shared by the stages that look spans up by offset.
 */

/** How many of the ascending numbers are below `x` (the index of the first one at or after it). */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the spans (sorted, not overlapping) end at or before `at`. */
export function countEndingBy(spans: ReadonlyArray<{ end: number }>, at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the spans (sorted, not overlapping) start before `at`. */
export function countStartingBefore(spans: ReadonlyArray<{ start: number }>, at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `[start, end)` overlaps one of the spans (sorted, not overlapping). */
export function overlapsAny(
  spans: ReadonlyArray<{ start: number; end: number }>,
  start: number,
  end: number,
): boolean {
  const next = spans[countEndingBy(spans, start)];
  return next !== undefined && next.start < end;
}

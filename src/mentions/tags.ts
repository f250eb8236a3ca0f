/*
 * BILOU tagging: every entity token is Begin, Inside, Last or Unit (single-token) of its type.
 * Tag 0 is O; tag 1 + 4*type + position otherwise.
 */

export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];

export const POS_B = 0;
export const POS_I = 1;
export const POS_L = 2;
export const POS_U = 3;

export const TAG_O = 0;
export const TAG_COUNT = 1 + NER_TYPES.length * 4;

export function tagOf(type: number, pos: number): number {
  return 1 + type * 4 + pos;
}
export function typeOfTag(tag: number): number {
  return tag === TAG_O ? -1 : (tag - 1) >> 2;
}
export function posOfTag(tag: number): number {
  return tag === TAG_O ? -1 : (tag - 1) & 3;
}

/** True when the tag leaves an entity open (B or I), so the next tag must continue it. */
export function isOpen(tag: number): boolean {
  const p = posOfTag(tag);
  return p === POS_B || p === POS_I;
}

/**
 * Whether `tag` may follow `prev` (TAG_O at sentence start); `last` marks the sentence's final
 * token, where no entity may stay open.
 */
export function allowed(prev: number, tag: number, last: boolean): boolean {
  const p = posOfTag(tag);
  if (isOpen(prev)) {
    if (typeOfTag(tag) !== typeOfTag(prev)) return false;
    if (p === POS_I) return !last;
    return p === POS_L;
  }
  if (p === POS_I || p === POS_L) return false;
  return !(last && p === POS_B);
}

/** allowed() as a table: index (prev * TAG_COUNT + tag) * 2 + (last ? 1 : 0); prev may be TAG_COUNT (start). */
export const ALLOWED: Uint8Array = (() => {
  const table = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT * 2);
  for (let prev = 0; prev <= TAG_COUNT; prev++) {
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      const p = prev === TAG_COUNT ? TAG_O : prev;
      table[(prev * TAG_COUNT + tag) * 2] = allowed(p, tag, false) ? 1 : 0;
      table[(prev * TAG_COUNT + tag) * 2 + 1] = allowed(p, tag, true) ? 1 : 0;
    }
  }
  return table;
})();

export interface TokenEntity {
  /** First token index and one past the last token index. */
  first: number;
  end: number;
  type: number;
}

/** Reads entities off a tag sequence; a tag path that the constraints made consistent always parses. */
export function entitiesFromTags(tags: ArrayLike<number>, from: number, to: number): TokenEntity[] {
  const out: TokenEntity[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const t = tags[i];
    const p = posOfTag(t);
    if (p === POS_U) {
      out.push({ first: i, end: i + 1, type: typeOfTag(t) });
      open = -1;
    } else if (p === POS_B) {
      open = i;
    } else if (p === POS_L && open >= 0) {
      out.push({ first: open, end: i + 1, type: typeOfTag(t) });
      open = -1;
    } else if (p !== POS_I) {
      open = -1;
    }
  }
  return out;
}

/** Writes BILOU tags for token entities into `tags` (which should start as all O). */
export function tagsFromEntities(entities: readonly TokenEntity[], tags: Uint8Array): void {
  for (const e of entities) {
    if (e.end - e.first === 1) {
      tags[e.first] = tagOf(e.type, POS_U);
      continue;
    }
    tags[e.first] = tagOf(e.type, POS_B);
    for (let i = e.first + 1; i < e.end - 1; i++) tags[i] = tagOf(e.type, POS_I);
    tags[e.end - 1] = tagOf(e.type, POS_L);
  }
}

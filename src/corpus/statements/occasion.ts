/**
 * The occasion of a report, read from its frame — the cue and the text just around the report,
 * outside its content: the day it was said ("on Thursday", "yesterday", "Dec. 7", resolved against
 * the publication date), and markers of a repeated line rather than one utterance ("has repeatedly
 * said", "has promised"). Two reports of one utterance share their day; the same talking point on
 * another occasion does not. (Words naming the kind of occasion or the medium — "at a rally", "told
 * CNN" — were tried as features and gave no cross-validated gain on the statements gold.)
 */
import { z } from 'zod';
import { loadData } from '../../util/data.js';
import { CONTEXT_CHARS } from './reports.js';
import type { Report } from './types.js';

const OccasionSchema = z.object({
  about: z.string(),
  weekdays: z.array(z.string()).length(7),
  relativeDays: z.record(z.string(), z.number().int()),
  habitual: z.array(z.string()),
  habitualSequences: z.array(z.array(z.string()).min(2)),
});

interface OccasionLexicon {
  weekday: Map<string, number>;
  relativeDays: Map<string, number>;
  habitual: Set<string>;
  habitualSequences: string[][];
}

let cached: OccasionLexicon | undefined;
function lexicon(): OccasionLexicon {
  if (cached) return cached;
  const raw = loadData('statements/occasion.json', OccasionSchema);
  cached = {
    weekday: new Map(raw.weekdays.map((w, i) => [w, i])),
    relativeDays: new Map(Object.entries(raw.relativeDays)),
    habitual: new Set(raw.habitual),
    habitualSequences: raw.habitualSequences,
  };
  return cached;
}

export interface Occasion {
  /** The day the words were said (days since the epoch) when the frame names it, else null. */
  day: number | null;
  /** The frame marks a repeated line ("repeatedly", "has long"). */
  habitual: boolean;
  /** The cue is in the perfect ("has promised", "have long said"): no one occasion. */
  perfect: boolean;
}

/** Characters of the frame before the report's first span and after its last. */
const BEFORE = 120;
const AFTER = 80;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_DAY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b/g;

/** The frame of a report: its context near its spans, with the content blanked out. */
export function frameOf(report: Report): string {
  const ctx = report.context ?? '';
  if (!ctx || report.content.length === 0) return report.cue.map((c) => c.text).join(' ');
  const base = Math.max(0, Math.min(...report.content.map((c) => c.start)) - CONTEXT_CHARS);
  const spans = [...report.cue, ...report.content];
  const from = Math.max(0, Math.min(...spans.map((s) => s.start)) - base - BEFORE);
  const to = Math.min(ctx.length, Math.max(...spans.map((s) => s.end)) - base + AFTER);
  let frame = ctx.slice(from, to);
  for (const c of report.content) {
    const s = Math.max(0, c.start - base - from);
    const e = Math.min(frame.length, c.end - base - from);
    if (e > s) frame = frame.slice(0, s) + ' '.repeat(e - s) + frame.slice(e);
  }
  return frame.toLowerCase();
}

const DAY_MS = 864e5;

/** The day a weekday, relative day or month-day names, as the latest such day not after publication. */
function namedDay(words: readonly string[], frame: string, published: number | null): number | null {
  if (published === null) return null;
  const lex = lexicon();
  for (const w of words) {
    const rel = lex.relativeDays.get(w);
    if (rel !== undefined) return published + rel;
    const wd = lex.weekday.get(w);
    // Day 0 of the epoch was a Thursday (weekday 4).
    if (wd !== undefined) return published - ((((published + 4 - wd) % 7) + 7) % 7);
  }
  for (const m of frame.matchAll(MONTH_DAY)) {
    const month = MONTHS.indexOf(m[1].slice(0, 3));
    const dom = Number(m[2]);
    if (month < 0 || dom < 1 || dom > 31) continue;
    const year = new Date(published * DAY_MS).getUTCFullYear();
    for (const y of [year, year - 1]) {
      const day = Math.floor(Date.UTC(y, month, dom) / DAY_MS);
      if (day <= published) return day;
    }
  }
  return null;
}

function hasSequence(words: readonly string[], seq: readonly string[]): boolean {
  for (let i = 0; i + seq.length <= words.length; i++)
    if (seq.every((w, k) => words[i + k] === w)) return true;
  return false;
}

const PERFECT = /\b(?:has|have|had|'s|'ve)\s+(?:\p{L}+ly\s+|long\s+|also\s+|since\s+)?$/u;

/** Whether the text just before the cue makes it perfect ("has promised"). */
function perfectCue(report: Report): boolean {
  const cue = report.cue[0];
  const ctx = report.context ?? '';
  if (!cue || !ctx) return false;
  const base = Math.max(0, Math.min(...report.content.map((c) => c.start)) - CONTEXT_CHARS);
  const at = cue.start - base;
  if (at < 0 || at > ctx.length) return false;
  return PERFECT.test(ctx.slice(Math.max(0, at - 30), at).toLowerCase()) || /^(?:has|have)\b/i.test(cue.text);
}

/** The occasion of a report; `published` in days since the epoch, or null. */
export function occasionOf(report: Report, published: number | null): Occasion {
  const lex = lexicon();
  const frame = frameOf(report);
  const words = frame.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  return {
    day: namedDay(words, frame, published),
    habitual:
      words.some((w) => lex.habitual.has(w)) || lex.habitualSequences.some((s) => hasSequence(words, s)),
    perfect: perfectCue(report),
  };
}

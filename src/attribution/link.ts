import { countBelow } from '../util/sorted-spans.js';
import { ROLE_OF_LABEL } from './features.js';

/** A run of tokens carrying one role, `[from, to)` in token indices. */
export interface RoleSpan {
  role: 'source' | 'cue' | 'content';
  from: number;
  to: number;
}

/** An attribution as token spans, before it is turned into model objects. */
export interface LinkedAttribution {
  cue: RoleSpan | null;
  source: RoleSpan | null;
  content: RoleSpan[];
  /** The attribution whose content this one is reported in ("she said the minister told her …"). */
  within?: LinkedAttribution;
}

/** Role spans from BIO labels: a B- starts a span, I- of the same role continues it. */
export function roleSpans(labels: Uint8Array): RoleSpan[] {
  const out: RoleSpan[] = [];
  let cur: RoleSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    const role = ROLE_OF_LABEL[l];
    const begins = l === 1 || l === 3 || l === 5;
    if (cur && (role !== cur.role || begins)) {
      out.push(cur);
      cur = null;
    }
    if (role && !cur) cur = { role, from: i, to: i + 1 };
    else if (cur) cur.to = i + 1;
  }
  if (cur) out.push(cur);
  return out;
}

function gap(a: RoleSpan, b: RoleSpan): number {
  if (a.to <= b.from) return b.from - a.to;
  if (b.to <= a.from) return a.from - b.to;
  return 0;
}

export interface LinkContext {
  /** Sentence index of each token. */
  sentence: Int32Array;
  /** Paragraph (decoding segment) index of each token. */
  segment: Int32Array;
  /** 1 for punctuation and quote-mark tokens. */
  filler: Uint8Array;
}

/**
 * The cue of a quotation's trailing attribution ("“…,” Rutte said" / "“…,” said Rutte"): the first
 * cue after the quotation with only punctuation and a source between them. News style puts the
 * speaker there, so it beats a nearer cue before the quotation ("stating, “…”").
 */
function trailingCue(
  content: RoleSpan,
  cues: readonly RoleSpan[],
  inSource: Uint8Array,
  ctx: LinkContext,
): RoleSpan | null {
  const cue = cues.find((c) => c.from >= content.to);
  if (!cue || cue.from - content.to > 12 || ctx.segment[cue.from] !== ctx.segment[content.from]) return null;
  for (let i = content.to; i < cue.from; i++) {
    if (!ctx.filler[i] && !inSource[i]) return null;
  }
  return cue;
}

/** 1 for every token inside a source span: a lookup per token, not a scan of all sources. */
function sourceTokens(sources: readonly RoleSpan[], length: number): Uint8Array {
  const marks = new Uint8Array(length);
  for (const s of sources) marks.fill(1, s.from, s.to);
  return marks;
}

/** Distance with a penalty for crossing sentences, so a cue in the same sentence wins. */
function distance(ctx: LinkContext, a: RoleSpan, b: RoleSpan): number {
  const sa0 = ctx.sentence[a.from];
  const sa1 = ctx.sentence[a.to - 1];
  const sb0 = ctx.sentence[b.from];
  const sb1 = ctx.sentence[b.to - 1];
  const sentGap = sa1 < sb0 ? sb0 - sa1 : sb1 < sa0 ? sa0 - sb1 : 0;
  return gap(a, b) + 1000 * sentGap;
}

/**
 * Links role spans into attributions: every content joins the nearest cue of its paragraph
 * (a quotation without a cue there joins the last cue of the paragraph before, the convention of
 * quotations running over paragraphs); every cue with content takes the nearest source of its
 * sentence (sources may be shared: "Trump reiterated …, noting …").
 */
export function link(
  spans: readonly RoleSpan[],
  ctx: LinkContext,
  quoted: (s: RoleSpan) => boolean,
): LinkedAttribution[] {
  const cues = spans.filter((s) => s.role === 'cue');
  const sources = spans.filter((s) => s.role === 'source');
  const sourceStarts = Int32Array.from(sources, (s) => s.from);
  const inSource = sourceTokens(sources, ctx.filler.length);
  const contentsOf = new Map<RoleSpan | null, RoleSpan[]>();
  let lastCueBefore: RoleSpan | null = null;
  let ci = 0;
  for (const content of spans) {
    if (content.role !== 'content') continue;
    while (ci < cues.length && cues[ci].to <= content.from) lastCueBefore = cues[ci++];
    const seg = ctx.segment[content.from];
    let best: RoleSpan | null = null;
    let bestD = Infinity;
    // Cues are few; scan the neighbours of this paragraph only.
    for (let k = Math.max(0, ci - 8); k < Math.min(cues.length, ci + 8); k++) {
      const cue = cues[k];
      if (ctx.segment[cue.from] !== seg) continue;
      const d = distance(ctx, content, cue);
      if (d < bestD) {
        bestD = d;
        best = cue;
      }
    }
    if (quoted(content)) best = trailingCue(content, cues.slice(ci, ci + 2), inSource, ctx) ?? best;
    if (!best && lastCueBefore && quoted(content) && ctx.segment[lastCueBefore.from] === seg - 1)
      best = lastCueBefore;
    const list = contentsOf.get(best) ?? [];
    list.push(content);
    contentsOf.set(best, list);
  }
  const out: LinkedAttribution[] = [];
  for (const [cue, content] of contentsOf) {
    let source: RoleSpan | null = null;
    if (cue) {
      // Sources are sorted: look outwards from the cue while still in its sentence.
      const sent = ctx.sentence[cue.from];
      const lo = countBelow(sourceStarts, cue.from);
      let bestD = Infinity;
      for (let k = lo - 1; k >= 0 && ctx.sentence[sources[k].to - 1] >= sent; k--) {
        const d = gap(sources[k], cue);
        if (d < bestD) {
          bestD = d;
          source = sources[k];
        }
      }
      for (let k = lo; k < sources.length && ctx.sentence[sources[k].from] <= sent; k++) {
        const d = gap(sources[k], cue);
        if (d < bestD) {
          bestD = d;
          source = sources[k];
        }
      }
    }
    out.push({ cue, source, content });
  }
  out.sort((a, b) => (a.cue ?? a.content[0]).from - (b.cue ?? b.content[0]).from);
  return out;
}

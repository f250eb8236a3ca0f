/**
 * Reports from one analysed article: each attribution with its speaker's canonical name (null when
 * the source is unnamed or unresolved — an unresolved speaker beats a wrong name), its cue, content,
 * form and the text around it.
 */
import type { Analysis, Attribution, TextSpan } from '../../model/index.js';
import type { Piece, Report } from './types.js';

export interface ArticleRef {
  id: string;
  outlet?: string;
  published: string | null;
  ingestOrder: number;
}

/** How much text on each side of a report is kept as its context. */
export const CONTEXT_CHARS = 400;

const piece = (text: string, s: TextSpan): Piece => ({
  start: s.start,
  end: s.end,
  text: text.slice(s.start, s.end),
});

/** The text around a report's spans, CONTEXT_CHARS on each side. */
export function contextAround(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  if (spans.length === 0) return '';
  const from = Math.max(0, Math.min(...spans.map((s) => s.start)) - CONTEXT_CHARS);
  const to = Math.min(text.length, Math.max(...spans.map((s) => s.end)) + CONTEXT_CHARS);
  return text.slice(from, to);
}

/** The canonical name the analysis gives an attribution's speaker, or null. */
export function speakerName(
  analysis: Analysis,
  a: Attribution,
  names: ReadonlyMap<string, string> = actorNames(analysis),
): string | null {
  if (!a.source || a.source.unnamed) return null;
  const id = a.source.actors?.[0] ?? a.source.actor;
  return (id && names.get(id)) || null;
}

/** Actor id → canonical name, built once per article (not a scan per attribution). */
const actorNames = (analysis: Analysis): Map<string, string> =>
  new Map(analysis.actors.map((x) => [x.id, x.name]));

export function reportsFromAnalysis(analysis: Analysis, article: ArticleRef): Report[] {
  const text = analysis.text;
  const names = actorNames(analysis);
  return analysis.attributions
    .filter((a) => a.content.length > 0)
    .map((a) => ({
      id: `${article.id}#${a.id}`,
      article: article.id,
      ...(article.outlet ? { outlet: article.outlet } : {}),
      published: article.published,
      ingestOrder: article.ingestOrder,
      speaker: speakerName(analysis, a, names),
      ...(a.source ? { credit: a.source.text } : {}),
      cue: a.cue ? [piece(text, a.cue)] : [],
      content: [...a.content].sort((x, y) => x.start - y.start).map((s) => piece(text, s)),
      form: a.kind,
      context: contextAround(text, a.content),
    }));
}

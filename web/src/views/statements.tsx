import { useState } from 'preact/hooks';
import type { DriftKind } from '../../../src/corpus/statements/index.js';
import type { StatementDetail, StatementReport, StatementSummary } from '../../../src/corpus/index.js';
import { query } from '../api.js';
import { driftSegments, droppedWords } from '../drift-marks.js';
import { href, navigate } from '../router.js';
import { day } from './common.js';
import { Fetched, ReportCards } from './report-cards.js';

export function StatementsView({ params }: { params: URLSearchParams }) {
  const current = { speaker: params.get('speaker') ?? '', minOutlets: params.get('minOutlets') ?? '2' };
  const [draft, setDraft] = useState(current);
  const path = `/api/statements${query({ ...current, limit: 100 })}`;
  return (
    <section>
      <h1>Statements</h1>
      <p class="muted">
        One utterance reported by several articles: the origin is the earliest report; each later report shows
        how the words changed as they travelled.
      </p>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(['statements'], draft);
        }}
      >
        <input
          name="speaker"
          type="search"
          placeholder="Speaker"
          value={draft.speaker}
          onInput={(e) => setDraft({ ...draft, speaker: e.currentTarget.value })}
        />
        <select
          name="minOutlets"
          value={draft.minOutlets}
          onChange={(e) => setDraft({ ...draft, minOutlets: e.currentTarget.value })}
        >
          {['1', '2', '3', '4'].map((n) => (
            <option value={n}>{n === '1' ? 'any outlets' : `${n}+ outlets`}</option>
          ))}
        </select>
        <button type="submit">Filter</button>
      </form>
      <Fetched<{ total: number; items: StatementSummary[] }> path={path}>
        {(data) => (
          <ReportCards
            items={data.items}
            total={data.total}
            noun="statements"
            testid="statement-list"
            card={(s) => ({
              quote: s.content,
              meta: (
                <>
                  {s.speaker ?? 'unnamed source'} · {s.reports} reports · {s.outlets.join(', ') || '—'} ·
                  first {day(s.published)} ·{' '}
                  <a class="open-statement" href={href(['statement', s.id])}>
                    how it travelled
                  </a>
                </>
              ),
            })}
          />
        )}
      </Fetched>
    </section>
  );
}

/** A label for every drift kind (the compiler checks none is missing). */
const KIND_LABELS: Record<DriftKind, string> = {
  'words-added': 'words added',
  'words-changed': 'words changed',
  'words-removed': 'words removed',
  truncated: 'cut short',
  ellipsis: 'ellipsis',
  'form-changed': 'quote ↔ paraphrase',
  'speaker-changed': 'other speaker credited',
  'stance-changed': 'verb of saying changed',
  'condition-lost': 'condition lost',
  'condition-added': 'condition added',
  'negation-lost': 'negation lost',
  'negation-added': 'negation added',
  identical: 'identical',
};

function ReportItem({ report, origin }: { report: StatementReport; origin: boolean }) {
  const segments = driftSegments(report.content, report.drift);
  const dropped = droppedWords(report.drift);
  const kinds = [...new Set(report.drift.map((d) => d.kind))];
  const stance = report.drift.find((d) => d.kind === 'stance-changed');
  const attribution = report.id.slice(report.article.length + 1);
  return (
    <li class={origin ? 'report origin' : 'report'} data-testid="report">
      <div class="when">{day(report.published)}</div>
      <div class="what">
        <div class="muted">
          <strong>{report.outlet ?? 'unknown outlet'}</strong> · {report.speaker ?? 'unnamed source'}
          {report.cue.length > 0 && (
            <>
              {' '}
              ·{' '}
              {stance ? (
                <mark class="drift" data-kind="stance-changed" title={`was “${stance.from.text}”`}>
                  {report.cue.map((c) => c.text).join(' ')}
                </mark>
              ) : (
                `“${report.cue.map((c) => c.text).join(' ')}”`
              )}
            </>
          )}{' '}
          · {report.form}
        </div>
        <blockquote data-testid="report-content">
          {segments.map((piece, i) => (
            <>
              {i > 0 && ' … '}
              {piece.map((s) =>
                s.kinds.length ? (
                  <mark
                    class="drift"
                    data-kind={s.kinds.join(' ')}
                    title={s.kinds.map((k) => KIND_LABELS[k as DriftKind] ?? k).join(', ')}
                  >
                    {s.text}
                  </mark>
                ) : (
                  s.text
                ),
              )}
            </>
          ))}
        </blockquote>
        {dropped.length > 0 && (
          <div class="dropped muted">
            dropped from the origin:{' '}
            {dropped.map((d, i) => (
              <>
                {i > 0 && ' · '}
                <del>{d.text}</del>
              </>
            ))}
          </div>
        )}
        <div class="chips">
          {origin ? (
            <span class="chip origin-chip">origin</span>
          ) : (
            kinds.map((k) => (
              <span class="chip" data-kind={k}>
                {KIND_LABELS[k]}
              </span>
            ))
          )}{' '}
          <a class="open-article" href={href(['article', report.article], { focus: `att:${attribution}` })}>
            open in article
          </a>
        </div>
      </div>
    </li>
  );
}

export function StatementView({ id }: { id: string }) {
  return (
    <section>
      <Fetched<{ statement: StatementDetail }> path={`/api/statements/${encodeURIComponent(id)}`}>
        {({ statement }) => (
          <>
            <h1>Statement by {statement.speaker ?? 'an unnamed source'}</h1>
            <p class="muted">
              {statement.reports.length} reports · {statement.outlets.length} outlets (
              {statement.outlets.join(', ')}) · first {day(statement.reports[0]?.published ?? null)}.
              Highlighted: words that differ from the origin.
            </p>
            <ol class="timeline" data-testid="statement-timeline">
              {statement.reports.map((r) => (
                <ReportItem report={r} origin={r.id === statement.origin} />
              ))}
            </ol>
          </>
        )}
      </Fetched>
    </section>
  );
}

import type { ClaimDetail, ClaimSummary } from '../../../src/corpus/index.js';
import { href } from '../router.js';
import { day } from './common.js';
import { Fetched, InArticle, ReportCards } from './report-cards.js';

export function ClaimsView({ params }: { params: URLSearchParams }) {
  const all = params.get('all') === '1';
  const path = `/api/claims?limit=200${all ? '&traced=false' : ''}`;
  return (
    <section>
      <h1>Claim traces</h1>
      <p class="muted">
        Claims an article states as fact without a source, traced to articles elsewhere that report the same
        thing with a source.{' '}
        {all ? (
          <a href={href(['claims'])}>Only traced claims</a>
        ) : (
          <a href={href(['claims'], { all: '1' })}>All claims</a>
        )}
      </p>
      <Fetched<{ total: number; items: ClaimSummary[] }> path={path}>
        {(data) => (
          <ReportCards
            items={data.items}
            total={data.total}
            noun="claims"
            testid="claim-list"
            card={(c) => ({
              quote: c.span.text,
              meta: (
                <>
                  {c.outlet ?? '—'} · {day(c.published)} · {c.traces} sourced{' '}
                  {c.traces === 1 ? 'report' : 'reports'} ·{' '}
                  <a class="open-claim" href={href(['claim', c.id])}>
                    trace
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

export function ClaimView({ id }: { id: string }) {
  return (
    <section>
      <Fetched<{ claim: ClaimDetail }> path={`/api/claims/${encodeURIComponent(id)}`}>
        {({ claim }) => (
          <>
            <h1>Unattributed claim</h1>
            <blockquote data-testid="claim-text">{claim.span.text}</blockquote>
            <p class="muted">
              stated as fact by {claim.outlet ?? 'an unknown outlet'} on {day(claim.published)} in{' '}
              <a href={href(['article', claim.article])}>{claim.title ?? claim.article}</a> — {claim.reason}
            </p>
            <h2>Reported with a source</h2>
            {claim.sources.length === 0 && (
              <p class="muted">Not found with a source elsewhere in the corpus.</p>
            )}
            <ReportCards
              items={claim.sources}
              testid="claim-sources"
              card={(s) => ({
                quote: s.content.map((c) => c.text).join(' … '),
                meta: (
                  <>
                    <strong>{s.speaker ?? 'unnamed source'}</strong>
                    {s.cue.length > 0 && <> · “{s.cue.map((c) => c.text).join(' ')}”</>} · {s.outlet ?? '—'} ·{' '}
                    {day(s.published)} ·{' '}
                    <InArticle
                      article={s.article}
                      attribution={s.report.slice(s.article.length + 1)}
                      title={s.title}
                    />
                    {s.statementReports > 1 && (
                      <>
                        {' '}
                        ·{' '}
                        <a href={href(['statement', s.statement])}>
                          statement reported {s.statementReports}×
                        </a>
                      </>
                    )}
                  </>
                ),
              })}
            />
          </>
        )}
      </Fetched>
    </section>
  );
}

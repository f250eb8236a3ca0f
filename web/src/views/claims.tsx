import type { ClaimDetail, ClaimSummary } from '../../../src/corpus/index.js';
import { useApi } from '../hooks.js';
import { href } from '../router.js';
import { ApiLink, Loaded, day } from './common.js';

export function ClaimsView({ params }: { params: URLSearchParams }) {
  const all = params.get('all') === '1';
  const path = `/api/claims?limit=200${all ? '&traced=false' : ''}`;
  const load = useApi<{ total: number; items: ClaimSummary[] }>(path);
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
      <ApiLink path={path} />
      <Loaded load={load}>
        {(data) => (
          <>
            <p class="muted">{data.total} claims</p>
            <ul class="cards" data-testid="claim-list">
              {data.items.map((c) => (
                <li>
                  <blockquote>{c.span.text}</blockquote>
                  <div class="muted">
                    {c.outlet ?? '—'} · {day(c.published)} · {c.traces} sourced{' '}
                    {c.traces === 1 ? 'report' : 'reports'} ·{' '}
                    <a class="open-claim" href={href(['claim', c.id])}>
                      trace
                    </a>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
    </section>
  );
}

export function ClaimView({ id }: { id: string }) {
  const path = `/api/claims/${encodeURIComponent(id)}`;
  const load = useApi<{ claim: ClaimDetail }>(path);
  return (
    <section>
      <ApiLink path={path} />
      <Loaded load={load}>
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
            <ul class="cards" data-testid="claim-sources">
              {claim.sources.map((s) => (
                <li>
                  <blockquote>{s.content.map((c) => c.text).join(' … ')}</blockquote>
                  <div class="muted">
                    <strong>{s.speaker ?? 'unnamed source'}</strong>
                    {s.cue.length > 0 && <> · “{s.cue.map((c) => c.text).join(' ')}”</>} · {s.outlet ?? '—'} ·{' '}
                    {day(s.published)} ·{' '}
                    <a
                      href={href(['article', s.article], {
                        focus: `att:${s.report.slice(s.article.length + 1)}`,
                      })}
                    >
                      in {s.title ?? s.article}
                    </a>
                    {s.statementReports > 1 && (
                      <>
                        {' '}
                        ·{' '}
                        <a href={href(['statement', s.statement])}>
                          statement reported {s.statementReports}×
                        </a>
                      </>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
    </section>
  );
}

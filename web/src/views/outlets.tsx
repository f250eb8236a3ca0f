import type { OutletGraph, Relay } from '../../../src/corpus/index.js';
import { query } from '../api.js';
import { useApi } from '../hooks.js';
import { href } from '../router.js';
import { ApiLink, Loaded, day } from './common.js';

export function OutletsView({ params }: { params: URLSearchParams }) {
  const path = '/api/outlets/graph';
  const load = useApi<OutletGraph & { ok: boolean }>(path);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return (
    <section>
      <h1>Outlet graph</h1>
      <p class="muted">
        Who relays whom: an arrow from an outlet to one it credits (“…, the Wire reported”, “told AFP”), and
        from a credited outlet to what it is said to cite (“citing Russian media”). Width by count.
      </p>
      <ApiLink path={path} />
      <Loaded load={load}>
        {(graph) => (
          <>
            <OutletSvg graph={graph} />
            <table data-testid="outlet-edges">
              <thead>
                <tr>
                  <th>From</th>
                  <th>To</th>
                  <th>How</th>
                  <th>Count</th>
                </tr>
              </thead>
              <tbody>
                {graph.edges.map((e) => {
                  const label = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;
                  return (
                    <tr>
                      <td>{label(e.from)}</td>
                      <td>{label(e.to)}</td>
                      <td>{e.kind === 'credits' ? 'credits' : 'cites'}</td>
                      <td>
                        <a href={href(['outlets'], { from: e.from, to: e.to })}>{e.count}</a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </Loaded>
      {(from || to) && <RelayList from={from} to={to} />}
    </section>
  );
}

function OutletSvg({ graph }: { graph: OutletGraph }) {
  if (graph.nodes.length === 0) return <p class="muted">No relayed statements yet.</p>;
  const R = Math.max(140, Math.ceil((16 * graph.nodes.length) / (2 * Math.PI)));
  const ROOM = 170;
  const W = 2 * (R + ROOM);
  const c = W / 2;
  const pos = new Map(
    graph.nodes.map((n, i) => {
      const t = (2 * Math.PI * i) / graph.nodes.length - Math.PI / 2;
      return [n.id, { x: c + R * Math.cos(t), y: c + R * Math.sin(t), t }];
    }),
  );
  const max = Math.max(1, ...graph.edges.map((e) => e.count));
  return (
    <svg
      class="chart network"
      data-testid="outlet-graph"
      viewBox={`0 0 ${W} ${W}`}
      role="img"
      aria-label="outlet graph"
    >
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#667" />
        </marker>
      </defs>
      {graph.edges.map((e) => {
        const a = pos.get(e.from)!;
        const b = pos.get(e.to)!;
        // Stop short of the target's dot, so the arrow head shows.
        const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
        const k = (len - 8) / len;
        return (
          <line
            x1={a.x}
            y1={a.y}
            x2={a.x + (b.x - a.x) * k}
            y2={a.y + (b.y - a.y) * k}
            class={`edge ${e.kind}`}
            stroke="#667"
            stroke-dasharray={e.kind === 'cites' ? '4 3' : undefined}
            stroke-width={1 + (3 * e.count) / max}
            marker-end="url(#arrow)"
          >
            <title>{`${e.from} ${e.kind} ${e.to}: ${e.count}`}</title>
          </line>
        );
      })}
      {graph.nodes.map((n) => {
        const p = pos.get(n.id)!;
        const right = Math.cos(p.t) >= 0;
        return (
          <g>
            <circle cx={p.x} cy={p.y} r={n.articles > 0 ? 6 : 4} class={n.articles > 0 ? 'held' : 'not-held'}>
              <title>{`${n.label}: ${n.articles} articles held, credited ${n.cited}×, crediting ${n.citing}×`}</title>
            </circle>
            <text x={p.x + (right ? 9 : -9)} y={p.y + 4} text-anchor={right ? 'start' : 'end'} font-size="12">
              {n.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function RelayList({ from, to }: { from: string; to: string }) {
  const path = `/api/relays${query({ from, to, limit: 200 })}`;
  const load = useApi<{ total: number; items: Relay[] }>(path);
  return (
    <>
      <h2>Relays</h2>
      <ApiLink path={path} />
      <Loaded load={load}>
        {(data) => (
          <ul class="cards" data-testid="relay-list">
            {data.items.map((r) => (
              <li>
                <div>
                  <strong>{r.outlet ?? '—'}</strong> credits <strong>{r.relay.text}</strong> (“{r.cue}”)
                  {r.citing && <> citing {r.citing.text}</>} · {day(r.published)} ·{' '}
                  <a href={href(['article', r.article], { focus: `att:${r.attribution}` })}>the report</a>
                  {r.statement && (
                    <>
                      {' '}
                      · <a href={href(['statement', r.statement])}>its statement</a>
                    </>
                  )}
                </div>
                {r.relayed.length > 0 ? (
                  <div class="muted" data-testid="relayed">
                    {r.relay.text}’s own report:{' '}
                    {r.relayed.map((x) => (
                      <a
                        class="relayed-article"
                        href={href(['article', x.article], {
                          focus: `att:${x.report.slice(x.article.length + 1)}`,
                        })}
                      >
                        {x.outlet ?? x.article} {day(x.published)}{' '}
                      </a>
                    ))}
                  </div>
                ) : (
                  <div class="muted">the relayed outlet’s own report is not in the corpus</div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </>
  );
}

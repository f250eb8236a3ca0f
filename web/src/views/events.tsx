import { useState } from 'preact/hooks';
import type { EventHit, TimelinePoint } from '../../../src/store/types.js';
import { query } from '../api.js';
import { useApi } from '../hooks.js';
import { navigate } from '../router.js';
import { EventTable } from './actors.js';
import { ApiLink, Loaded } from './common.js';

const FIELDS = ['actor', 'root', 'quadClass', 'from', 'to'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;

export function EventsView({ params }: { params: URLSearchParams }) {
  const current = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Filters;
  const [draft, setDraft] = useState(current);
  const timelinePath = `/api/timeline${query({ actor: current.actor, from: current.from, to: current.to })}`;
  const eventsPath = `/api/events${query({ ...current, limit: 200 })}`;
  const timeline = useApi<{ points: TimelinePoint[] }>(timelinePath);
  const events = useApi<{ total: number; items: EventHit[] }>(eventsPath);
  return (
    <section>
      <h1>Events</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(['events'], draft);
        }}
      >
        <input
          name="actor"
          placeholder="Actor id or CAMEO code"
          value={draft.actor}
          onInput={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
        />
        <input
          name="root"
          placeholder="CAMEO root (e.g. 04)"
          size={8}
          value={draft.root}
          onInput={(e) => setDraft({ ...draft, root: e.currentTarget.value })}
        />
        <select
          name="quadClass"
          value={draft.quadClass}
          onChange={(e) => setDraft({ ...draft, quadClass: e.currentTarget.value })}
        >
          <option value="">any QuadClass</option>
          <option value="1">1 verbal cooperation</option>
          <option value="2">2 material cooperation</option>
          <option value="3">3 verbal conflict</option>
          <option value="4">4 material conflict</option>
        </select>
        <input
          name="from"
          type="date"
          value={draft.from}
          onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
        />
        <input
          name="to"
          type="date"
          value={draft.to}
          onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
        />
        <button type="submit">Filter</button>
      </form>
      <ApiLink path={timelinePath} />
      <Loaded load={timeline}>{(d) => <TimelineChart points={d.points} />}</Loaded>
      <ApiLink path={eventsPath} />
      <Loaded load={events}>{(d) => <EventTable title="Events" events={d.items} />}</Loaded>
    </section>
  );
}

/** Two panels over the same days: events per day (bars) and their mean Goldstein score (−10…+10). */
export function TimelineChart({ points }: { points: TimelinePoint[] }) {
  const byDay = new Map<string, { count: number; goldstein: number }>();
  for (const p of points) {
    const d = byDay.get(p.day) ?? { count: 0, goldstein: 0 };
    d.count += p.count;
    d.goldstein += p.meanGoldstein * p.count;
    byDay.set(p.day, d);
  }
  const days = [...byDay.keys()].sort();
  if (days.length === 0) return <p class="muted">No dated events.</p>;
  const W = 1040;
  const left = 56;
  const right = 16;
  const countTop = 20;
  const countH = 90;
  const gTop = countTop + countH + 30;
  const gH = 110;
  const H = gTop + gH + 30;
  const max = Math.max(...[...byDay.values()].map((d) => d.count));
  const step = (W - left - right) / days.length;
  const gy = (g: number) => gTop + ((10 - g) / 20) * gH;
  const sameYear = days[0].slice(0, 4) === days[days.length - 1].slice(0, 4);
  const every = Math.ceil(days.length / 12);
  return (
    <svg
      class="chart"
      data-testid="timeline-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label="events per day and mean Goldstein score"
    >
      <text x={4} y={countTop - 6} class="tick">
        events per day (max {max})
      </text>
      <line x1={left} x2={W - right} y1={countTop + countH} y2={countTop + countH} class="axis" />
      <text x={4} y={gTop - 8} class="tick">
        mean Goldstein
      </text>
      {[10, 0, -10].map((g) => (
        <>
          <line x1={left} x2={W - right} y1={gy(g)} y2={gy(g)} class="axis" />
          <text x={left - 6} y={gy(g) + 4} class="tick" text-anchor="end">
            {g > 0 ? `+${g}` : String(g)}
          </text>
        </>
      ))}
      {days.map((day, i) => {
        const d = byDay.get(day)!;
        const h = (d.count / max) * countH;
        const x = left + i * step;
        const mean = d.goldstein / d.count;
        const label = `${day}: ${d.count} events, mean Goldstein ${mean.toFixed(1)}`;
        return (
          <g>
            <rect x={x + step * 0.15} width={step * 0.7} y={countTop + countH - h} height={h} class="bar">
              <title>{label}</title>
            </rect>
            <circle cx={x + step / 2} cy={gy(mean)} r={5} class={mean >= 0 ? 'coop' : 'conflict'}>
              <title>{label}</title>
            </circle>
            {i % every === 0 && (
              <text x={x + step / 2} y={H - 10} class="tick" text-anchor="middle">
                {sameYear ? day.slice(5) : day}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

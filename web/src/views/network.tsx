import type { Network } from '../../../src/store/types.js';
import { useApi } from '../hooks.js';
import { href } from '../router.js';
import { ApiLink, Loaded } from './common.js';

export function NetworkView() {
  const path = '/api/network?limit=150';
  const load = useApi<Network>(path);
  return (
    <section>
      <h1>Actor network</h1>
      <p class="muted">
        Edges are events between actors: width by count, green for cooperation, red for conflict (mean
        Goldstein).
      </p>
      <ApiLink path={path} />
      <Loaded load={load}>{(net) => <NetworkGraph net={net} />}</Loaded>
    </section>
  );
}

/** A circular layout, most active actors first: readable at dashboard sizes without a physics engine. */
function NetworkGraph({ net }: { net: Network }) {
  if (net.nodes.length === 0) return <p class="muted">No actors with events or quotes yet.</p>;
  // Labels run outwards along the radius, so neighbours never overlap as long as the circle leaves
  // about a line height (13 px) of arc per node; the margin is room for ~30 characters.
  const R = Math.max(200, Math.ceil((13 * net.nodes.length) / (2 * Math.PI)));
  const LABEL_ROOM = 220;
  const W = 2 * (R + LABEL_ROOM);
  const cx = W / 2;
  const cy = R + LABEL_ROOM;
  // Actors in events first, next to each other, so edges stay short; then the most quoted.
  const nodes = [...net.nodes].sort(
    (a, b) => b.events - a.events || b.quotes - a.quotes || a.name.localeCompare(b.name),
  );
  const pos = new Map(
    nodes.map((n, i) => {
      const t = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      return [n.id, { x: cx + R * Math.cos(t), y: cy + R * Math.sin(t), t }];
    }),
  );
  const maxCount = Math.max(1, ...net.edges.map((e) => e.count));
  return (
    <svg
      class="chart network"
      data-testid="network-graph"
      viewBox={`0 0 ${W} ${2 * cy}`}
      role="img"
      aria-label="actor network"
    >
      {net.edges.map((e) => {
        const a = pos.get(e.source)!;
        const b = pos.get(e.target)!;
        return (
          <line
            x1={a.x}
            y1={a.y}
            x2={b.x}
            y2={b.y}
            class={e.meanGoldstein >= 0 ? 'edge coop' : 'edge conflict'}
            stroke-width={1 + (4 * e.count) / maxCount}
          >
            <title>
              {e.source} → {e.target}: {e.count} events, mean Goldstein {e.meanGoldstein}
            </title>
          </line>
        );
      })}
      {nodes.map((n) => {
        const p = pos.get(n.id)!;
        const right = Math.cos(p.t) >= 0;
        return (
          <a href={href(['actor', n.id])}>
            <circle cx={p.x} cy={p.y} r={4 + Math.min(10, Math.sqrt(n.events + n.quotes) * 2)} class="node">
              <title>
                {n.name} ({n.cameo ?? 'no code'}): {n.events} events, {n.quotes} quotes
              </title>
            </circle>
            <text
              x={p.x + (right ? 12 : -12)}
              y={p.y + 4}
              text-anchor={right ? 'start' : 'end'}
              transform={`rotate(${((right ? p.t : p.t + Math.PI) * 180) / Math.PI} ${p.x} ${p.y})`}
              class="label"
            >
              {n.name}
            </text>
          </a>
        );
      })}
    </svg>
  );
}

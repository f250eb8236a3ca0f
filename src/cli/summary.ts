import type { Analysis } from '../model/index.js';

/** A human summary of an analysis: actors with roles, who said what, events, dates. */
export function formatSummary(a: Analysis): string {
  const lines: string[] = [];
  const clip = (s: string, n = 110) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ');
  const actorName = new Map(a.actors.map((x) => [x.id, x.name]));
  if (a.meta.title) lines.push(`# ${a.meta.title}`);
  const by = [a.meta.byline && `by ${a.meta.byline}`, a.meta.outlet, a.meta.published]
    .filter(Boolean)
    .join(' · ');
  if (by) lines.push(by);
  lines.push('', `Actors (${a.actors.length})`);
  for (const actor of a.actors) {
    const role = actor.roles[0];
    const roleText = role ? ` — ${role.title}${role.affiliation ? `, ${role.affiliation}` : ''}` : '';
    lines.push(
      `  ${actor.name} [${actor.type}${actor.cameo ? ` ${actor.cameo}` : ''}]${roleText} (${actor.mentions.length}×)`,
    );
  }
  lines.push('', `Who said what (${a.attributions.length})`);
  for (const at of a.attributions) {
    const who = at.source
      ? (at.source.actor && actorName.get(at.source.actor)) || at.source.text
      : '(no source)';
    const cue = at.cue ? at.cue.text : '—';
    const content = at.content.map((c) => c.text).join(' … ');
    const via = at.via.length
      ? `  [via ${at.via.map((v) => `${v.outlet}${v.citing ? ` citing ${v.citing.text}` : ''}`).join('; ')}]`
      : '';
    lines.push(`  ${who} ${cue} (${at.kind}, ${at.stance}): ${clip(content)}${via}`);
  }
  if (a.claims.length) {
    lines.push('', `Unattributed claims (${a.claims.length})`);
    for (const c of a.claims) lines.push(`  ${clip(c.text)}`);
  }
  lines.push('', `Events (${a.events.length})`);
  for (const e of a.events) {
    const src = e.source ? `${e.source.text} (${e.source.code})` : '—';
    const tgt = e.target ? `${e.target.text} (${e.target.code})` : '—';
    const reported = e.attribution ? ` reported in ${e.attribution}` : '';
    lines.push(
      `  ${src} → ${tgt}: CAMEO ${e.cameo}${e.plover ? ` / ${e.plover.type}` : ''}, Goldstein ${e.goldstein}, QuadClass ${e.quadClass} — “${clip(e.trigger.text, 40)}”${reported}`,
    );
  }
  lines.push('', `Dates (${a.times.length})`);
  const how = (t: Analysis['times'][number]): string =>
    t.anchor === 'none'
      ? ' (relative; unresolved: no publication date)'
      : t.anchor === 'text'
        ? ' (counted from an earlier date)'
        : t.relative
          ? ' (relative)'
          : '';
  for (const t of a.times) lines.push(`  “${t.text}” → ${t.value}${how(t)}`);
  if (a.messages.length) {
    lines.push('', `Notes (${a.messages.length})`);
    for (const m of a.messages) lines.push(`  ${m.severity}: ${m.reason} [${m.origin}]`);
  }
  return lines.join('\n') + '\n';
}

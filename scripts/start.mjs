#!/usr/bin/env node
// `npm start`: build (TypeScript + dashboard), load the sample corpus into ./data/newsgraph.db (idempotent:
// a second start stores nothing twice), then serve the dashboard on 127.0.0.1:8080. One command on a
// fresh clone after `npm ci`. PORT, HOST and NEWSGRAPH_DB override the defaults.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
  process.stderr.write(`start: npm run ${script}\n`);
  const r = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`start: "npm run ${script}" failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
}

run('build');
run('build:web');

const { runIngest, formatIngestSummary } = await import(path.join(root, 'dist/cli/commands/ingest.js'));
const { startServer } = await import(path.join(root, 'dist/server/index.js'));

const db = process.env.NEWSGRAPH_DB ?? path.join(root, 'data', 'newsgraph.db');
const summary = await runIngest([path.join(root, 'data', 'sample', 'articles.jsonl')], { db });
process.stderr.write(`start: ${formatIngestSummary(summary)}`);

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
let server;
try {
  server = await startServer({ db, host, port, token: process.env.NEWSGRAPH_TOKEN });
} catch (err) {
  const hint = err?.code === 'EADDRINUSE' ? ` (port ${port} is taken: PORT=8081 npm start)` : '';
  process.stderr.write(`start: cannot serve: ${err instanceof Error ? err.message : String(err)}${hint}\n`);
  process.exit(1);
}
const { app, url } = server;
process.stderr.write(
  `start: dashboard at ${url}/  (API ${url}/api/stats, OpenAPI ${url}/openapi.json; Ctrl-C stops)\n`,
);
for (const sig of ['SIGINT', 'SIGTERM'])
  process.once(sig, () => void app.close().then(() => process.exit(0)));

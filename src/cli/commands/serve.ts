import type { Command } from 'commander';
import { resolveDbPath } from '../../store/index.js';
import { startServer } from '../../server/index.js';
import { UsageError } from '../errors.js';

interface ServeFlags {
  db?: string;
  port: string;
  host: string;
  token?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the dashboard and the JSON API (OpenAPI at /openapi.json) over a database')
    .option('--db <file>', 'SQLite file or postgres:// URL (default: $NEWSGRAPH_DB or data/newsgraph.db)')
    .option('--port <port>', 'TCP port', '8080')
    .option('--host <host>', 'interface to bind; anything but loopback needs --token', '127.0.0.1')
    .option('--token <token>', 'bearer token required for writes (default: $NEWSGRAPH_TOKEN)')
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be 0–65535, not "${flags.port}"`);
      const token = flags.token ?? process.env.NEWSGRAPH_TOKEN;
      if (token !== undefined && token.length < 16)
        throw new UsageError('--token must have at least 16 characters');
      const { app, url } = await startServer({ db: resolveDbPath(flags.db), host: flags.host, port, token });
      process.stderr.write(`newsgraph: serving ${url} (API ${url}/api, OpenAPI ${url}/openapi.json)\n`);
      const stop = () => {
        void app.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

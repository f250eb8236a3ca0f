import type { Command } from 'commander';
import { resolveDbPath } from '../../store/db-path.js';
import { UsageError } from '../errors.js';

interface ServeFlags {
  db?: string;
  port: string;
  host: string;
  token?: string;
  allowHost?: string[];
  workers: string;
}

/** The write token: `--token`, else $NEWSGRAPH_TOKEN; each refused with a message naming where it came from. */
export function resolveToken(flag: string | undefined, env: string | undefined): string | undefined {
  if (flag !== undefined) {
    if (flag.length < 16) throw new UsageError('--token must have at least 16 characters');
    return flag;
  }
  if (env === undefined) return undefined;
  if (env.length === 0)
    throw new UsageError(
      'NEWSGRAPH_TOKEN is set but empty: unset it (no token, loopback only) or set a token of at least 16 characters',
    );
  if (env.length < 16)
    throw new UsageError(`NEWSGRAPH_TOKEN has ${env.length} characters; a token needs at least 16`);
  return env;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the dashboard and the JSON API (OpenAPI at /openapi.json) over a database')
    .option('--db <file>', 'SQLite file or postgres:// URL (default: $NEWSGRAPH_DB or data/newsgraph.db)')
    .option('--port <port>', 'TCP port', '8080')
    .option('--host <host>', 'interface to bind; anything but loopback needs --token', '127.0.0.1')
    .option('--token <token>', 'bearer token required for writes (default: $NEWSGRAPH_TOKEN)')
    .option(
      '--allow-host <name...>',
      'more host names to answer to without a token (the bound host and localhost always; others are refused as DNS rebinding)',
    )
    .option('--workers <n>', 'worker threads analysing posted articles', '1')
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be 0–65535, not "${flags.port}"`);
      const workers = Number(flags.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64)
        throw new UsageError(`--workers must be a number from 1 to 64, not "${flags.workers}"`);
      const token = resolveToken(flags.token, process.env.NEWSGRAPH_TOKEN);
      const { startServer } = await import('../../server/index.js');
      const { app, url } = await startServer({
        db: resolveDbPath(flags.db),
        host: flags.host,
        port,
        token,
        workers,
        ...(flags.allowHost ? { allowedHosts: flags.allowHost } : {}),
      });
      process.stderr.write(`newsgraph: serving ${url} (API ${url}/api, OpenAPI ${url}/openapi.json)\n`);
      const stop = () => {
        void app.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

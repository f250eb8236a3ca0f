/** A local HTTP server on 127.0.0.1 for the ingest tests: routes map a path to a handler. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  routes: Map<string, Handler>;
  /** Requests seen, as `METHOD path`, with their headers. */
  log: Array<{ path: string; headers: http.IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const log: TestServer['log'] = [];
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0];
    log.push({ path: req.url ?? '/', headers: req.headers });
    const h = table.get(p);
    if (!h) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    h(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    routes: table,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler answering with a body and content type. */
export function send(
  body: string | Buffer,
  contentType: string,
  extra: Record<string, string> = {},
): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...extra });
    res.end(body);
  };
}

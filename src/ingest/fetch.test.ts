import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFetchAgents, isPublicAddress, safeFetch } from './fetch.js';
import { send, startServer, type TestServer } from './test-support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    '/page': send('<html><body><p>Hello</p></body></html>', 'text/html; charset=utf-8'),
    '/latin1': send(
      Buffer.from('<p>Caf\xe9 cr\xe8me \x93quoted\x94</p>', 'latin1'),
      'text/html; charset=iso-8859-1',
    ),
    '/meta-charset': send(
      Buffer.from('<html><head><meta charset="windows-1252"></head><body>na\xefve</body></html>', 'latin1'),
      'text/html',
    ),
    '/bad-utf8': send(Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x41]), 'text/html'),
    '/image': send(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
    '/big-stream': (_req, res) => {
      // 11 MB in chunks, no Content-Length: the cap must stop the read.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const write = (): void => {
        while (sent < 11) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      write();
    },
    '/big-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.write('<p>');
      // Never sends the rest: the declared length alone must be refused.
    },
    '/gzip': send(gzipSync('<p>compressed body</p>'), 'text/html', { 'content-encoding': 'gzip' }),
    '/gzip-bomb': send(gzipSync(Buffer.alloc(30 * 1024 * 1024, 0x20)), 'text/html', {
      'content-encoding': 'gzip',
    }),
    '/to-loopback': (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${server.port}/page` });
      res.end();
    },
    '/to-page': (_req, res) => {
      res.writeHead(301, { location: '/page' });
      res.end();
    },
    '/loop': (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    },
    '/hang': () => {
      // Never answers.
    },
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: '"v1"',
        'last-modified': 'Tue, 19 Nov 2019 10:00:00 GMT',
      });
      res.end('<rss version="2.0"><channel><title>x</title></channel></rss>');
    },
  });
});
afterAll(async () => {
  await closeFetchAgents();
  await server.close();
});

describe('address policy', () => {
  it('classifies addresses', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2001:4860:4860::8888')).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.0.1',
      '172.16.5.4',
      '169.254.169.254',
      '224.0.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fc00::1',
      '::ffff:127.0.0.1',
      '100.64.0.1',
      'not-an-ip',
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });

  it('refuses a loopback IP literal by default', async () => {
    await expect(safeFetch(`${server.origin}/page`)).rejects.toThrow(
      /refused: 127\.0\.0\.1 is a loopback address/,
    );
  });

  it('refuses loopback written as IPv6, integer, hex or IPv4-mapped forms', async () => {
    for (const u of [
      `http://[::1]:${server.port}/`,
      `http://2130706433:${server.port}/`,
      `http://0x7f.1:${server.port}/`,
      `http://[::ffff:127.0.0.1]:${server.port}/`,
      'http://169.254.169.254/latest/meta-data/',
      'http://0.0.0.0/',
    ]) {
      await expect(safeFetch(u), u).rejects.toThrow(/^refused: /);
    }
  });

  it('refuses a host name that resolves to loopback (checked after DNS)', async () => {
    await expect(safeFetch(`http://localhost:${server.port}/page`)).rejects.toThrow(
      /refused: localhost resolves to .* loopback/,
    );
  });

  it('refuses a redirect to 127.0.0.1 even when the first host is allowed', async () => {
    await expect(
      safeFetch(`http://localhost:${server.port}/to-loopback`, { allowHosts: ['localhost'] }),
    ).rejects.toThrow(/refused: 127\.0\.0\.1/);
    // The same redirect is followed when private addresses are allowed.
    const ok = await safeFetch(`http://localhost:${server.port}/to-loopback`, { allowPrivate: true });
    expect(ok.text).toContain('Hello');
    expect(ok.redirects).toEqual([`http://127.0.0.1:${server.port}/page`]);
  });

  it('refuses non-http schemes and credentials', async () => {
    await expect(safeFetch('file:///etc/passwd')).rejects.toThrow(/only http and https/);
    await expect(safeFetch('http://user:pw@example.com/')).rejects.toThrow(/credentials/);
    await expect(safeFetch('not a url')).rejects.toThrow(/not a valid URL/);
  });
});

describe('safeFetch with allowPrivate', () => {
  const opts = { allowPrivate: true };
  it('fetches and follows relative redirects', async () => {
    const r = await safeFetch(`${server.origin}/to-page`, opts);
    expect(r.status).toBe(200);
    expect(r.finalUrl).toBe(`${server.origin}/page`);
    expect(r.contentType).toBe('text/html');
  });

  it('stops redirect loops', async () => {
    await expect(safeFetch(`${server.origin}/loop`, { ...opts, maxRedirects: 3 })).rejects.toThrow(
      /more than 3 redirects/,
    );
  });

  it('caps a streamed response over 10 MB', async () => {
    await expect(safeFetch(`${server.origin}/big-stream`, opts)).rejects.toThrow(
      /over the 10485760-byte cap/,
    );
  });

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    await expect(safeFetch(`${server.origin}/big-declared`, opts)).rejects.toThrow(/52428800 bytes is over/);
  });

  it('decompresses gzip and caps decompressed size (gzip bomb)', async () => {
    expect((await safeFetch(`${server.origin}/gzip`, opts)).text).toBe('<p>compressed body</p>');
    await expect(safeFetch(`${server.origin}/gzip-bomb`, opts)).rejects.toThrow(/cap/);
  });

  it('decodes latin1 from the header charset, windows-1252 quotes included', async () => {
    const r = await safeFetch(`${server.origin}/latin1`, opts);
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe('<p>Café crème “quoted”</p>');
  });

  it('decodes from <meta charset> when the header has none', async () => {
    const r = await safeFetch(`${server.origin}/meta-charset`, opts);
    expect(r.text).toContain('naïve');
  });

  it('replaces invalid UTF-8 with a warning, or refuses it on request', async () => {
    const r = await safeFetch(`${server.origin}/bad-utf8`, opts);
    expect(r.text).toContain('\ufffd');
    expect(r.warning).toMatch(/invalid UTF-8/);
    await expect(safeFetch(`${server.origin}/bad-utf8`, { ...opts, invalidUtf8: 'refuse' })).rejects.toThrow(
      /not valid UTF-8/,
    );
  });

  it('refuses content types that are not documents', async () => {
    await expect(safeFetch(`${server.origin}/image`, opts)).rejects.toThrow(
      /refused content type image\/png/,
    );
  });

  it('times out', async () => {
    const t0 = Date.now();
    await expect(safeFetch(`${server.origin}/hang`, { ...opts, timeoutMs: 300 })).rejects.toThrow(
      /timed out/,
    );
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('sends validators and reports 304 Not Modified', async () => {
    const first = await safeFetch(`${server.origin}/etag`, opts);
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toMatch(/2019/);
    const second = await safeFetch(`${server.origin}/etag`, { ...opts, etag: first.etag });
    expect(second.notModified).toBe(true);
    expect(second.text).toBe('');
  });

  it('reports HTTP errors', async () => {
    await expect(safeFetch(`${server.origin}/missing`, opts)).rejects.toThrow(/HTTP 404/);
  });
});

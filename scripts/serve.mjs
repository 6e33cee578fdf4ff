// A small static server for the demo and the end-to-end tests: serves the package
// folder (so /demo/ and /dist/ are both reachable), only on this machine.
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the server; resolves with it and its base URL. Port 0 picks a free port. With
 * `tls` ({ key, cert }) it serves https, for the tests that need a secure origin. Tests
 * can pass `handle(request, response, pathname)`: it may add headers (a CSP) and return
 * false to let the file be served, or answer itself (an error, or no answer yet) and
 * return true. `log` (a consent-log handler of server/app.mjs) answers under /consent-log/,
 * the endpoint the demo config sends its receipts to.
 */
export function startServer({ port = 8000, host = '127.0.0.1', tls, handle, log } = {}) {
  const serve = async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (handle?.(request, response, pathname)) return;
    // The dashboard's addresses are relative to /consent-log/.
    if (log && pathname === '/consent-log') {
      response.writeHead(302, { Location: '/consent-log/' }).end();
      return;
    }
    if (log && pathname.startsWith('/consent-log/')) {
      await log.handle(request, response, pathname.slice('/consent-log'.length));
      return;
    }
    if (pathname === '/') {
      response.writeHead(302, { Location: '/demo/' }).end();
      return;
    }
    // The tracking endpoints of the demo's Matomo and econda stand-ins: accept the hit, store nothing.
    if (pathname === '/demo/stand-in/matomo/matomo.php' || pathname === '/demo/stand-in/econda/hit') {
      response.writeHead(204).end();
      return;
    }
    let file = normalize(join(ROOT, decodeURIComponent(pathname)));
    if (file !== ROOT && !file.startsWith(ROOT + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
      // The demo's CMS session cookie: necessary, so it is set before any consent.
      if (pathname.startsWith('/demo/') && extname(file) === '.html' && !/PHPSESSID=/.test(request.headers.cookie ?? '')) {
        headers['Set-Cookie'] = `PHPSESSID=${Math.random().toString(36).slice(2, 12)}; Path=/; SameSite=Lax`;
      }
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  };
  const server = tls ? createTlsServer(tls, serve) : createServer(serve);
  const scheme = tls ? 'https' : 'http';
  return new Promise((done) => {
    server.listen(port, host, () => done({ server, url: `${scheme}://${host === '127.0.0.1' ? 'localhost' : host}:${server.address().port}` }));
  });
}

/**
 * The demo's consent log: the log server of server/ on a SQLite file in .consent-log/ (kept
 * between runs, ignored by git), with a token made on the first run and kept beside it.
 */
export async function demoLog(folder = join(ROOT, '.consent-log')) {
  const [{ openStore }, { createLogHandler }, { canonicalJson, configHash }] = await Promise.all([import('../server/store.mjs'), import('../server/app.mjs'), import('../dist/lib/core/config-hash.js')]);
  await mkdir(folder, { recursive: true });
  const tokenFile = join(folder, 'token');
  const token = await readFile(tokenFile, 'utf8').then(
    (text) => text.trim(),
    async () => {
      const made = randomBytes(18).toString('base64url');
      await writeFile(tokenFile, made, { mode: 0o600 });
      return made;
    },
  );
  const store = await openStore({ url: `sqlite:${join(folder, 'demo.db')}` });
  // What a deployment does with consent-banner-check --upload: the demo configs' snapshots.
  for (const config of ['demo/consent.json', 'demo/research-centre/consent.json']) {
    const snapshot = JSON.parse(await readFile(join(ROOT, config), 'utf8'));
    await store.addSnapshot(configHash(snapshot), canonicalJson(snapshot), Date.now());
  }
  const handler = createLogHandler({ store, token });
  return {
    token,
    handle: handler.handle,
    /** Stops the log and closes its database (whose checkpoint worker would keep the process alive). */
    async close() {
      await handler.close();
      await store.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const log = await demoLog();
  const { url } = await startServer({ port: Number(process.env.PORT ?? 8000), log });
  console.log(`Demo running at ${url}/demo/  (Ctrl+C to stop)`);
  console.log(`Its consent log: ${url}/consent-log/  (token: ${log.token})`);
}

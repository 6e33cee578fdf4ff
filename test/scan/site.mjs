// Shared set-up of the scan tests: the project's server, answering for the fixture's third
// parties by the Host header (fonts.test, cdn.test, tracker.test, video.test) and for a
// small generated site of sitemaps and links; and the scan CLI run as a child process, with
// Chromium told to resolve *.test here and nothing else anywhere.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'bin/consent-banner-scan.mjs');
export const FIXTURES = join(ROOT, 'test/fixtures/scan');
export const RESOLVER = '--browser-arg=--host-resolver-rules=MAP *.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost';

/** What the fixture's third parties answer, by path. */
const THIRD_PARTY = {
  '/css': ['text/css', '@font-face { font-family: FixtureSerif; src: url(/font.woff2) format("woff2"); } .styled { font-family: FixtureSerif, serif; }'],
  '/font.woff2': ['font/woff2', 'wOF2 not really a font'],
  '/widget.js': ['text/javascript', '// a third-party widget\n'],
  '/pixel.gif': ['image/gif', Buffer.from('R0lGODlhAQABAAAAACw=', 'base64')],
  '/embed': ['text/html', '<!doctype html><title>embed</title>'],
};

/** The generated site for discovery: sitemaps (nested) and a chain of linked pages. */
function discoverySite(pathname, base) {
  const urlset = (paths) => `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((path) => `<url><loc>${base}${path}</loc></url>`).join('')}</urlset>`;
  const index = (paths) => `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((path) => `<sitemap><loc>${base}${path}</loc></sitemap>`).join('')}</sitemapindex>`;
  const xml = {
    '/site/sitemap-index.xml': index(['/site/sitemap-a.xml', '/site/nested-index.xml']),
    '/site/sitemap-a.xml': urlset(['/site/b.html', '/site/a.html#top', '/site/a.html', '/site/c.html?x=1&amp;y=2']),
    '/site/nested-index.xml': index(['/site/sitemap-deep.xml']),
    '/site/sitemap-deep.xml': urlset(['/site/deep.html']),
  }[pathname];
  if (xml) return ['application/xml', xml];
  const page = /^\/site\/page-(\d)\.html$/.exec(pathname);
  if (page) {
    const next = Number(page[1]) + 1;
    // A link on, one back, one with a fragment, one to another origin and one that is no page.
    return ['text/html', `<!doctype html><title>page ${page[1]}</title><a href="page-${next}.html">on</a> <a href='/site/page-0.html#again'>back</a> <a href="http://elsewhere.test/">away</a> <a href="mailto:x@example.org">mail</a>`];
  }
  return null;
}

/**
 * Starts the server; resolves with `{ url, port, close, hits }`. Fixture pages and scripts under
 * /test/fixtures/scan/ get the server's port for `__PORT__`. The site also answers
 * /test/scan-set-cookie with a Set-Cookie header, and anything under /test/scan-log/ (the
 * consent log of config-log.json, and the page's own requests beside it) with 204;
 * `hits` lists the method and URL of every request under /test/scan-log/.
 */
export async function startSite() {
  let port;
  /** @type {string[]} */
  const hits = [];
  const { server, url } = await startServer({
    port: 0,
    handle(request, response, pathname) {
      const host = (request.headers.host ?? '').replace(/:\d+$/, '');
      if (host.endsWith('.test')) {
        const answer = THIRD_PARTY[pathname];
        if (answer) response.writeHead(200, { 'Content-Type': answer[0], 'Access-Control-Allow-Origin': '*' }).end(answer[1]);
        else response.writeHead(204).end();
        return true;
      }
      if (pathname === '/test/scan-set-cookie' || pathname === '/test/scan-hit') {
        response.writeHead(204, pathname === '/test/scan-hit' ? {} : { 'Set-Cookie': 'srv_id=7; Path=/; SameSite=Lax' }).end();
        return true;
      }
      if (pathname.startsWith('/test/scan-log/')) {
        hits.push(`${request.method} ${request.url}`);
        response.writeHead(204).end();
        return true;
      }
      const generated = discoverySite(pathname, `http://localhost:${port}`);
      if (generated) {
        response.writeHead(200, { 'Content-Type': `${generated[0]}; charset=utf-8` }).end(generated[1]);
        return true;
      }
      if (/^\/test\/fixtures\/scan\/[\w-]+\.(html|js)$/.test(pathname)) {
        readFile(join(ROOT, pathname), 'utf8').then(
          (text) => {
            const headers = { 'Content-Type': pathname.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
            // A resource hint that only the response headers give.
            if (pathname.endsWith('/connections.html')) headers.Link = `<http://cdn.test:${port}>; rel=preconnect`;
            response.writeHead(200, headers).end(text.replaceAll('__PORT__', String(port)));
          },
          () => response.writeHead(404).end(),
        );
        return true;
      }
      return false;
    },
  });
  port = server.address().port;
  return {
    url,
    port,
    hits,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** A fresh folder for the reports of one test. */
export const reportFolder = () => mkdtempSync(join(tmpdir(), 'consent-scan-'));

/**
 * Runs the scan CLI; resolves with its exit code, stdout and stderr, and the parsed --json
 * report when `json` names one.
 * @param {string[]} args
 * @param {{ json?: string }} [options]
 */
export function runCli(args, { json } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args, ...(json ? ['--json', json] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    // (A report that is missing or unreadable rejects, with what the command printed: thrown in this
    // handler, it would escape the promise and leave the test waiting.)
    child.on('close', (code) => {
      try {
        resolve({ code, stdout, stderr, report: json && code !== 2 ? JSON.parse(readFileSync(json, 'utf8')) : undefined });
      } catch (error) {
        reject(new Error(`the scan exited with ${code} and left no readable report (${error.message}):\n${stderr}`));
      }
    });
  });
}

/** The findings of a report reduced to what a test states by hand: page path, phase, kind, item, severity. */
export const brief = (findings) =>
  findings.map(({ page, phase, kind, item, severity }) => ({ page: page && new URL(page).pathname, phase, kind, item, severity }));

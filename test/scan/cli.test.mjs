// The scan's command line and its parts that need no browser: usage errors (exit 2), a
// broken config (exit 1 with its JSON path), discovery by sitemap and crawl with --depth and
// --max-pages, --shard, the progress on a terminal, suggestions, Link headers and the HTML
// report's escaping.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TRACKING_COOKIES } from '../../dist/lib/core/necessary.js';
import { matchesCookieName } from '../../dist/lib/core/cookie-names.js';
import { judge } from '../../scan/judge.mjs';
import { htmlReport } from '../../scan/report-html.mjs';
import { progress } from '../../scan/progress.mjs';
import { suggestOwner, VENDORS } from '../../scan/suggest.mjs';
import { cookieWrite, linkHeaderHints } from '../../scan/visit.mjs';
import { configFromFile } from '../../scan/config.mjs';
import { FIXTURES, RESOLVER, runCli, startSite } from './site.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(() => site?.close());

describe('usage errors exit 2 with a specific message', () => {
  const cases = [
    [[], 'give at least one page URL (or --sitemap URL)'],
    [['--depth', 'two', 'http://localhost/'], '--depth needs a whole number of at least 0, not "two"'],
    [['--concurrency', '0', 'http://localhost/'], '--concurrency needs a whole number of at least 1, not "0"'],
    [['--shard', '3/2', 'http://localhost/'], '--shard takes i/n with 1 ≤ i ≤ n (such as 2/3), not "3/2"'],
    [['--allow-origin', 'https://cdn.example.org/fonts/', 'http://localhost/'], '--allow-origin takes an origin (scheme, host and port, such as https://cdn.example.org), not "https://cdn.example.org/fonts/"'],
    [['ftp://example.org/'], 'a page URL must be an http or https URL, not "ftp://example.org/"'],
    [['--json'], '--json needs a value'],
    [['--frobnicate', 'http://localhost/'], 'unknown option --frobnicate'],
    [['--crawl', '--sitemap', 'http://localhost/sitemap.xml'], '--crawl needs at least one start URL'],
  ];
  for (const [args, message] of cases) {
    it(`${args.join(' ') || '(nothing)'}`, async () => {
      const { code, stdout, stderr } = await runCli(args);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr.split('\n')[0], `consent-banner-scan: ${message}`);
      assert.match(stderr, /^usage: consent-banner-scan \[options\] <url …>$/m);
    });
  }
});

it('--config reads a file saved with a byte order mark, as the page does', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'consent-scan-bom-'));
  const file = join(folder, 'config.json');
  writeFileSync(file, `\uFEFF${readFileSync(join(FIXTURES, 'config.json'), 'utf8')}`);
  try {
    // The same config, and the same hash that pages' configs are compared by.
    const [withMark, without] = [await configFromFile(file), await configFromFile(join(FIXTURES, 'config.json'))];
    assert.deepEqual([withMark.config, withMark.hash], [without.config, without.hash]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

it('a broken --config exits 1 and names the JSON path, before any browser starts', async () => {
  const { code, stderr } = await runCli(['--config', join(FIXTURES, 'config-broken.json'), 'http://localhost:1/']);
  assert.equal(code, 1);
  assert.match(stderr, new RegExp(`^consent-banner-scan: the config ${join(FIXTURES, 'config-broken.json')} is not valid$`, 'm'));
  assert.match(stderr, /^consent-banner-scan: error at \$\.categories\[1\]\.services\[0\]\.cookies\[0\]\.expires: /m);
});

it('a first page that cannot be loaded, without --config, exits 1 and names the HTTP status', async () => {
  const missing = `${site.url}/test/fixtures/scan/missing.html`;
  const { code, stdout, stderr } = await runCli([RESOLVER, missing]);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.equal(stderr, `consent-banner-scan: cannot read the config of ${missing}: the page answers HTTP 404; give the config with --config FILE\n`);
});

describe('discovery', () => {
  const list = async (...args) => {
    const { code, stdout, stderr } = await runCli(['--list', ...args]);
    assert.equal(code, 0, stderr);
    return stdout.split('\n').filter(Boolean).map((url) => url.replace(site.url, ''));
  };

  it('a sitemap index with a nested index: every page, without fragments, deduplicated and sorted', async () => {
    assert.deepEqual(await list('--sitemap', `${site.url}/site/sitemap-index.xml`), ['/site/a.html', '/site/b.html', '/site/c.html?x=1&y=2', '/site/deep.html']);
  });

  it('--depth bounds the nesting of sitemaps, --max-pages the pages', async () => {
    assert.deepEqual(await list('--depth', '1', '--sitemap', `${site.url}/site/sitemap-index.xml`), ['/site/a.html', '/site/b.html', '/site/c.html?x=1&y=2']);
    assert.deepEqual(await list('--max-pages', '2', '--sitemap', `${site.url}/site/sitemap-index.xml`), ['/site/a.html', '/site/b.html']);
  });

  it('--crawl follows same-origin links up to --depth (default 2) and --max-pages', async () => {
    assert.deepEqual(await list('--crawl', `${site.url}/site/page-0.html`), ['/site/page-0.html', '/site/page-1.html', '/site/page-2.html']);
    assert.deepEqual(await list('--crawl', '--depth', '3', `${site.url}/site/page-0.html`), ['/site/page-0.html', '/site/page-1.html', '/site/page-2.html', '/site/page-3.html']);
    assert.deepEqual(await list('--crawl', '--depth', '3', '--max-pages', '2', `${site.url}/site/page-0.html`), ['/site/page-0.html', '/site/page-1.html']);
    assert.deepEqual(await list('--crawl', '--depth', '0', `${site.url}/site/page-0.html`), ['/site/page-0.html']);
  });

  it('--shard i/n takes every n-th page of the sorted list, starting at the i-th', async () => {
    const pages = ['e.html', 'a.html', 'd.html', 'b.html', 'c.html', 'a.html#x'].map((name) => `${site.url}/site/${name}`);
    assert.deepEqual(await list('--shard', '1/2', ...pages), ['/site/a.html', '/site/c.html', '/site/e.html']);
    assert.deepEqual(await list('--shard', '2/2', ...pages), ['/site/b.html', '/site/d.html']);
    assert.deepEqual(await list('--shard', '3/3', ...pages), ['/site/c.html']);
  });
});

describe('parts', () => {
  it('on a terminal, progress is a bar redrawn in place', () => {
    let written = '';
    const stream = { isTTY: true, write: (text) => (written += text) };
    const bar = progress(stream, 4);
    bar.pageDone('http://localhost/a', true);
    bar.pageDone('http://localhost/b', false);
    bar.end();
    assert.equal(written, `\r[${'.'.repeat(30)}] 0/4 pages\r[${'#'.repeat(8)}${'.'.repeat(22)}] 1/4 pages\r[${'#'.repeat(15)}${'.'.repeat(15)}] 2/4 pages\n`);
  });

  it('every tracking cookie the library knows has its vendor here', () => {
    for (const tracker of TRACKING_COOKIES) assert.ok(VENDORS.some(({ cookies }) => cookies.includes(tracker)), tracker);
  });

  it('suggestions: the vendor\'s service by id, name or adapter type; else a declared name with the same start', () => {
    const config = {
      categories: [
        { id: 'statistics', label: 'S', services: [
          { id: 'web-analytics', name: 'Web analytics', adapter: { type: 'econda' }, cookies: [{ name: 'emos_jcvid', expires: '1 year' }] },
          { id: 'reach', name: 'Google Analytics 4' },
          { id: 'counter', name: 'Counter', cookies: [{ name: 'count_session*', expires: 'session' }] },
        ] },
      ],
    };
    assert.equal(suggestOwner('emos_jcsid', config).service, 'web-analytics');
    assert.equal(suggestOwner('_ga_ABC123', config).service, 'reach');
    assert.equal(suggestOwner('count_visitor', config).service, 'counter');
    assert.deepEqual(suggestOwner('_hjSession_1', config), { vendor: 'Hotjar', text: 'a Hotjar name, but no service of the config is Hotjar: declare Hotjar as a service' });
    assert.equal(suggestOwner('xyz', config).service, undefined);
    assert.ok(matchesCookieName('count_session_1', 'count_session*'));
  });

  it('judging: the log endpoint\'s origin and --allow-origin ones are accepted; the consent cookie, also as __Host-, always', () => {
    const config = {
      revision: 1,
      log: { endpoint: 'https://log.example.org/receipts' },
      categories: [{ id: 'necessary', required: true, label: 'N', services: [{ id: 'cms', name: 'CMS', cookies: [{ name: 'sess_*', expires: 'session' }] }] }],
    };
    const visit = {
      page: 'https://site.example/',
      phase: 'after-reject',
      named: [],
      hints: [],
      storage: [{ area: 'sessionStorage', key: 'sess_tab', frame: 'https://site.example/' }],
      cookies: [{ name: '__Host-consent', domain: 'site.example', path: '/' }, { name: 'sess_1', domain: 'site.example', path: '/' }, { name: '_ga', domain: '.site.example', path: '/' }],
      requests: [
        { url: 'https://log.example.org/receipts', type: 'ping', frame: '' },
        { url: 'https://cdn.example.net/lib.js', type: 'script', frame: '' },
        { url: 'https://site.example/own.js', type: 'script', frame: '' },
        { url: 'data:image/png;base64,AAAA', type: 'image', frame: '' },
        { url: 'https://maps.example.com/tile.png', type: 'image', frame: '' },
      ],
    };
    const findings = judge({ config, visits: [visit], allowOrigins: ['https://cdn.example.net'] });
    assert.deepEqual(findings.map(({ kind, item, severity }) => ({ kind, item, severity })), [
      { kind: 'cookie', item: { name: '_ga', domain: '.site.example' }, severity: 'fail' },
      { kind: 'request', item: { url: 'https://maps.example.com/tile.png', type: 'image' }, severity: 'fail' },
    ]);
  });

  it('a cookie write: the cookie it stores, with its domain and path as the browser keeps them; a deletion stores none', () => {
    const now = Date.parse('2026-12-01T08:00:00Z');
    const url = 'https://www.site.example/news/2026/a.html';
    assert.deepEqual(cookieWrite('_stat=uid-42; Path=/; Max-Age=2592000', url, now), { name: '_stat', domain: 'www.site.example', path: '/', httpOnly: false });
    assert.deepEqual(cookieWrite(' sid = 7 ; Domain=.Site.Example; HttpOnly; Secure', url, now), { name: 'sid', domain: '.site.example', path: '/news/2026', httpOnly: true });
    assert.deepEqual(cookieWrite('later=1; expires=Fri, 01 Jan 2027 00:00:00 GMT', url, now), { name: 'later', domain: 'www.site.example', path: '/news/2026', httpOnly: false });
    // Max-Age wins over Expires.
    assert.deepEqual(cookieWrite('kept=1; max-age=60; expires=Thu, 01 Jan 1970 00:00:00 GMT', 'https://site.example/', now)?.name, 'kept');
    for (const deletion of ['_stat=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT', '_stat=1; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT', '_stat=1; max-age=0', '_stat=1; Max-Age=-1; expires=Fri, 01 Jan 2027 00:00:00 GMT', '_stat=']) {
      assert.equal(cookieWrite(deletion, url, now), null, deletion);
    }
  });

  it('Link: headers give their resource hints', () => {
    assert.deepEqual(linkHeaderHints('<https://fonts.example>; rel=preconnect, </a.css>; rel="preload"; as=style, <https://x.example/>; rel="canonical"', 'https://site.example/page'), [
      { url: 'https://fonts.example/', rel: 'preconnect' },
      { url: 'https://site.example/a.css', rel: 'preload' },
    ]);
  });

  it('the HTML report escapes every string from the site', () => {
    const html = htmlReport({
      tool: { name: 'consent-banner-scan', version: '0.1.0' },
      date: '2026-12-01T08:00:00.000Z',
      site: 'https://site.example',
      config: { source: 'https://site.example/<config>.json', revision: 1, hash: 'ab' },
      options: { strict: false, allowOrigins: [], shard: null },
      pages: [{ url: 'https://site.example/?q=<script>alert(1)</script>', ok: false, failures: 1, warnings: 0, visits: {} }],
      findings: [{ page: 'https://site.example/?q=<script>alert(1)</script>', phase: 'before-decision', kind: 'storage', item: { area: 'localStorage', key: '<img src=x onerror=alert(2)>' }, severity: 'fail', why: 'the localStorage name "<img src=x onerror=alert(2)>" is declared by no service' }],
      totals: { pages: 1, failedPages: 1, failures: 1, warnings: 0, passed: false },
    });
    assert.doesNotMatch(html, /<script|<img|<config>/);
    assert.ok(html.includes('localStorage &quot;&lt;img src=x onerror=alert(2)&gt;&quot;'));
    assert.ok(html.includes('https://site.example/?q=&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<th scope="row" class="item">/);
  });
});

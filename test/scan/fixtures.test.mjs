// The scan against fixture pages with one mistake each (test/fixtures/scan/): each mistake
// is caught with its kind, phase and item and nothing else fails on that page; a clean page
// raises no alarm; after "Accept all" undeclared names warn with the service they belong to,
// and a declared service the site does not use warns as unseen.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brief, FIXTURES, reportFolder, RESOLVER, runCli, startSite } from './site.mjs';

const MISTAKES = ['after-decision', 'cookie', 'font', 'pixel', 'preconnect', 'script', 'storage'];

let site;
let folder;
/** The run over every fixture page at once (mistakes, the clean page and the accept page). */
let all;
before(async () => {
  site = await startSite();
  folder = reportFolder();
  const pages = [...MISTAKES, 'clean', 'accept'].map((name) => `${site.url}/test/fixtures/scan/${name}.html`);
  all = await runCli([RESOLVER, '--settle', '200', '--html', join(folder, 'report.html'), ...pages], { json: join(folder, 'report.json') });
});
after(() => {
  site?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const findingsIn = (report, name) => brief(report.findings.filter((finding) => finding.page === `${site.url}/test/fixtures/scan/${name}.html`));
const findingsOf = (name) => findingsIn(all.report, name);
const PHASES = ['before-decision', 'after-reject', 'after-accept'];
const both = (kind, item) => [
  { page: null, phase: 'before-decision', kind, item, severity: 'fail' },
  { page: null, phase: 'after-reject', kind, item, severity: 'fail' },
];
const on = (name, findings) => findings.map((finding) => ({ ...finding, page: `/test/fixtures/scan/${name}.html` }));

describe('one mistake per fixture page', () => {
  it('the run fails (exit 1) and reports each page', () => {
    assert.equal(all.code, 1, all.stderr);
    assert.deepEqual(
      all.report.pages.map(({ url, ok }) => [new URL(url).pathname.replace('/test/fixtures/scan/', ''), ok]),
      [['accept.html', true], ['after-decision.html', false], ['clean.html', true], ['cookie.html', false], ['font.html', false], ['pixel.html', false], ['preconnect.html', false], ['script.html', false], ['storage.html', false]],
    );
  });

  it('an undeclared first-party cookie set by an ungated script', () => {
    assert.deepEqual(findingsOf('cookie'), on('cookie', [
      ...both('cookie', { name: 'visitor_id', domain: 'localhost' }),
      { page: null, phase: 'after-accept', kind: 'undeclared', item: { name: 'visitor_id', domain: 'localhost' }, severity: 'warn' },
    ]));
  });

  it('a third-party web font: its stylesheet and the font file of its @font-face', () => {
    const css = `http://fonts.test:${site.port}/css?family=Serif`;
    const font = `http://fonts.test:${site.port}/font.woff2`;
    assert.deepEqual(findingsOf('font'), on('font', [
      { page: null, phase: 'before-decision', kind: 'request', item: { url: css, type: 'stylesheet' }, severity: 'fail' },
      { page: null, phase: 'before-decision', kind: 'request', item: { url: font, type: 'font' }, severity: 'fail' },
      { page: null, phase: 'after-reject', kind: 'request', item: { url: css, type: 'stylesheet' }, severity: 'fail' },
      { page: null, phase: 'after-reject', kind: 'request', item: { url: font, type: 'font' }, severity: 'fail' },
    ]));
  });

  it('a preconnect to another origin', () => {
    assert.deepEqual(findingsOf('preconnect'), on('preconnect', both('resource-hint', { url: `http://cdn.test:${site.port}/`, rel: 'preconnect', source: 'dom' })));
  });

  it('an ungated third-party script', () => {
    assert.deepEqual(findingsOf('script'), on('script', both('request', { url: `http://cdn.test:${site.port}/widget.js`, type: 'script' })));
  });

  it('a tracking pixel', () => {
    assert.deepEqual(findingsOf('pixel'), on('pixel', both('request', { url: `http://tracker.test:${site.port}/pixel.gif`, type: 'image' })));
  });

  it('a localStorage write before consent', () => {
    assert.deepEqual(findingsOf('storage'), on('storage', [
      ...both('storage', { area: 'localStorage', key: 'reader_profile' }),
      { page: null, phase: 'after-accept', kind: 'undeclared', item: { area: 'localStorage', key: 'reader_profile' }, severity: 'warn' },
    ]));
  });

  it('a script that sends once any decision exists: caught only after the refusal', () => {
    assert.deepEqual(findingsOf('after-decision'), on('after-decision', [
      { page: null, phase: 'after-reject', kind: 'request', item: { url: `http://tracker.test:${site.port}/collect`, type: 'ping' }, severity: 'fail' },
    ]));
  });

  it('every finding says why, in a sentence naming its item', () => {
    const [font] = all.report.findings.filter((finding) => finding.kind === 'request' && finding.item.type === 'font');
    assert.equal(font.why, `a request (font) goes to http://fonts.test:${site.port}, another origin, before any decision`);
    const [cookie] = all.report.findings.filter((finding) => finding.kind === 'cookie');
    assert.equal(cookie.why, 'the cookie "visitor_id" (localhost) is declared by no service, and only a necessary service\'s may exist before any decision');
  });

  it('the clean page raises no alarm; every service of the config was seen', () => {
    assert.deepEqual(findingsOf('clean'), []);
    assert.deepEqual(all.report.findings.filter((finding) => finding.page === null), []);
  });

  it('after "Accept all" an undeclared cookie warns with the service it would belong to', () => {
    assert.deepEqual(findingsOf('accept'), on('accept', [
      { page: null, phase: 'after-accept', kind: 'undeclared', item: { name: '_pk_id.1.f1x', domain: 'localhost', suggestedService: 'matomo' }, severity: 'warn' },
      { page: null, phase: 'after-accept', kind: 'undeclared', item: { name: '_stat_v2', domain: 'localhost', suggestedService: 'stats' }, severity: 'warn' },
    ]));
    const whys = all.report.findings.filter((finding) => finding.kind === 'undeclared' && finding.item.suggestedService).map((finding) => finding.why).sort();
    assert.deepEqual(whys, [
      'the cookie "_pk_id.1.f1x" (localhost) is declared by no service; a Matomo name: declare it with the service "matomo"',
      'the cookie "_stat_v2" (localhost) is declared by no service; starts like "_stat" of the service "stats": declare it there',
    ]);
  });

  it('stdout sums up per page, groups the failures by page and phase, and totals', () => {
    assert.match(all.stdout, new RegExp(`^✓ ${site.url}/test/fixtures/scan/clean.html  0 failure\\(s\\), 0 warning\\(s\\)$`, 'm'));
    assert.match(all.stdout, new RegExp(`^✗ ${site.url}/test/fixtures/scan/font.html  4 failure\\(s\\), 0 warning\\(s\\)$`, 'm'));
    assert.match(all.stdout, new RegExp(`  ${site.url}/test/fixtures/scan/pixel.html\\n    Before any decision:\\n      ✗ request http://tracker.test:${site.port}/pixel.gif \\(image\\): `));
    assert.match(all.stdout, /\nTotal: 9 page\(s\), 7 with failures; 15 failure\(s\), 4 warning\(s\): FAILED\n$/);
  });

  it('no progress bar when stderr is no terminal: a plain line per finished page', () => {
    assert.doesNotMatch(all.stderr, /\r/);
    const lines = all.stderr.trim().split('\n');
    assert.equal(lines.length, 9);
    assert.match(lines.find((line) => line.endsWith('/clean.html')), /^scanned \d\/9 ✓ /);
    assert.match(lines.find((line) => line.endsWith('/font.html')), /^scanned \d\/9 ✗ /);
  });

  it('--json holds the tool version, date, config revision and hash, pages and totals', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const { tool, date, site: origin, config, totals } = all.report;
    assert.deepEqual(tool, { name: 'consent-banner-scan', version });
    assert.ok(Math.abs(Date.parse(date) - Date.now()) < 5 * 60_000, date);
    assert.equal(origin, site.url);
    assert.deepEqual({ ...config, hash: config.hash.length }, { source: `${site.url}/test/fixtures/scan/config.json`, revision: 3, hash: 64 });
    assert.deepEqual(totals, { pages: 9, failedPages: 7, failures: 15, warnings: 4, passed: false });
  });

  it('--html writes a self-contained report with every failing item', () => {
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    assert.doesNotMatch(html, /<(script|link)\b|\bsrc=/i, 'no external assets, no script');
    assert.match(html, /<h1>Consent scan of http:\/\/localhost:\d+<\/h1>/);
    assert.match(html, /<th scope="col">Item<\/th>/);
    assert.ok(html.includes(`http://fonts.test:${site.port}/css?family=Serif (stylesheet)`));
    assert.ok(html.includes('cookie &quot;visitor_id&quot; (localhost)'), 'quotes escaped');
    assert.ok(html.includes(`<dd>${all.report.config.hash}</dd>`));
  });
});

describe('a config with a service the site does not use', () => {
  it('a declared service the site does not use warns as unseen; --strict makes warnings fail', async () => {
    // The clean page again, its banner taking config-extra.json (the run's config) by a relative URL.
    const args = [RESOLVER, '--settle', '200', '--config', join(FIXTURES, 'config-extra.json'), `${site.url}/test/fixtures/scan/config-relative.html`];
    const { code, stderr, report } = await runCli([...args, '--strict'], { json: join(folder, 'extra.json') });
    assert.equal(code, 1);
    assert.equal(stderr, '', 'no progress for a single page');
    assert.deepEqual(brief(report.findings), [{ page: null, phase: 'after-accept', kind: 'unseen-service', item: { service: 'podcast' }, severity: 'warn' }]);
    assert.equal(report.config.source, join(FIXTURES, 'config-extra.json'));
    assert.deepEqual(report.totals, { pages: 1, failedPages: 0, failures: 0, warnings: 1, passed: false });
  });
});

describe('connections, accepted origins and pages that cannot be loaded', () => {
  let run;
  before(async () => {
    const pages = ['connections.html', 'font.html', 'missing.html'].map((name) => `${site.url}/test/fixtures/scan/${name}`);
    run = await runCli([RESOLVER, '--settle', '200', '--allow-origin', `http://fonts.test:${site.port}`, ...pages], { json: join(folder, 'connections.json') });
  });

  it('a WebSocket, an EventSource and a preconnect in a Link: header fail before a decision and after the refusal', () => {
    assert.equal(run.code, 1);
    assert.deepEqual(findingsIn(run.report, 'connections'), on('connections', [
      { page: null, phase: 'before-decision', kind: 'request', item: { url: `http://events.test:${site.port}/stream`, type: 'eventsource' }, severity: 'fail' },
      { page: null, phase: 'before-decision', kind: 'request', item: { url: `ws://chat.test:${site.port}/live`, type: 'websocket' }, severity: 'fail' },
      { page: null, phase: 'before-decision', kind: 'resource-hint', item: { url: `http://cdn.test:${site.port}/`, rel: 'preconnect', source: 'header' }, severity: 'fail' },
      { page: null, phase: 'after-reject', kind: 'request', item: { url: `http://events.test:${site.port}/stream`, type: 'eventsource' }, severity: 'fail' },
      { page: null, phase: 'after-reject', kind: 'request', item: { url: `ws://chat.test:${site.port}/live`, type: 'websocket' }, severity: 'fail' },
      { page: null, phase: 'after-reject', kind: 'resource-hint', item: { url: `http://cdn.test:${site.port}/`, rel: 'preconnect', source: 'header' }, severity: 'fail' },
    ]));
  });

  it('--allow-origin accepts the web font\'s origin', () => {
    assert.deepEqual(findingsIn(run.report, 'font'), []);
    assert.deepEqual(run.report.options.allowOrigins, [`http://fonts.test:${site.port}`]);
  });

  it('a page that cannot be loaded fails in each phase', () => {
    assert.deepEqual(findingsIn(run.report, 'missing'), on('missing', PHASES.map((phase) => ({ page: null, phase, kind: 'load', item: { url: `${site.url}/test/fixtures/scan/missing.html` }, severity: 'fail' }))));
    assert.equal(run.report.findings.find((finding) => finding.kind === 'load').why, 'the before-decision visit could not be made: the page answers HTTP 404');
  });
});

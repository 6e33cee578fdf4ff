// The privacy officer's dashboard in Debian's Chromium, against the real log server on
// SQLite, driven by the keyboard: sign-in, look-up with the texts the visitor saw, the
// chart and its tables, export, narrow screens, axe-core, and a strict CSP header.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { configHash } from '../../dist/lib/core/config-hash.js';
import { createLogHandler } from '../../server/app.mjs';
import { openStore } from '../../server/store.mjs';
import { chromeArgs } from '../../web-test-runner.config.mjs';
import { closePages, openPage } from '../e2e/browser.mjs';
import { post, root, testToken } from './support.mjs';

const DAY = 24 * 60 * 60 * 1000;
const todayStart = Math.floor(Date.now() / DAY) * DAY;
/** Noon (UTC) `ago` days back, plus `seconds`. */
const at = (ago, seconds = 0) => todayStart - ago * DAY + 12 * 60 * 60 * 1000 + seconds * 1000;
const dayOf = (time) => new Date(time).toISOString().slice(0, 10);
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const shots = process.env.DASHBOARD_SCREENSHOTS ?? join(tmpdir(), 'consent-dashboard-shots');

// Two revisions of the demo config: revision 2 was uploaded on deployment, revision 1 never.
const demo = JSON.parse(readFileSync(join(root, 'demo/consent.json'), 'utf8'));
const uploaded = { ...structuredClone(demo), revision: 2 };
const neverUploaded = { ...structuredClone(demo), revision: 1 };
const optional = ['matomo', 'stats', 'osm', 'youtube', 'twitter'];
const choice = {
  'accept-all': [optional, []],
  'reject-all': [[], optional],
  gpc: [[], optional],
  dnt: [[], optional],
  custom: [['matomo'], optional.filter((id) => id !== 'matomo')],
  placeholder: [['youtube'], optional.filter((id) => id !== 'youtube')],
};

/** The visitor whose consent id the officer looks up: three decisions, newest first when shown. */
const visitor = 'Lk7Proof42';
const receipts = [
  { consentId: visitor, decidedAt: at(1, 7), revision: 2, method: 'custom', lang: 'de', path: '/news/tide-gauges.html' },
  { consentId: visitor, decidedAt: at(3, 9), revision: 2, method: 'placeholder', lang: 'fr', path: '/news/video.html' },
  { consentId: visitor, decidedAt: at(10, 5), revision: 1, method: 'accept-all', lang: 'en' },
];
// Everyone else: [days ago, method, revision, how many].
const crowd = [
  [1, 'accept-all', 2, 3],
  [1, 'reject-all', 2, 1],
  [1, 'gpc', 2, 1],
  [3, 'custom', 1, 2],
  [3, 'dnt', 1, 2],
  [10, 'accept-all', 1, 1],
  [10, 'reject-all', 1, 2],
  [40, 'accept-all', 1, 4],
];
let serial = 0;
for (const [ago, method, revision, n] of crowd) {
  for (let index = 0; index < n; index++) {
    serial++;
    receipts.push({ consentId: `crowd${String(serial).padStart(5, '0')}`, decidedAt: at(ago, serial), revision, method, lang: 'en' });
  }
}
const bodies = receipts.map(({ consentId, decidedAt, revision, method, lang, path }) => ({
  consentId,
  decidedAt,
  revision,
  configHash: configHash(revision === 2 ? uploaded : neverUploaded),
  method,
  granted: choice[method][0],
  denied: choice[method][1],
  lang,
  version: '0.1.0',
  ...(path ? { path } : {}),
}));
/** The default range: the last 30 UTC days, today included. */
const inRange = bodies.filter(({ decidedAt }) => decidedAt >= todayStart - 29 * DAY);

let folder;
let store;
let handler;
let server;
let url;
let browser;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'consent-dashboard-'));
  mkdirSync(shots, { recursive: true });
  store = await openStore({ url: `sqlite:${join(folder, 'log.db')}` });
  handler = createLogHandler({ store, token: testToken, limit: 0, log: () => {} });
  // The header the dashboard is written for: nothing inline, nothing from elsewhere.
  server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    handler.handle(req, res, new URL(req.url, 'http://x').pathname);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${server.address().port}/`;
  const snapshot = await post(`${url}snapshots`, uploaded, { type: 'application/json', headers: { Authorization: `Bearer ${testToken}` } });
  assert.equal(snapshot.status, 201);
  for (const body of bodies) assert.equal((await post(`${url}receipts`, body)).status, 201);
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: [...chromeArgs, '--lang=en-US'],
  });
});
afterEach(closePages);
after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((done) => (server ? server.close(done) : done()));
  await handler?.close();
  await store?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A fresh page (own sessionStorage) at `width`×`height`, on the dashboard. */
async function dashboard({ width = 1280, height = 900 } = {}) {
  const opened = await openPage(browser);
  await opened.page.setViewport({ width, height });
  await opened.page.goto(url, { waitUntil: 'load' });
  await opened.page.waitForFunction(() => !document.getElementById('sign-in').hidden || !document.getElementById('signed-in').hidden);
  return opened;
}

const state = (page, id, wanted) =>
  page.waitForFunction((region, states) => states.includes(document.getElementById(region).dataset.state), {}, id, Array.isArray(wanted) ? wanted : [wanted]);
const text = (page, selector) => page.$eval(selector, (element) => element.textContent.trim());
const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? null);

/** Tab from the start of the page to the token field, type `token`, press Enter. */
async function typeToken(page, token) {
  await page.keyboard.press('Tab');
  assert.equal(await activeId(page), 'token');
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
}

async function signIn(page) {
  await typeToken(page, testToken);
  await state(page, 'page-status', 'done');
  await state(page, 'stats-status', 'done');
}

/** Types a consent id into the look-up field (focus there first) and submits it. */
async function lookUp(page, id) {
  await page.keyboard.type(id);
  await page.keyboard.press('Enter');
}

/** axe-core's violations on the page as it is now (evaluated over DevTools, so the CSP does not block it). */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

const noSidewaysScroll = (page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

describe('dashboard', () => {
  it('signed out: a labelled password field, no request beyond its own server, and a wrong token is refused with a message', async () => {
    const { page, requests, errors } = await dashboard();
    assert.equal(await page.$eval('#token', (input) => input.type), 'password');
    assert.equal(await page.$eval('#token', (input) => input.labels[0].textContent), 'Access token');
    assert.equal(await page.$eval('#signed-in', (element) => element.hidden), true);
    assert.deepEqual(await axeViolations(page), []);

    await typeToken(page, 'wrong-token-0123456789');
    await state(page, 'page-status', 'error');
    assert.equal(await text(page, '#token-error'), 'The server did not accept this token. Check it and try again.');
    assert.equal(await page.$eval('#token', (input) => input.getAttribute('aria-invalid')), 'true');
    assert.equal(await activeId(page), 'token');
    assert.equal(await page.$eval('#signed-in', (element) => element.hidden), true);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.deepEqual(await axeViolations(page), []);

    assert.deepEqual(requests.filter((request) => !request.startsWith(url)), []);
    assert.ok(requests.every((request) => !request.includes(testToken) && !request.includes('wrong-token')));
    assert.deepEqual(errors, []);
  });

  it('signs in by keyboard and shows the seeded decisions per day and per revision, in the chart and its tables', async () => {
    const { page, errors } = await dashboard();
    await signIn(page);
    assert.equal(await activeId(page), 'lookup-heading');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('consent-log-token')), testToken);

    // The table: one row per day with decisions, the numbers that were seeded.
    const methods = ['accept-all', 'reject-all', 'custom', 'placeholder', 'gpc', 'dnt'];
    const expected = {};
    for (const { decidedAt, method } of inRange) {
      const row = (expected[dayOf(decidedAt)] ??= Object.fromEntries([...methods, 'total'].map((name) => [name, '0'])));
      row[method] = String(Number(row[method]) + 1);
      row.total = String(Number(row.total) + 1);
    }
    const rows = await page.$$eval('#days-table tbody tr', (trs) =>
      Object.fromEntries(trs.map((tr) => [tr.querySelector('th time').getAttribute('datetime'), Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.method, td.textContent]))])),
    );
    assert.deepEqual(rows, expected);
    assert.deepEqual(Object.keys(rows).sort(), [dayOf(at(10)), dayOf(at(3)), dayOf(at(1))]);
    assert.equal(await text(page, '#days-table tfoot td[data-method="total"]'), String(inRange.length));
    assert.deepEqual(await page.$$eval('#days-table thead th', (ths) => ths.map((th) => th.scope)), Array(8).fill('col'));
    assert.match(await text(page, '#days-table caption'), /^Decisions per day by method/);
    assert.match(await text(page, '#stats-status'), new RegExp(`^${inRange.length} decisions from `));

    // Per revision: revision 2 has the decisions of days 1 and 3 that used it.
    const perRevision = await page.$$eval('#revisions-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.revision, tr.querySelector('[data-count]').textContent]));
    const count = (revision) => String(inRange.filter((body) => body.revision === revision).length);
    assert.deepEqual(perRevision, [['2', count(2)], ['1', count(1)]]);

    // The chart: a bar for each day with decisions, as tall as its total.
    const bars = await page.$$eval('#chart svg g.bar', (groups) =>
      groups.map((group) => ({
        day: group.dataset.day,
        height: [...group.querySelectorAll('rect')].reduce((sum, rect) => sum + rect.height.baseVal.value, 0),
        segments: group.querySelectorAll('rect').length,
      })),
    );
    assert.deepEqual(bars.map((bar) => bar.day), Object.keys(expected).sort());
    const perDecision = bars.map((bar) => bar.height / Number(expected[bar.day].total));
    for (const value of perDecision) assert.ok(Math.abs(value - perDecision[0]) < 0.01, `bar heights ${perDecision}`);
    // GPC and DNT share a series; every other method present that day has a segment of its own.
    for (const bar of bars) {
      const present = new Set(inRange.filter(({ decidedAt }) => dayOf(decidedAt) === bar.day).map(({ method }) => (method === 'dnt' ? 'gpc' : method)));
      assert.equal(bar.segments, present.size, bar.day);
    }
    assert.equal(await page.$$eval('#chart-legend li', (items) => items.length), 5);
    assert.equal(await page.$eval('#chart svg', (graphic) => graphic.getAttribute('role')), 'img');

    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'chart-1280.png'), fullPage: true });

    // A wider range takes in the decisions of 40 days ago.
    await page.focus('#range-from');
    const from = new Date(todayStart - 45 * DAY);
    await page.keyboard.type(`${String(from.getUTCMonth() + 1).padStart(2, '0')}${String(from.getUTCDate()).padStart(2, '0')}${from.getUTCFullYear()}`);
    assert.equal(await page.$eval('#range-from', (input) => input.value), dayOf(from.getTime()));
    await page.keyboard.press('Enter');
    await page.waitForFunction((day) => document.querySelector(`#days-table tr[data-day="${day}"]`), {}, dayOf(at(40)));
    assert.equal(await text(page, `#days-table tr[data-day="${dayOf(at(40))}"] td[data-method="accept-all"]`), '4');
    assert.equal(await text(page, '#days-table tfoot td[data-method="total"]'), String(bodies.length));
    assert.equal(await page.$$eval('#chart svg g.bar', (groups) => groups.length), 4);

    // Sign out forgets the token: a reload asks for it again.
    await page.focus('#sign-out');
    await page.keyboard.press('Enter');
    await state(page, 'page-status', 'done');
    assert.equal(await activeId(page), 'token');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('consent-log-token')), null);
    assert.equal(await page.$$eval('#days-table tbody tr', (trs) => trs.length), 0);
    await page.reload({ waitUntil: 'load' });
    assert.equal(await page.$eval('#sign-in', (element) => element.hidden), false);
    assert.deepEqual(errors, []);
  });

  it('looks up a consent id: each decision with the texts its visitor saw, or a plain word that the config was never uploaded', async () => {
    const { page, requests, errors } = await dashboard();
    await signIn(page);
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'consent-id');

    // An id that cannot be one is refused before any request.
    await lookUp(page, 'abc12');
    await state(page, 'lookup-status', 'error');
    assert.equal(await text(page, '#consent-id-error'), 'A consent id has exactly 10 characters; this one has 5.');
    assert.equal(requests.filter((request) => request.includes('/receipts/')).length, 0);
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await lookUp(page, 'Lk7Proof4!');
    await state(page, 'lookup-status', 'error');
    assert.match(await text(page, '#consent-id-error'), /only the letters/);
    assert.equal(requests.filter((request) => request.includes('/receipts/')).length, 0);

    // An id nobody has.
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await lookUp(page, 'Zz9Nobody0');
    await state(page, 'lookup-status', 'empty');
    assert.match(await text(page, '#lookup-status'), /^No decision is stored under the consent id Zz9Nobody0\./);
    assert.equal(await page.$$eval('#lookup-result article', (articles) => articles.length), 0);
    assert.deepEqual(await axeViolations(page), []);

    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await lookUp(page, visitor);
    await state(page, 'lookup-status', 'done');
    const articles = await page.$$('#lookup-result article');
    assert.equal(articles.length, 3);
    const [latest, middle, oldest] = articles;
    const within = (article, selector) => article.$eval(selector, (element) => element.textContent.trim());
    const facts = (article) => article.$$eval('dl.facts dt', (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));

    // Newest first; the time in UTC as stored, the path, the revision, the services by name.
    const latestFacts = await facts(latest);
    assert.equal(await latest.$eval('time', (time) => time.getAttribute('datetime')), new Date(receipts[0].decidedAt).toISOString());
    assert.ok(latestFacts.Time.includes(`${new Date(receipts[0].decidedAt).toISOString().replace('T', ' ').replace('Z', '')} UTC`), latestFacts.Time);
    assert.equal(latestFacts['Config revision'], '2');
    assert.equal(latestFacts.Page, '/news/tide-gauges.html');
    assert.equal(latestFacts.Language, 'German (de)');
    assert.equal(latestFacts.Granted, 'Matomo (local stand-in) (matomo)');
    assert.equal(latestFacts['Config hash'], configHash(uploaded));
    // The texts of revision 2 in the visitor's language, German.
    const categories = await latest.$$eval('.category', (sections) => sections.map((section) => [section.querySelector('h5').textContent, section.querySelector('h5 + p').textContent]));
    assert.deepEqual(
      categories,
      demo.categories.map((category) => [category.label.de, category.description.de]),
    );
    const services = await latest.$$eval('.service', (items) => items.map((item) => [item.querySelector('strong').textContent, item.querySelector('.decision').textContent, item.querySelector('p:nth-of-type(3)').textContent]));
    const matomo = services.find(([name]) => name === 'Matomo (local stand-in)');
    assert.deepEqual(matomo.slice(2), [demo.categories[1].services[0].purpose.de]);
    assert.equal(services.find(([name]) => name === 'YouTube')[1], 'Refused');
    assert.equal(matomo[1], 'Granted');

    // French is not in the config: English.
    assert.equal((await facts(middle))['Config revision'], '2');
    assert.deepEqual(
      await middle.$$eval('.category h5', (headings) => headings.map((heading) => heading.textContent)),
      demo.categories.map((category) => category.label.en),
    );
    assert.equal(
      await middle.$$eval('.service', (items) => items.find((item) => item.querySelector('strong').textContent === 'YouTube').querySelector('.decision').textContent),
      'Granted',
    );

    // Revision 1 was never uploaded: said plainly, with its hash and what to do.
    assert.equal((await facts(oldest))['Config revision'], '1');
    assert.equal(await oldest.$$eval('.category', (sections) => sections.length), 0);
    assert.equal(
      await within(oldest, '.notice'),
      `The config this visitor saw (hash ${configHash(neverUploaded)}) was never uploaded: run consent-banner-check --upload on deployment.`,
    );

    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'lookup-1280.png'), fullPage: true });
    assert.ok(requests.every((request) => !request.includes(testToken)));
    assert.deepEqual(errors, []);
  });

  it('a service of a required category that still needs consent (src/core/necessary.ts) shows the decision, not "Always on"', async () => {
    // Reach measurement put into the required category: without a justification it waits
    // for consent like an optional service (the v1 `pattern` form counts too); with one, or
    // with a cookie of no tracker, it is always on.
    const config = structuredClone(demo);
    config.revision = 7;
    config.categories[0].services.push(
      { id: 'reach', name: 'Reach', purpose: 'Counts visits.', cookies: [{ name: '_pk_id.*', expires: '13 months' }] },
      { id: 'reach-v1', name: 'Reach v1', purpose: 'Counts visits.', cookies: [{ pattern: '^_ga', expires: '2 years' }] },
      {
        id: 'reach-justified',
        name: 'Reach justified',
        purpose: 'Counts visits.',
        necessaryJustification: 'Counts load for capacity planning only.',
        cookies: [{ name: '_pk_ses.*', expires: '30 minutes' }],
      },
    );
    const id = 'Rq7Refused';
    const upload = await post(`${url}snapshots`, config, { type: 'application/json', headers: { Authorization: `Bearer ${testToken}` } });
    assert.equal(upload.status, 201);
    // What the banner sends on "Reject all": every service that needs consent refused.
    // 60 days ago: outside the ranges the other tests count.
    const refused = ['reach', 'reach-v1', ...optional];
    const stored = await post(`${url}receipts`, {
      consentId: id, decidedAt: at(60), revision: 7, configHash: configHash(config), method: 'reject-all',
      granted: [], denied: refused, lang: 'en', version: '0.1.0',
    });
    assert.equal(stored.status, 201);

    const { page, errors } = await dashboard();
    await signIn(page);
    await page.keyboard.press('Tab');
    await lookUp(page, id);
    await state(page, 'lookup-status', 'done');
    const shown = await page.$$eval('.service', (items) =>
      Object.fromEntries(items.map((item) => [item.querySelector('strong').textContent, [item.querySelector('.decision').textContent, item.querySelector('.necessary-doubt')?.textContent ?? null]])),
    );
    assert.deepEqual(shown.Reach, ['Refused', 'In a required category, but it looks like statistics or media (the cookie "_pk_id.*") and has no "necessaryJustification", so it waits for consent.']);
    assert.deepEqual(shown['Reach v1'], ['Refused', 'In a required category, but it looks like statistics or media (the cookie "_ga*") and has no "necessaryJustification", so it waits for consent.']);
    assert.deepEqual(shown['Reach justified'], ['Always on (required)', null]);
    assert.deepEqual(shown['Institute CMS'], ['Always on (required)', null]);
    assert.equal(shown.YouTube[0], 'Refused');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  });

  it('at 320 px nothing scrolls sideways: signed out, chart and look-up', async () => {
    const { page, errors } = await dashboard({ width: 320, height: 640 });
    const fits = async () => {
      const { scrollWidth, innerWidth } = await noSidewaysScroll(page);
      assert.ok(scrollWidth <= innerWidth, `scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
    };
    await fits();
    await page.screenshot({ path: join(shots, 'signed-out-320.png'), fullPage: true });
    await signIn(page);
    await fits();
    assert.equal(await page.$$eval('#chart svg g.bar', (groups) => groups.length), 3);
    assert.ok((await page.$eval('#chart svg', (graphic) => graphic.getBoundingClientRect().right)) <= 320);
    await page.screenshot({ path: join(shots, 'chart-320.png'), fullPage: true });
    await page.keyboard.press('Tab');
    await lookUp(page, visitor);
    await state(page, 'lookup-status', 'done');
    await fits();
    await page.screenshot({ path: join(shots, 'lookup-320.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);

    // Forced colours (Windows high contrast): still within the width, still no violation.
    // (puppeteer's emulateMediaFeatures does not know forced-colors; DevTools does.)
    const devtools = await page.createCDPSession();
    await devtools.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
    await fits();
    await page.screenshot({ path: join(shots, 'forced-colors-320.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });

  it('exports the range as CSV and NDJSON, sending the token in the header only', async () => {
    const { page, requests, errors } = await dashboard();
    const downloads = mkdtempSync(join(folder, 'downloads-'));
    const session = await browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true, browserContextId: page.browserContext().id });
    const finished = () => new Promise((done) => session.on('Browser.downloadProgress', (event) => event.state === 'completed' && done(event)));
    await signIn(page);
    const [from, to] = [dayOf(todayStart - 29 * DAY), dayOf(todayStart)];

    let completed = finished();
    await page.focus('#export-csv');
    await page.keyboard.press('Enter');
    await completed;
    await state(page, 'export-status', 'done');
    const csv = readFileSync(join(downloads, `consent-log-${from}-to-${to}.csv`), 'utf8').trim().split(/\r?\n/);
    assert.equal(csv.length, 1 + inRange.length);
    assert.match(csv[0], /^consentId,decidedAt,revision,configHash,method,/);
    assert.equal(csv.filter((line) => line.startsWith(`${visitor},`)).length, 3);

    completed = finished();
    await page.focus('#export-ndjson');
    await page.keyboard.press('Enter');
    await completed;
    await state(page, 'export-status', 'done');
    const lines = readFileSync(join(downloads, `consent-log-${from}-to-${to}.ndjson`), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(lines.map((line) => `${line.consentId} ${line.method}`).sort(), inRange.map((body) => `${body.consentId} ${body.method}`).sort());

    const exports = requests.filter((request) => request.includes('/export'));
    assert.deepEqual(exports.map((request) => new URL(request).search), [`?from=${from}&to=${to}&format=csv`, `?from=${from}&to=${to}&format=ndjson`]);
    await session.detach();
    assert.deepEqual(errors, []);
  });

  it('a saved token that the server no longer accepts signs out with a message', async () => {
    const { page, errors } = await dashboard();
    await page.evaluate(() => sessionStorage.setItem('consent-log-token', 'an-old-token-0123456789'));
    await page.reload({ waitUntil: 'load' });
    await state(page, 'page-status', 'error');
    assert.equal(await text(page, '#page-status'), 'The saved token is no longer accepted. Sign in again with the current token.');
    assert.equal(await page.$eval('#sign-in', (element) => element.hidden), false);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('consent-log-token')), null);
    assert.equal(await activeId(page), 'token');
    assert.deepEqual(errors, []);
  });
});

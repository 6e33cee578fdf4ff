// End-to-end: proof of consent on the demo. Each decision made on a page sends one receipt
// to the consent log (server/, mounted by the demo server under /consent-log/ on a SQLite
// file), and the privacy officer's look-up shows it with the texts of the config the visitor
// saw. Served as http://demo.test (no secure context, so no WebCrypto): the config hash is
// the library's own SHA-256. Returning visitors never download the receipt code.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { configHash } from '../../dist/lib/core/config-hash.js';
import { demoLog } from '../../scripts/serve.mjs';
import { clickAction, closePages, dialogOpen, openPage, openTab, otherHosts, startBrowser, waitForDialog } from './browser.mjs';

const DEMO_CONFIG = JSON.parse(readFileSync(new URL('../../demo/consent.json', import.meta.url), 'utf8'));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

let session;
let log;
let demo;
before(async () => {
  log = await demoLog(mkdtempSync(join(tmpdir(), 'consent-log-demo-')));
  session = await startBrowser({ log, args: ['--host-resolver-rules=MAP demo.test 127.0.0.1'] });
  demo = `${session.url.replace('localhost', 'demo.test')}/demo/`;
});
afterEach(closePages);
after(async () => {
  await session.close();
  await log.close();
});

const isBeacon = (url) => new URL(url).pathname === '/consent-log/receipts';
const isReceiptCode = (url) => /\/chunks\/receipt-[\w-]+\.js$/.test(url);

/** The privacy officer's look-up of a consent id, over HTTP with the demo log's token. */
async function lookUp(consentId) {
  const response = await fetch(`${session.url}/consent-log/receipts/${consentId}`, { headers: { Authorization: `Bearer ${log.token}` } });
  return { status: response.status, body: await response.json() };
}

/** Waits until the log holds a receipt for the consent id (the beacon is on its way when the decision event fires). */
async function receiptOf(consentId) {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; ) {
    const { status, body } = await lookUp(consentId);
    if (status === 200) return body.receipts;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.fail(`no receipt for consent id ${consentId} reached the log`);
}

/** Starts listening for the next `consent-change` on the page; `await (await nextDecision(page))()` gives its detail. */
async function nextDecision(page) {
  await page.evaluate(() => {
    window.nextDecision = new Promise((resolve) => document.addEventListener('consent-change', (event) => resolve(event.detail), { once: true }));
  });
  return { jsonValue: () => page.evaluate(() => window.nextDecision) };
}

describe('proof of consent on the demo', () => {
  it('"Accept all" sends exactly one receipt; the look-up shows it with the texts the visitor saw; returning views send none', async () => {
    const { page, requests, errors } = await openPage(session.browser);
    await page.goto(demo, { waitUntil: 'load' });
    await waitForDialog(page);
    assert.deepEqual(requests.filter(isReceiptCode), [], 'the receipt code loads only when a decision is made');
    assert.deepEqual(otherHosts(requests, demo), []);
    const decided = await nextDecision(page);
    await clickAction(page, 'accept');
    const { consentId, decidedAt } = await decided.jsonValue();

    const receipts = await receiptOf(consentId);
    assert.equal(receipts.length, 1);
    const [receipt] = receipts;
    assert.deepEqual(
      { ...receipt, snapshot: undefined, receivedAt: undefined },
      {
        consentId,
        decidedAt: Date.parse(decidedAt),
        revision: 1,
        configHash: configHash(DEMO_CONFIG),
        method: 'accept-all',
        granted: ['matomo', 'stats', 'osm', 'youtube', 'twitter'],
        denied: [],
        lang: 'en',
        version,
        path: '/demo/',
        snapshotMissing: false,
        snapshot: undefined,
        receivedAt: undefined,
      },
    );
    // The snapshot is the demo config as deployed: the categories and texts this visitor read.
    assert.deepEqual(
      receipt.snapshot.categories.map((category) => category.label.en),
      ['Necessary', 'Statistics', 'External media'],
    );
    assert.equal(requests.filter(isBeacon).length, 1, 'one beacon for one decision');

    // A returning view: no dialog, no receipt code, no receipt.
    requests.length = 0;
    await page.reload({ waitUntil: 'load' });
    await page.evaluate(() => customElements.whenDefined('consent-banner').then(() => document.querySelector('consent-banner').configApplied));
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual(requests.filter((url) => isReceiptCode(url) || isBeacon(url)), []);
    assert.deepEqual(errors, []);
  });

  it('the settings layer shows the consent id; a withdrawal that reloads the page still sends its receipt first', async () => {
    const { page, requests, errors } = await openPage(session.browser);
    await page.goto(demo, { waitUntil: 'load' });
    await waitForDialog(page);
    const first = await nextDecision(page);
    await clickAction(page, 'accept');
    const { consentId } = await first.jsonValue();
    await receiptOf(consentId);

    // "Cookie settings" at the foot of the page, opened with the keyboard.
    await page.focus('footer a[data-consent-open]');
    await page.keyboard.press('Enter');
    const shown = await page.waitForFunction(
      () => document.querySelector('consent-banner').shadowRoot.querySelector('[data-action="save"]') && document.querySelector('consent-banner').shadowRoot.querySelector('.body').textContent,
      { polling: 50 },
    );
    assert.match(await shown.jsonValue(), new RegExp(`Your consent ID: ${consentId}`));

    // Statistics off: its plain gated script ran, so saving reloads the page (gate.ts).
    await page.$eval('consent-banner', (banner) => banner.shadowRoot.querySelector('input[aria-labelledby="category-statistics"]').click());
    const reloaded = page.waitForNavigation({ waitUntil: 'load' });
    await clickAction(page, 'save');
    await reloaded;
    const beacons = requests.filter(isBeacon);
    assert.equal(beacons.length, 2, 'the withdrawal sent its receipt before the reload');
    const withdrawal = await page.evaluate(() => document.cookie.match(/consent=2c(\w{10})/)?.[1]);
    const [receipt] = await receiptOf(withdrawal);
    assert.deepEqual([receipt.method, receipt.granted, receipt.denied], ['custom', ['osm', 'youtube', 'twitter'], ['matomo', 'stats']]);
    assert.deepEqual(errors, []);
  });

  it('a browser signal (Global Privacy Control) is logged as such; a tab that follows another tab’s decision sends nothing', async () => {
    const { page, context, requests, errors } = await openPage(session.browser);
    await page.evaluateOnNewDocument(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    await page.goto(demo, { waitUntil: 'load' });
    const consentId = await page.waitForFunction(() => document.cookie.match(/consent=2g(\w{10})/)?.[1], { polling: 50 });
    const [receipt] = await receiptOf(await consentId.jsonValue());
    assert.deepEqual([receipt.method, receipt.granted, receipt.denied], ['gpc', [], ['matomo', 'stats', 'osm', 'youtube', 'twitter']]);
    assert.equal(await dialogOpen(page), false);

    // A second tab follows the first one's opt-in from a placeholder, and logs nothing of its own.
    const other = await openTab(context);
    await other.page.goto(demo, { waitUntil: 'load' });
    await other.page.evaluate(() => customElements.whenDefined('consent-banner').then(() => document.querySelector('consent-banner').configApplied));
    const followed = await nextDecision(other.page);
    await page.bringToFront();
    const opted = await nextDecision(page);
    await (await page.waitForSelector('consent-embed >>> button[part~="always"]')).click();
    const { consentId: optIn } = await opted.jsonValue();
    await other.page.bringToFront();
    assert.equal((await followed.jsonValue()).consentId, optIn);
    const [placeholder] = await receiptOf(optIn);
    assert.equal(placeholder.method, 'placeholder');
    assert.equal(requests.filter(isBeacon).length, 2);
    assert.deepEqual(other.requests.filter((url) => isBeacon(url) || isReceiptCode(url)), []);
    assert.deepEqual([...errors, ...other.errors], []);
  });
});

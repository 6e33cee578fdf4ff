// End-to-end: the built drop-in (dist/consent-banner.js) on plain HTML pages, in a real
// Chromium with a fresh profile per test, recording every request and cookie.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, dialogOpen, openPage, otherHosts, startBrowser, waitForDialog } from './browser.mjs';

let session;
before(async () => (session = await startBrowser()));
afterEach(closePages);
after(() => session.close());

const plainPage = () => `${session.url}/test/e2e/pages/plain.html`;
const ran = (page) => page.evaluate(() => window.ran);
const chunkRequests = (requests) => requests.filter((url) => url.includes('/dist/chunks/'));

describe('drop-in bundle on a plain page', () => {
  it('first visit: shows the dialog, runs nothing gated, requests no third party, sets no cookie', async () => {
    const { page, requests, cookies, errors } = await openPage(session.browser);
    await page.goto(plainPage());
    await waitForDialog(page);
    assert.deepEqual(await ran(page), []);
    assert.deepEqual(otherHosts(requests, plainPage()), []);
    assert.deepEqual(await cookies(), []);
    assert.equal(await page.$eval('iframe', (frame) => frame.hasAttribute('src')), false);
    assert.deepEqual(errors, []);
  });

  it('Escape as the very first key press on a fresh page neither closes the dialog nor decides', async () => {
    const { page, cookies } = await openPage(session.browser);
    await page.goto(plainPage());
    await waitForDialog(page);
    await page.keyboard.press('Escape');
    assert.equal(await dialogOpen(page), true);
    await page.keyboard.press('Escape');
    assert.equal(await dialogOpen(page), true);
    assert.deepEqual(await cookies(), []);
    assert.deepEqual(await ran(page), []);
  });

  it('"Reject all" is remembered: after a reload no dialog, nothing gated, and no code beyond the entry downloaded', async () => {
    const { page, requests, cookies } = await openPage(session.browser);
    await page.goto(plainPage());
    await waitForDialog(page);
    await clickAction(page, 'reject');
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual((await cookies()).map((cookie) => cookie.name), ['consent']);

    requests.length = 0;
    await page.reload({ waitUntil: 'networkidle0' });
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual(await ran(page), []);
    assert.deepEqual(otherHosts(requests, plainPage()), []);
    assert.deepEqual(chunkRequests(requests), []);
  });

  it('"Accept all" runs the gated scripts once, in order, and loads the frame; it holds after a reload', async () => {
    const { page, requests } = await openPage(session.browser);
    await page.goto(plainPage());
    await waitForDialog(page);
    await clickAction(page, 'accept');
    await page.waitForFunction(() => window.ran.length === 3);
    assert.deepEqual(await ran(page), ['first', 'second', 'video']);
    await page.waitForFunction(() => document.querySelector('iframe').src.includes('127.0.0.1'));
    // The set of URLs: Chromium may issue a frame's navigation request twice.
    assert.deepEqual([...new Set(otherHosts(requests, plainPage()))], [`http://127.0.0.1:${new URL(session.url).port}/test/fixtures/frame.html`]);

    requests.length = 0;
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForFunction(() => window.ran.length === 3);
    assert.deepEqual(await ran(page), ['first', 'second', 'video']);
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual(chunkRequests(requests), []);
  });

  it('withdrawal from the "Cookie settings" link deletes the cookies and unloads the frame at once', async () => {
    const { page, cookies } = await openPage(session.browser);
    await page.goto(plainPage());
    await waitForDialog(page);
    await clickAction(page, 'accept');
    await page.waitForFunction(() => document.cookie.includes('_stat='));

    await page.click('a[data-consent-open]');
    await waitForDialog(page);
    for (const id of ['category-statistics', 'category-media']) {
      await (await page.$(`consent-banner >>> input[aria-labelledby="${id}"]`)).click();
    }
    await clickAction(page, 'save');
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual((await cookies()).map((cookie) => cookie.name), ['consent']);
    assert.equal(await page.$eval('iframe', (frame) => frame.getAttribute('src')), 'about:blank');
    assert.equal(await page.evaluate(() => document.activeElement.matches('a[data-consent-open]')), true);
  });

  it('with cookies blocked by the browser the dialog still works and nothing gated loads before a choice', async () => {
    const { page, requests } = await openPage(session.browser);
    const client = await page.createCDPSession();
    await client.send('Emulation.setDocumentCookieDisabled', { disabled: true });
    await page.goto(plainPage());
    await waitForDialog(page);
    assert.deepEqual(await ran(page), []);
    assert.deepEqual(otherHosts(requests, plainPage()), []);
    const reported = page.evaluate(() => new Promise((resolve) => document.addEventListener('consent-error', (event) => resolve(event.detail.kind), { once: true })));
    await clickAction(page, 'reject');
    assert.equal(await reported, 'storage');
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual(await ran(page), []);
  });
});

describe('drop-in bundle under a strict nonce-based CSP', () => {
  it('runs gated scripts with the page nonce and causes no CSP violation', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.url}/test/e2e/pages/csp.html`);
    await waitForDialog(page);
    assert.equal(await page.$eval('consent-banner >>> button[data-action="accept"]', (button) => button.textContent), 'Alle akzeptieren');
    await clickAction(page, 'accept');
    await page.waitForFunction(() => window.ran.length === 2);
    assert.deepEqual(await ran(page), ['external', 'inline:r4nd0m']);
    assert.equal(await page.$eval('script[src$="?external"]', (script) => script.nonce), 'r4nd0m');
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(errors, []);
  });
});

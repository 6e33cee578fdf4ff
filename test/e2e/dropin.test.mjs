// End-to-end: the built drop-in (dist/consent-banner.js) on plain HTML pages, in a real
// Chromium with a fresh profile per test, recording every request and cookie.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, dialogOpen, openPage, openTab, otherHosts, startBrowser, waitForDialog } from './browser.mjs';

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
    assert.deepEqual(chunkRequests(requests).filter((url) => url.includes('/validate-')), [], 'a stamped config is not validated again');
    // Of the 24 languages, only the page's, and of it only the first layer's texts.
    assert.deepEqual(chunkRequests(requests).filter((url) => /texts-/.test(url)).map((url) => url.replace(/^.*\/chunks\/|-[\w-]{6}\.js$/g, '')), ['texts-dialog-en']);
    await clickAction(page, 'settings');
    await page.waitForFunction(() => document.querySelector('consent-banner').shadowRoot.querySelector('input[type="checkbox"]'), { polling: 50 });
    assert.deepEqual(chunkRequests(requests).filter((url) => /texts-/.test(url)).map((url) => url.replace(/^.*\/chunks\/|-[\w-]{6}\.js$/g, '')), ['texts-dialog-en', 'texts-settings-en']);
  });

  it('a config edited after it was stamped is validated again: the validator loads, and the broken config fails closed with the JSON path', async () => {
    const { page, requests, cookies, errors } = await openPage(session.browser);
    await page.goto(`${session.url}/test/e2e/pages/stale-stamp.html`);
    await page.evaluate(() => customElements.whenDefined('consent-banner').then(() => document.querySelector('consent-banner').configApplied));
    assert.equal(chunkRequests(requests).filter((url) => url.includes('/validate-')).length, 1);
    assert.match(errors.join('\n'), /config error at \$\.categories\[0\]\.id: must be 1 to 40 lower-case letters/);
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual(await ran(page), []);
    assert.deepEqual(await cookies(), []);
  });

  it('a required service that looks like statistics is warned about with its path, by a file that loads only for such a config', { timeout: 30_000 }, async () => {
    const { page, requests } = await openPage(session.browser);
    await page.goto(plainPage());
    await waitForDialog(page);
    const warningFile = () => chunkRequests(requests).filter((url) => url.includes('/necessary-doubts-')).length;
    assert.equal(warningFile(), 0);
    const warning = await page.evaluate(
      () =>
        new Promise((resolve) => {
          document.addEventListener('consent-error', (event) => resolve(event.detail), { once: true });
          const banner = document.querySelector('consent-banner');
          // Without its stamp, as an edited config is: the validator judges it first.
          const { checked, ...config } = structuredClone(banner.config);
          config.categories[0].services.push({ id: 'counter', name: 'Counter', cookies: [{ name: '_pk_id.*', expires: '13 months' }] });
          banner.config = config;
        }),
    );
    assert.deepEqual(warning, {
      kind: 'config',
      path: '$.categories[0].services[1]',
      message: '"counter" looks like statistics or media (the cookie "_pk_id.*") but is required without a "necessaryJustification"; it waits for consent',
    });
    assert.equal(warningFile(), 1);
    assert.equal(await page.evaluate(async () => (await import('/dist/consent-banner.js')).consent.isGranted('counter')), false);
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

  it('withdrawal from the "Cookie settings" link says the page will reload, stores the refusal, deletes the cookies and reloads once: nothing runs again', async () => {
    const { page, cookies, requests } = await openPage(session.browser);
    await page.goto(plainPage());
    await waitForDialog(page);
    await clickAction(page, 'accept');
    await page.waitForFunction(() => document.cookie.includes('_stat=') && window.ran.includes('video'));

    await page.click('a[data-consent-open]');
    await waitForDialog(page);
    const note = await page.$eval('consent-banner', (banner) => banner.shadowRoot.querySelector('.body').textContent);
    assert.match(note, /Switching off Stats, Video reloads this page once, so that nothing keeps running\./);
    for (const id of ['category-statistics', 'category-media']) {
      await (await page.$(`consent-banner >>> input[aria-labelledby="${id}"]`)).click();
    }
    const loads = requests.filter((url) => url.endsWith('/plain.html')).length;
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), clickAction(page, 'save')]);
    await page.waitForFunction(() => customElements.get('consent-banner'), { polling: 50 });
    await page.evaluate(() => document.querySelector('consent-banner').configApplied);
    assert.equal(requests.filter((url) => url.endsWith('/plain.html')).length, loads + 1, 'one reload');
    const { decision } = await page.evaluate(async () => ({ decision: (await import('/dist/consent-banner.js')).consent.decision }));
    assert.deepEqual(decision.deniedServices, ['stats', 'video']);
    assert.deepEqual((await cookies()).map((cookie) => cookie.name), ['consent']);
    assert.deepEqual(await ran(page), []);
    assert.equal(await page.$eval('iframe', (frame) => frame.getAttribute('src')), null);
    assert.equal(await dialogOpen(page), false);
  });

  it('a withdrawal in one tab reloads the other tab too, where the same scripts ran; a grant reloads nothing', async () => {
    const { page: first, context } = await openPage(session.browser);
    await first.goto(plainPage());
    await waitForDialog(first);
    await clickAction(first, 'accept');
    await first.waitForFunction(() => window.ran.includes('video'), { polling: 50 });
    const { page: second } = await openTab(context);
    await second.goto(plainPage(), { waitUntil: 'load' });
    await second.waitForFunction(() => window.ran.includes('video'), { polling: 50 });
    // A mark that only the same document keeps: a reload drops it.
    for (const page of [first, second]) await page.evaluate(() => (window.mark = 'kept'));

    // (The tab reloads as the call returns: its answer may be lost with the old document.)
    await second.evaluate(() => import('/dist/consent-banner.js').then(({ consent }) => void consent.saveSelection(['stats']))).catch((error) => {
      if (!/context was destroyed|Target closed|detached/i.test(error.message)) throw error;
    });
    // Both tabs reloaded: a new document, without the mark, whose banner took its config. (Polled
    // in the page rather than by navigation events, which a busy machine can deliver out of order.)
    for (const page of [second, first]) {
      await page.waitForFunction(() => window.mark === undefined && document.readyState === 'complete' && customElements.get('consent-banner'), { polling: 50 });
      await page.evaluate(() => document.querySelector('consent-banner').configApplied);
    }
    assert.equal(await first.evaluate(() => window.mark), undefined, 'the first tab reloaded');
    assert.deepEqual(await ran(first), ['first', 'second'], 'only what stays granted runs there');

    // A new grant needs no reload: the gate runs what is now allowed, in place.
    await first.evaluate(() => (window.mark = 'kept'));
    await first.evaluate(async () => (await import('/dist/consent-banner.js')).consent.acceptAll());
    await first.waitForFunction(() => window.ran.includes('video'), { polling: 50 });
    assert.equal(await first.evaluate(() => window.mark), 'kept');
  });

  it('a refusal in a tab on the next revision of the config reloads a tab still on the old one, where the scripts ran', async () => {
    const { page: first, context } = await openPage(session.browser);
    await first.goto(plainPage());
    await waitForDialog(first);
    await clickAction(first, 'accept');
    await first.waitForFunction(() => window.ran.includes('video'), { polling: 50 });
    await first.evaluate(() => (window.mark = 'kept'));
    // The site raised its config's revision meanwhile: a new page asks again, and the visitor refuses there.
    const { page: second } = await openTab(context);
    await second.goto(`${session.url}/test/e2e/pages/plain-revision-2.html`);
    await waitForDialog(second);
    await clickAction(second, 'reject');
    // The first tab holds no valid decision any more, and its scripts ran: it reloads, and asks.
    await first.bringToFront();
    await first.waitForFunction(() => window.mark === undefined && document.readyState === 'complete' && customElements.get('consent-banner'), { polling: 50 });
    await first.evaluate(() => document.querySelector('consent-banner').configApplied);
    assert.deepEqual(await ran(first), []);
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
  it('runs gated scripts with the page nonce, none without it, and causes no CSP violation', async () => {
    const { page, errors, requests } = await openPage(session.browser);
    await page.goto(`${session.url}/test/e2e/pages/csp.html`);
    await waitForDialog(page);
    assert.equal(await page.$eval('consent-banner >>> button[data-action="accept"]', (button) => button.textContent), 'Alle akzeptieren');
    // Reported in the pass that would have run them: after it, the scripts with the nonce run.
    const blocked = page.evaluate(() => new Promise((resolve) => {
      const paths = [];
      document.addEventListener('consent-error', ({ detail }) => paths.push(`${detail.kind} ${detail.path}`) === 2 && resolve(paths));
    }));
    await clickAction(page, 'accept');
    assert.deepEqual(await blocked, ['csp <script data-consent="stats">', 'csp <script data-consent="stats">']);
    await page.waitForFunction(() => window.ran.length === 2);
    assert.deepEqual(await ran(page), ['external', 'inline:r4nd0m']);
    assert.equal(await page.$eval('script[src$="?external"]', (script) => script.nonce), 'r4nd0m');
    // The guessed one was never asked for; the one without a nonce is still a placeholder.
    assert.equal(requests.some((url) => url.endsWith('?injected')), false);
    assert.equal(await page.$$eval('script[type="text/plain"][data-consent]', (scripts) => scripts.length), 2);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    const blockedMessage = `[consent-banner] csp error at <script data-consent="stats">: lacks the page's nonce; blocked`;
    assert.deepEqual(errors, [blockedMessage, blockedMessage]);
  });
});

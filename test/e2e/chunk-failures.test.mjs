// Every file the drop-in loads on demand, failing in turn: answered with 404, or never
// answered. Each failure must be reported (consent-error, kind "load", naming the file)
// and tried once more; nothing gated may load because of it; the page stays usable; and
// once the file can be had again, "Cookie settings" brings the dialog back.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import { chromeArgs } from '../../web-test-runner.config.mjs';
import { CHUNK_TIMEOUT_MS } from '../../dist/lib/core/chunks.js';
import { clickAction, closePages, dialogOpen, openPage, waitForDialog } from './browser.mjs';

/**
 * Each lazy file (by its name before the hash), and the imports that fail with it, once per
 * caller: Lit is a static import of both the dialog and the placeholder, and its chunk holds
 * the list of language files, which the banner and the embed load beside their own code.
 * The first layer's texts are asked for by the banner beside the dialog, and by the dialog.
 */
const FAILING_IMPORTS = {
  dialog: ['dialog'],
  settings: ['settings'],
  'lit-shared-ui': ['dialog', 'placeholder', 'lit-shared-ui', 'lit-shared-ui'],
  'texts-dialog': ['texts-dialog', 'texts-dialog'],
  'consent-embed': ['consent-embed'],
  placeholder: ['placeholder'],
  adapters: ['adapters'],
  matomo: ['matomo'],
};

let browser;
before(async () => (browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: chromeArgs })));
afterEach(closePages);
after(() => browser.close());

const servers = [];
after(() => servers.forEach((server) => (server.closeAllConnections(), server.close())));

/**
 * A server of its own (so pages in parallel do not share failures) where `/dist/chunks/<file>-…`
 * answers 404 or not at all until `recover()`; held requests are then cut off.
 */
async function failingServer(file, mode) {
  const state = { failing: true, requests: 0, held: [] };
  const { server, url } = await startServer({
    port: 0,
    handle(request, response, pathname) {
      if (!state.failing || !pathname.startsWith(`/dist/chunks/${file}-`)) return false;
      state.requests++;
      if (mode === '404') response.writeHead(404).end();
      else state.held.push(response);
      return true;
    },
  });
  servers.push(server);
  return {
    pageUrl: `${url}/test/e2e/pages/every-part.html`,
    state,
    recover() {
      state.failing = false;
      for (const response of state.held) response.destroy();
    },
  };
}

const loadErrors = (page) => page.evaluate(() => window.consentErrors.filter((error) => error.kind === 'load'));

/** Opens the page with `file` failing; resolves once both attempts of every import it breaks were reported. */
async function openFailing(file, mode) {
  const server = await failingServer(file, mode);
  const visit = await openPage(browser);
  await visit.page.goto(server.pageUrl, { waitUntil: 'load' });
  // A file that never answers is reported after the time limit, twice.
  const expected = 2 * FAILING_IMPORTS[file].length;
  await visit.page.waitForFunction((count) => window.consentErrors.filter((error) => error.kind === 'load').length === count, { polling: 100, timeout: 3 * CHUNK_TIMEOUT_MS + 5000 }, expected);
  return { ...visit, server };
}

/** What must hold whichever file failed. */
async function assertReportedAndSafe({ page, requests, cookies, errors }, file, mode) {
  const reported = await loadErrors(page);
  for (const imported of new Set(FAILING_IMPORTS[file])) {
    // Each import that failed is named, and reported twice: a retry, then given up.
    const callers = FAILING_IMPORTS[file].filter((name) => name === imported).length;
    const named = reported.filter((error) => new RegExp(`(^|/)${imported}-[\\w-]+\\.js"?$`).test(error.path));
    assert.equal(named.length, 2 * callers, `${imported}: ${JSON.stringify(reported)}`);
    const retries = named.filter((error) => /; trying once more$/.test(error.message));
    assert.equal(retries.length, callers, `${imported}: ${JSON.stringify(named)}`);
    for (const error of retries) assert.match(error.message, mode === '404' ? /Failed to fetch.*; trying once more$/ : new RegExp(`no answer in ${CHUNK_TIMEOUT_MS / 1000} s; trying once more$`));
    assert.equal(named.filter((error) => /; not loaded$/.test(error.message)).length, callers);
  }
  // Nothing gated ran or loaded, no cookie was set, no rejection went unhandled.
  assert.deepEqual(await page.evaluate(() => window.ran), []);
  assert.deepEqual(requests.filter((url) => /matomo\.js|gated\.js/.test(url)), []);
  assert.deepEqual((await cookies()).map((cookie) => cookie.name), []);
  assert.deepEqual(errors.filter((message) => !message.startsWith('[consent-banner] load error')), []);
}

/**
 * A file that answered 404 is asked for again on the retry. Lit is imported by the dialog and
 * the placeholder: their attempts share a request when they happen at the same time, and
 * when they do not, each makes its own (a failed module is not cached).
 */
function assertAskedAgain(requests, file) {
  const attempts = 2 * FAILING_IMPORTS[file].length;
  assert.ok(requests >= 2 && requests <= attempts, `${file}: ${requests} requests, expected 2 to ${attempts}`);
}

for (const mode of ['404', 'no answer']) {
  describe(`a lazy file that answers ${mode}`, () => {
    it('the dialog, Lit or the first layer\'s texts: reported, tried once more, no dialog and nothing gated; "Cookie settings" loads it once it can', async () => {
      await Promise.all(
        ['dialog', 'lit-shared-ui', 'texts-dialog'].map(async (file) => {
          const visit = await openFailing(file, mode);
          await assertReportedAndSafe(visit, file, mode);
          if (mode === '404') assertAskedAgain(visit.server.state.requests, file);
          assert.equal(await dialogOpen(visit.page), false);
          // No dialog: the page is not blocked.
          await visit.page.click('#page-button');
          assert.equal(await visit.page.evaluate(() => window.pageClicks), 1);

          visit.server.recover();
          await visit.page.bringToFront();
          await visit.page.click('a[data-consent-open]');
          await waitForDialog(visit.page);
          await clickAction(visit.page, 'accept');
          await visit.page.waitForFunction(() => window.ran.length === 5, { polling: 50 });
        }),
      );
    });

    it('the settings layer: reported, tried once more; the first layer stays and decides, and "Settings" loads it once it can', async () => {
      const server = await failingServer('settings', mode);
      const visit = await openPage(browser);
      const { page } = visit;
      await page.goto(server.pageUrl, { waitUntil: 'load' });
      await waitForDialog(page);
      // The settings layer is loaded only when asked for.
      assert.equal(server.state.requests, 0);
      await clickAction(page, 'settings');
      await page.waitForFunction(() => window.consentErrors.filter((error) => error.kind === 'load').length === 2, { polling: 100, timeout: 3 * CHUNK_TIMEOUT_MS + 5000 });
      await assertReportedAndSafe(visit, 'settings', mode);
      if (mode === '404') assertAskedAgain(server.state.requests, 'settings');
      // Still the first layer, open and deciding.
      assert.equal(await dialogOpen(page), true);
      assert.equal(await page.$eval('consent-banner', (banner) => banner.shadowRoot.querySelector('h2').textContent), 'Your privacy choices');

      server.recover();
      await clickAction(page, 'settings');
      await page.waitForFunction(() => document.querySelector('consent-banner').shadowRoot.querySelector('input[type="checkbox"]'), { polling: 50 });
      await clickAction(page, 'accept');
      await page.waitForFunction(() => window.ran.length === 5, { polling: 50 });
    });

    it('the embed, its placeholder or the adapters: reported, tried once more; the dialog still works and decides', async () => {
      await Promise.all(
        ['consent-embed', 'placeholder', 'adapters', 'matomo'].map(async (file) => {
          const visit = await openFailing(file, mode);
          await assertReportedAndSafe(visit, file, mode);
          if (mode === '404') assertAskedAgain(visit.server.state.requests, file);
          const { page, requests } = visit;
          if (file === 'consent-embed') assert.equal(await page.evaluate(() => customElements.get('consent-embed')), undefined);
          if (file === 'placeholder') {
            // No empty box: the placeholder is hidden and the frame keeps no size of its own.
            const frame = await page.$eval('consent-embed', (embed) => ({ hidden: embed.shadowRoot.querySelector('[part="placeholder"]').hidden, sized: embed.shadowRoot.querySelector('[part="frame"]').classList.contains('sized') }));
            assert.deepEqual(frame, { hidden: true, sized: false });
            assert.equal(await page.$eval('consent-embed blockquote', (quote) => quote.checkVisibility()), true, 'the fallback stays readable');
          }
          await page.bringToFront();
          await waitForDialog(page);
          await clickAction(page, 'accept');
          // The gated scripts run; what failed stays off (no analytics, no embed), nothing else is asked for.
          await page.waitForFunction(() => window.ran.includes('inline') && window.ran.includes('external'), { polling: 50 });
          if (file === 'adapters' || file === 'matomo') assert.deepEqual(requests.filter((url) => url.includes('matomo.js')), []);
          if (file === 'placeholder') await page.waitForFunction(() => window.ran.includes('embed-inline') && window.ran.includes('provider'), { polling: 50 });
        }),
      );
    });
  });
}

// The drop-in on a page that enforces Trusted Types, with the CSP sent as a header:
// every state must cause no violation, and a page that allows the library no policy
// gets an error that says so and nothing gated.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, dialogOpen, openPage, startBrowser, waitForDialog } from './browser.mjs';

const BASE = "script-src 'nonce-n0nce-for-tests' 'strict-dynamic'; object-src 'none'; base-uri 'none'; style-src 'self'; require-trusted-types-for 'script'";
/** The `trusted-types` directive each test asks for with `?types=`. */
const TYPES = {
  ours: 'trusted-types consent-banner lit-html',
  none: "trusted-types 'none'",
  'no-lit': 'trusted-types consent-banner',
};

let session;
before(
  async () =>
    (session = await startBrowser({
      handle(request, response, pathname) {
        if (pathname === '/test/e2e/pages/every-part.html') {
          const types = new URL(request.url, 'http://localhost').searchParams.get('types');
          response.setHeader('Content-Security-Policy', `${BASE}; ${TYPES[types]}`);
        }
        return false;
      },
    })),
);
afterEach(closePages);
after(() => session.close());

const pageUrl = (types) => `${session.url}/test/e2e/pages/every-part.html?types=${types}`;
const violations = (page) => page.evaluate(() => window.violations);
const ran = (page) => page.evaluate(() => [...window.ran].sort());
const EVERY_SCRIPT = ['embed-external', 'embed-inline', 'external', 'inline', 'provider'];

describe('under require-trusted-types-for', () => {
  it("works with no violation in every state: first layer, settings, accept all, embed loaded, withdrawal (and style-src 'self')", async () => {
    const { page, requests, errors } = await openPage(session.browser);
    await page.goto(pageUrl('ours'));
    await waitForDialog(page);
    assert.deepEqual(await violations(page), [], 'first layer');

    await clickAction(page, 'settings');
    // The settings layer is a file of its own: it shows once that has loaded. (Mutations in a
    // shadow root never reach waitForSelector's observer, so poll.)
    await page.waitForFunction(() => document.querySelector('consent-banner').shadowRoot.querySelector('input[type="checkbox"]'), { polling: 50 });
    assert.deepEqual(await violations(page), [], 'settings layer');

    await clickAction(page, 'accept');
    // Every gated script ran, the embed's template and provider scripts too, and matomo.js replaced its queue.
    await page.waitForFunction((count) => window.ran.length === count && !Array.isArray(window._paq), { polling: 50 }, EVERY_SCRIPT.length);
    assert.deepEqual(await ran(page), EVERY_SCRIPT);
    assert.ok(requests.some((url) => url.endsWith('/demo/stand-in/matomo/matomo.js')), 'the Matomo adapter loaded its script');
    assert.ok(await page.$eval('consent-embed', (embed) => embed.textContent.includes('The embedded post')));
    assert.deepEqual(await violations(page), [], 'accept all, embed loaded');

    assert.deepEqual(await ran(page), EVERY_SCRIPT, 'nothing ran twice');

    // Withdrawal from the settings: everything off. The gated scripts ran, so the page
    // reloads once; there nothing gated runs, and the embed shows its placeholder.
    await page.click('a[data-consent-open]');
    await waitForDialog(page);
    for (const category of ['statistics', 'media']) await page.click(`consent-banner >>> input[aria-labelledby="category-${category}"]`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), clickAction(page, 'save')]);
    await page.waitForFunction(() => document.querySelector('consent-embed')?.shadowRoot?.querySelector('button[part~="load"]'), { polling: 50 });
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual(await violations(page), [], 'withdrawal, reloaded');
    assert.deepEqual(await ran(page), [], 'nothing gated runs after the reload');
    assert.deepEqual(errors, []);
  });

  it("a page that allows no policy (trusted-types 'none'): a csp error says so, nothing gated loads, the page stays usable", async () => {
    const { page, requests, cookies } = await openPage(session.browser);
    await page.goto(pageUrl('none'), { waitUntil: 'load' });
    await page.waitForFunction(() => window.consentErrors.length > 0, { polling: 50 });
    const [error] = await page.evaluate(() => window.consentErrors);
    assert.equal(error.kind, 'csp');
    assert.equal(error.path, 'trusted-types');
    assert.match(error.message, /"consent-banner".*nothing gated loads/);
    assert.equal(await page.evaluate(() => customElements.get('consent-banner')), undefined, 'nothing started');
    await page.click('#page-button');
    assert.equal(await page.evaluate(() => window.pageClicks), 1);
    assert.deepEqual(await ran(page), []);
    assert.deepEqual(requests.filter((url) => /matomo|gated\.js/.test(url)), []);
    assert.deepEqual((await cookies()).map((cookie) => cookie.name), []);
  });

  it('a page that allows consent-banner but not lit-html: the dialog reports why it cannot load, nothing gated loads', async () => {
    const { page, requests } = await openPage(session.browser);
    await page.goto(pageUrl('no-lit'), { waitUntil: 'load' });
    await page.waitForFunction(() => window.consentErrors.filter((error) => error.path.includes('dialog')).length === 2, { polling: 50 });
    const errors = await page.evaluate(() => window.consentErrors.filter((error) => error.path.includes('dialog')));
    assert.deepEqual(errors.map((error) => error.kind), ['load', 'load']);
    assert.match(errors[0].message, /lit-html.*trying once more$/);
    assert.match(errors[1].message, /not loaded$/);
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual(await ran(page), []);
    assert.deepEqual(requests.filter((url) => /matomo\.js|gated\.js/.test(url)), []);
  });
});

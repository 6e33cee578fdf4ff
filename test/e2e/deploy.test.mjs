// End-to-end: the ways a CMS theme hands the drop-in its config, in a real Chromium with
// the built bundle: a classic script that sets the property before the element is
// defined, a property that arrives late in the page load, and an inline config on a
// return visit, where the analytics adapter has to start too.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, openPage, startBrowser, waitForDialog } from './browser.mjs';

let session;
before(async () => (session = await startBrowser()));
afterEach(closePages);
after(() => session.close());

const pageUrl = (name) => `${session.url}/test/e2e/pages/${name}.html`;
const consentErrors = (page) => page.evaluate(() => window.consentErrors);
const revision = (page) => page.evaluate(() => document.querySelector('consent-banner').config?.revision ?? null);

describe('config handed over by the theme', () => {
  it('a classic script sets `config` before the drop-in defined the element: it is taken on upgrade', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(pageUrl('config-before-define'), { waitUntil: 'load' });
    await waitForDialog(page);
    assert.equal(await page.evaluate(() => window.definedWhenSet), false, 'the script ran before the element was defined');
    assert.equal(await revision(page), 3);
    assert.deepEqual(await consentErrors(page), []);
    assert.deepEqual(errors, []);
  });

  it('a config set in a load handler, after the element was defined, raises no "has no config" error', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(pageUrl('config-on-load'), { waitUntil: 'load' });
    await waitForDialog(page);
    assert.equal(await page.evaluate(() => window.definedBeforeLoad), true, 'the element was defined before the config arrived');
    assert.equal(await revision(page), 4);
    assert.deepEqual(await consentErrors(page), []);
    assert.deepEqual(errors, []);
  });

  it('an inline config on a return visit starts the adapter: Matomo gets consent from the stored record', async () => {
    const { page, cookies } = await openPage(session.browser);
    await page.goto(pageUrl('inline-adapter'));
    await waitForDialog(page);
    assert.equal(await page.evaluate(() => window.matomoStandIn), undefined, 'no Matomo before consent');
    await clickAction(page, 'accept');
    await page.waitForFunction(() => window.matomoStandIn?.calls.includes('setConsentGiven'));

    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => window.matomoStandIn?.calls.includes('setConsentGiven'));
    assert.deepEqual(await page.evaluate(() => window.matomoStandIn.calls), [
      'requireConsent',
      'setTrackerUrl',
      'setSiteId',
      'trackPageView',
      'enableLinkTracking',
      'setConsentGiven',
    ]);
    assert.ok((await cookies()).some((cookie) => cookie.name === '_pk_id.7.1a2b'), 'Matomo measured with its cookie');
  });
});

describe('a config that does not come', () => {
  it('a src that never answers times out after 10 s with a config error; nothing gated loads and the page stays usable', async () => {
    const { page } = await openPage(session.browser);
    // Like openPage's own handler, but the config request is held: neither answered nor failed.
    const requests = [];
    page.removeAllListeners('request');
    page.on('request', (request) => {
      requests.push(request.url());
      if (!request.url().endsWith('/never-answers.json')) request.continue();
    });
    await page.goto(pageUrl('config-src-hangs'), { waitUntil: 'load' });
    await page.waitForFunction(() => window.consentErrors.length > 0, { polling: 100, timeout: 20_000 });
    assert.deepEqual(await consentErrors(page), [{ kind: 'config', path: 'src "/test/e2e/pages/never-answers.json"', message: 'could not load the config (signal timed out)' }]);
    assert.deepEqual(await page.evaluate(() => window.ran), [], 'nothing gated ran');
    assert.ok(!requests.some((url) => url.includes('gated.js')), 'nothing gated was requested');
    await page.click('button');
    assert.equal(await page.evaluate(() => window.clicked), true, 'the page takes clicks');
  });
});


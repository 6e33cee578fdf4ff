// End-to-end: the second demo, a research centre's press site (issue 10's seed), as its
// readers meet it. econda measures anonymously before any choice and after a refusal
// (justified, session cookie only), in full after consent: one emos3.js and one page view
// per page on every path; nothing leaves this machine before consent.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, dialogOpen, openPage, otherHosts, startBrowser, waitForDialog } from './browser.mjs';

let session;
before(async () => (session = await startBrowser()));
afterEach(closePages);
after(() => session.close());

const german = () => `${session.url}/demo/research-centre/`;
const english = () => `${session.url}/demo/research-centre/en.html`;
/** axe-core, as @open-wc/testing uses it in the browser tests. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Opens a page of the demo and waits until its econda stand-in has sent the page view. */
async function visit(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.econdaDemo?.sent >= 1, { polling: 50 });
}

/** What econda did on this page: script loads, sends, whether emos3 measures anonymously. */
const econda = (page) =>
  page.evaluate(() => ({
    scripts: document.querySelectorAll('script[src$="/econda/emos3.js"]').length,
    loads: window.econdaDemo.loads,
    sent: window.econdaDemo.sent,
    anonymous: window.emos3.defaults.anonymous === true,
  }));
const cookieNames = async (cookies) => (await cookies()).map((cookie) => cookie.name).sort();
const accessibility = async (page) => {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] })).violations.map((violation) => violation.id));
};

describe('the research centre demo', () => {
  it('first visit: a German dialog naming purposes, providers and the USA; econda anonymised, nothing beyond localhost', async () => {
    const { page, requests, cookies, errors } = await openPage(session.browser);
    await visit(page, german());
    await waitForDialog(page);
    const body = await page.$eval('consent-banner', (banner) => banner.shadowRoot.querySelector('.body').textContent.replace(/\s+/g, ' '));
    assert.match(body, /Statistik: Zählt ohne Einwilligung nur anonym.*\(econda GmbH\)/);
    assert.match(body, /Externe Medien: .*\(Google Ireland Ltd\., X Corp\.\)/);
    assert.match(body, /außerhalb der EU übermitteln: YouTube \(USA\), X \(Twitter\) \(USA\)\./);
    assert.deepEqual(await econda(page), { scripts: 1, loads: 1, sent: 1, anonymous: true });
    assert.deepEqual(await cookieNames(cookies), ['PHPSESSID', 'emos_jcsid']);
    assert.deepEqual(otherHosts(requests, german()), []);
    assert.deepEqual(await accessibility(page), []);
    // The settings show why econda measures without consent.
    await clickAction(page, 'settings');
    await page.waitForFunction(() => document.querySelector('consent-banner').shadowRoot.querySelector('[data-action="save"]'), { polling: 50 });
    // Its services behind the category's disclosure: opened by a click.
    await page.$eval('consent-banner', (banner) => banner.shadowRoot.querySelector('#services-statistics').click());
    await page.waitForFunction(() => document.querySelector('consent-banner').shadowRoot.querySelector('#services-statistics').closest('details').querySelector('.services'), { polling: 50 });
    assert.match(await page.$eval('consent-banner', (banner) => banner.shadowRoot.querySelector('.body').textContent), /Warum ohne Einwilligung\s*Die anonyme Messung nutzt nur ein Sitzungs-Cookie/);
    assert.deepEqual(await accessibility(page), []);
    assert.deepEqual(errors, []);
  });

  it('"Alle akzeptieren" switches the same emos3 to full measurement; the next page measures in full from the start', async () => {
    const { page, cookies } = await openPage(session.browser);
    await visit(page, german());
    await waitForDialog(page);
    await clickAction(page, 'accept');
    await page.waitForFunction(() => document.querySelector('#econda-report').textContent.includes('mode now full'), { polling: 50 });
    assert.deepEqual(await econda(page), { scripts: 1, loads: 1, sent: 1, anonymous: false }, 'no second load, no second page view');
    await page.waitForFunction(() => document.querySelector('consent-embed[service="youtube"] iframe'), { polling: 50 });

    await visit(page, english());
    assert.deepEqual(await econda(page), { scripts: 1, loads: 1, sent: 1, anonymous: false });
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual(await cookieNames(cookies), ['PHPSESSID', 'consent-rc', 'emos_jcsid', 'emos_jcvid']);
  });

  it('withdrawing statistics returns econda to the anonymised mode and deletes only the visitor id, without a reload', async () => {
    const { page, cookies } = await openPage(session.browser);
    await visit(page, english());
    await waitForDialog(page);
    await clickAction(page, 'accept');
    await visit(page, english());
    assert.ok((await cookieNames(cookies)).includes('emos_jcvid'));
    await page.evaluate(() => (window.mark = 'same page'));

    await page.click('footer a[data-consent-open]');
    await waitForDialog(page);
    // econda's adapter stops econda itself: no note that the page would reload.
    assert.doesNotMatch(await page.$eval('consent-banner', (banner) => banner.shadowRoot.querySelector('.body').textContent), /reloads this page/);
    await (await page.$('consent-banner >>> input[aria-labelledby="category-statistics"]')).click();
    await clickAction(page, 'save');
    await page.waitForFunction(() => document.querySelector('#econda-report').textContent.includes('mode now anonymised'), { polling: 50 });
    assert.equal(await page.evaluate(() => window.mark), 'same page');
    assert.deepEqual(await econda(page), { scripts: 1, loads: 1, sent: 1, anonymous: true });
    assert.deepEqual(await cookieNames(cookies), ['PHPSESSID', 'consent-rc', 'emos_jcsid']);
  });

  it('after "Reject all" the anonymised measurement goes on (the privacy officer holds it necessary), without a visitor id', async () => {
    const { page, requests, cookies } = await openPage(session.browser);
    await visit(page, german());
    await waitForDialog(page);
    await clickAction(page, 'reject');
    await visit(page, english());
    assert.deepEqual(await econda(page), { scripts: 1, loads: 1, sent: 1, anonymous: true });
    assert.deepEqual(await cookieNames(cookies), ['PHPSESSID', 'consent-rc', 'emos_jcsid']);
    assert.equal(await page.$('consent-embed[service="youtube"] iframe'), null);
    assert.deepEqual(otherHosts(requests, german()), []);
  });

  it('is linked from the first demo, and its config passes consent-banner-check --strict', async () => {
    const { page } = await openPage(session.browser);
    await page.goto(`${session.url}/demo/`, { waitUntil: 'load' });
    assert.equal(await page.$eval('a[href="/demo/research-centre/"]', (link) => link.textContent), 'Second demo: a research centre with econda');
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['bin/consent-banner-check.mjs', '--strict', 'demo/research-centre/consent.json'], { encoding: 'utf8' });
    assert.equal(out, 'demo/research-centre/consent.json: valid, stamped\n');
  });
});

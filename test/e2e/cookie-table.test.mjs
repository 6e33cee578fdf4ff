// End-to-end: the demo's privacy page declares its cookies with <consent-cookie-table>, from
// the banner's own config; pages without a table never download the table's code.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { closePages, openPage, otherHosts, startBrowser } from './browser.mjs';

let session;
before(async () => (session = await startBrowser()));
afterEach(closePages);
after(() => session.close());

const TABLE_CHUNK = /\/dist\/chunks\/consent-cookie-table-[\w-]+\.js$/;

/** Opens a page that resolves `window.tableRendered` on the table's first render. */
async function openRecording() {
  const opened = await openPage(session.browser);
  await opened.page.evaluateOnNewDocument(() => {
    window.tableRendered = new Promise((resolve) => document.addEventListener('consent-cookie-table-render', (event) => resolve(event.detail), { once: true }));
  });
  return opened;
}

describe('<consent-cookie-table> in the demo', () => {
  it('declares every service and cookie of the demo config on the privacy page, with its code loaded there only', async () => {
    const { page, requests, errors } = await openRecording();
    const url = `${session.url}/demo/privacy.html`;
    await page.goto(url);
    assert.deepEqual(await page.evaluate(() => window.tableRendered), { language: 'en' });
    const table = await page.evaluate(() => {
      const root = document.querySelector('consent-cookie-table').shadowRoot;
      const texts = (selector) => [...root.querySelectorAll(selector)].map((element) => element.textContent.trim());
      const withoutPart = (element, selector) => {
        const copy = element.cloneNode(true);
        copy.querySelector(selector)?.remove();
        return copy.textContent.trim();
      };
      return {
        captions: [...root.querySelectorAll('caption')].map((caption) => withoutPart(caption, '.description')),
        descriptions: texts('caption .description'),
        // The names, without the providers under them.
        services: [...root.querySelectorAll('tbody th')].map((cell) => withoutPart(cell, '.provider')),
        cookies: texts('code'),
        links: [...root.querySelectorAll('a')].map((link) => link.getAttribute('href')),
      };
    });
    assert.deepEqual(table.captions, ['Necessary', 'Statistics', 'External media']);
    assert.deepEqual(table.descriptions, [
      'Needed for the site to work, such as keeping your session and remembering this choice.',
      'Counts page views without storing your IP address, so we learn which research news is read.',
      'Maps, videos and posts from other providers. They receive your IP address when they load.',
    ]);
    assert.deepEqual(
      table.services,
      ['Institute CMS', 'Matomo (local stand-in)', 'Reach measurement (local stand-in)', 'OpenStreetMap', 'YouTube', 'X (Twitter)'],
    );
    assert.deepEqual(table.cookies, ['PHPSESSID', 'consent', '_pk_id.*', '_pk_ses.*', '_stat', 'VISITOR_INFO1_LIVE', 'YSC']);
    assert.deepEqual(table.links, ['/demo/privacy.html#statistics', '/demo/privacy.html#statistics', 'https://osmfoundation.org/wiki/Privacy_Policy', 'https://policies.google.com/privacy', 'https://x.com/privacy']);
    assert.equal(requests.filter((request) => TABLE_CHUNK.test(request)).length, 1);
    assert.deepEqual(otherHosts(requests, url), []);
    assert.deepEqual(errors, []);
  });

  it('is not downloaded on the demo article, which has no table', async () => {
    const { page, requests } = await openRecording();
    const url = `${session.url}/demo/`;
    await page.goto(url, { waitUntil: 'networkidle0' });
    // The article's embeds are the proof that lazily defined elements did load here.
    assert.ok(requests.some((request) => /\/dist\/chunks\/consent-embed-[\w-]+\.js$/.test(request)));
    assert.deepEqual(requests.filter((request) => TABLE_CHUNK.test(request)), []);
    assert.deepEqual(otherHosts(requests, url), []);
  });
});

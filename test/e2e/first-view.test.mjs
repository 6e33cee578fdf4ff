// No request waterfall on a first visit: when no decision can be stored yet, the dialog's
// code is asked for while the config is still on its way. A returning visitor downloads
// no dialog code at all. The server holds the config back until the test releases it, so
// the order is certain, not a race.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, openPage, startBrowser, waitForDialog } from './browser.mjs';

const CONFIG = '/demo/consent.json';
/** Config requests held back: each resolves by answering its request. */
const held = [];
/** Called when the server holds a config request. */
let onHeld = () => {};
/** While set, requests for the entry are held too, each answered by its function here. */
let heldEntries = null;
const ENTRY = '/dist/consent-banner.js';

let session;
before(
  async () =>
    (session = await startBrowser({
      handle(request, response, pathname) {
        if (pathname === ENTRY && heldEntries) {
          heldEntries.push(() => response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(new URL(`../..${ENTRY}`, import.meta.url))));
          return true;
        }
        if (pathname !== CONFIG) return false;
        held.push(() => response.writeHead(200, { 'Content-Type': 'application/json' }).end(readFileSync(new URL(`../..${CONFIG}`, import.meta.url))));
        onHeld();
        return true;
      },
    })),
);
afterEach(closePages);
after(() => session.close());

/** Resolves once the server holds a config request (the browser reports a request before the server has it). */
const configHeld = () => new Promise((resolve) => (held.length ? resolve() : (onHeld = resolve)));
/** Answers every config request held so far. */
const release = () => held.splice(0).forEach((answer) => answer());
const dialogChunk = (url) => /\/dist\/chunks\/dialog-[\w-]+\.js$/.test(url);

describe('the first view', () => {
  it('asks for the dialog and Lit while the config is held back; the dialog shows once the config arrives', async () => {
    const { page, requests } = await openPage(session.browser);
    const dialog = page.waitForRequest((request) => dialogChunk(request.url()));
    const lit = page.waitForRequest((request) => /\/dist\/chunks\/lit-shared-ui-[\w-]+\.js$/.test(request.url()));
    await page.goto(`${session.url}/demo/`, { waitUntil: 'domcontentloaded' });
    await configHeld();
    // Both files are requested while the config is not answered yet.
    await Promise.all([dialog, lit]);
    assert.equal(held.length, 1, 'the config is still held');
    release();
    await waitForDialog(page);
    assert.equal(requests.filter(dialogChunk).length, 1, 'the dialog was asked for once');
  });

  it('a page that preloads its config (as the demo does) asks for it beside the entry, and only once', { timeout: 20_000 }, async () => {
    const { page, requests } = await openPage(session.browser);
    heldEntries = [];
    try {
      // (Not awaited: DOMContentLoaded waits for the module script, which is held.)
      const loaded = page.goto(`${session.url}/demo/`, { waitUntil: 'domcontentloaded' });
      await configHeld();
      assert.equal(heldEntries.length, 1, 'the entry is requested and still held while the config is asked for');
      heldEntries.splice(0).forEach((answer) => answer());
      release();
      await loaded;
      await waitForDialog(page);
      assert.equal(requests.filter((url) => new URL(url).pathname === CONFIG).length, 1, "the banner's own request took the preloaded answer");
    } finally {
      heldEntries?.splice(0).forEach((answer) => answer());
      heldEntries = null;
    }
  });

  it('a returning visitor with a stored decision downloads no dialog code, no validator and no warning words', async () => {
    const { page, requests } = await openPage(session.browser);
    await page.goto(`${session.url}/demo/`, { waitUntil: 'domcontentloaded' });
    await configHeld();
    release();
    await waitForDialog(page);
    await clickAction(page, 'reject');

    const before = requests.length;
    await page.goto(`${session.url}/demo/`, { waitUntil: 'domcontentloaded' });
    await configHeld();
    release();
    await page.evaluate(() => customElements.whenDefined('consent-banner').then(() => document.querySelector('consent-banner').configApplied));
    // The warning's words would be asked for while the config is applied: a request made after that reaches this
    // test after theirs would have (the browser reports requests in the order it makes them).
    const sentinel = page.waitForRequest((request) => request.url().endsWith('/test/fixtures/pixel.svg?after-config'));
    await page.evaluate(() => fetch('/test/fixtures/pixel.svg?after-config'));
    await sentinel;
    // (The demo's embeds and Matomo adapter load their own files, as they should. Its config is stamped and has no
    // required service that waits for consent.)
    assert.deepEqual(requests.slice(before).filter((url) => /\/dist\/chunks\/(dialog|settings|validate|necessary-doubts)-/.test(url)), []);
  });
});

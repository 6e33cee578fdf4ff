// Clickjacking: another site frames the article, invisibly, over a decoy button. In a frame
// of another origin, no click may decide: the dialog and the placeholder offer to open the
// page in a new window instead, and nothing gated loads. A frame of the same origin (a CMS
// preview) works as usual.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, openPage, startBrowser, waitForDialog } from './browser.mjs';

let session;
before(async () => (session = await startBrowser()));
afterEach(closePages);
after(() => session.close());

const ARTICLE = '/test/e2e/pages/every-part.html';
/** The framing page on `origin`, framing the article from the session's own origin (localhost). */
const framingUrl = (origin) => `${origin}/test/e2e/pages/framing.html?frame=${encodeURIComponent(session.url + ARTICLE)}`;
/** axe-core, as @open-wc/testing uses it in the browser tests. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const article = (page) => page.frames().find((frame) => frame.url().endsWith(ARTICLE));

describe('a page framed by another site', () => {
  it('takes no decision from a click: the dialog and the placeholder say so and link to the page; nothing gated loads', async () => {
    // 127.0.0.1 is another origin (and site) than the article's localhost.
    const otherOrigin = session.url.replace('localhost', '127.0.0.1');
    const { page, requests, cookies } = await openPage(session.browser);
    await page.goto(framingUrl(otherOrigin), { waitUntil: 'load' });
    await page.waitForFunction((path) => [...document.querySelectorAll('iframe')].some((frame) => frame.src.endsWith(path)), {}, ARTICLE);
    const frame = article(page);
    await waitForDialog(frame);

    // No decision buttons in the dialog, no Load / Always allow on the placeholder: a link instead.
    assert.deepEqual(await frame.$$eval('consent-banner >>> button[data-action]', (buttons) => buttons.length), 0);
    const dialogLink = await frame.$eval('consent-banner >>> [part="buttons"] a', (link) => ({ href: link.href, target: link.target, text: link.textContent }));
    assert.deepEqual(dialogLink, { href: session.url + ARTICLE, target: '_blank', text: 'Another website frames this page, so no choice is taken here. Open it in a new window to choose.' });
    await frame.waitForSelector('consent-embed >>> [part="notice"] a[target="_blank"]');
    assert.deepEqual(await frame.$$eval('consent-embed >>> button', (buttons) => buttons.length), 0);
    // This state is accessible too (axe, with the WCAG 2.x A and AA rules).
    await frame.addScriptTag({ content: AXE });
    const violations = await frame.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] })).violations.map((violation) => violation.id));
    assert.deepEqual(violations, []);

    // The attack: the visitor clicks the decoy, where the frame's dialog is. The click reaches
    // the framed dialog (here its link, which opens the article on its own) and decides nothing.
    const box = await (await frame.$('consent-banner >>> [part="buttons"] a')).boundingBox();
    const popup = new Promise((resolve) => page.once('popup', resolve));
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const opened = await popup;
    const heading = await (await frame.$('consent-banner >>> h2')).boundingBox();
    await page.mouse.click(heading.x + heading.width / 2, heading.y + heading.height / 2);

    assert.deepEqual(await frame.evaluate(() => window.ran), []);
    assert.deepEqual(requests.filter((url) => /matomo\.js|gated\.js/.test(url)), []);
    assert.deepEqual((await cookies()).filter((cookie) => cookie.name === 'consent'), []);
    assert.equal(await frame.evaluate(() => window.consentErrors.length), 0);

    // In its own window, the article asks as usual.
    await opened.bringToFront();
    await waitForDialog(opened);
    assert.equal(opened.url(), session.url + ARTICLE);
    assert.ok(await opened.$('consent-banner >>> button[data-action="accept"]'));
    await opened.close();
  });

  it('a frame of the same origin (a CMS preview) asks and decides as usual', async () => {
    const { page } = await openPage(session.browser);
    await page.goto(framingUrl(session.url), { waitUntil: 'load' });
    await page.waitForFunction((path) => [...document.querySelectorAll('iframe')].some((frame) => frame.src.endsWith(path)), {}, ARTICLE);
    const frame = article(page);
    await waitForDialog(frame);
    await frame.waitForSelector('consent-embed >>> button[part~="load"]');
    await clickAction(frame, 'accept');
    await frame.waitForFunction(() => window.ran.length === 5, { polling: 50 });
  });
});

// Scripts in a <consent-embed> template, as the HTML parser creates them (a fixture made
// with innerHTML marks its scripts as already started, so only a real page shows this):
// each runs once, in document order, with the page's nonce, however the embed loads.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, openPage, startBrowser, waitForDialog } from './browser.mjs';

let session;
before(async () => (session = await startBrowser()));
afterEach(closePages);
after(() => session.close());

const ONCE = ['inline:page-nonce', 'nested', 'external', 'last'];

/** Waits until the template's last script ran after the external one: every run there will be is over. */
async function templateRuns(page) {
  await page.waitForFunction(() => window.ran.at(-1) === 'last' && window.ran.includes('external'), { polling: 50 });
  return page.evaluate(() => window.ran);
}

const placeholderButton = (page, part) => page.waitForSelector(`consent-embed >>> button[part~="${part}"]`);

describe('scripts in an embed template run once', () => {
  it('after "Accept all", and on the return visit', async () => {
    const { page } = await openPage(session.browser);
    await page.goto(`${session.url}/test/e2e/pages/embed-template.html`);
    await waitForDialog(page);
    assert.deepEqual(await page.evaluate(() => window.ran), [], 'nothing before consent');
    await clickAction(page, 'accept');
    assert.deepEqual(await templateRuns(page), ONCE);
    await page.reload();
    assert.deepEqual(await templateRuns(page), ONCE);
  });

  for (const [button, part] of [['Load', 'load'], ['Always allow', 'always']]) {
    it(`after "${button}" on the placeholder`, async () => {
      const { page } = await openPage(session.browser);
      await page.goto(`${session.url}/test/e2e/pages/embed-template.html`);
      await waitForDialog(page);
      await clickAction(page, 'reject');
      await (await placeholderButton(page, part)).click();
      assert.deepEqual(await templateRuns(page), ONCE);
    });
  }
});

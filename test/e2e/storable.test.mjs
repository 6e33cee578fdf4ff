// Configs that once could never store a decision (the dialog came back on every page
// view): a revision of a billion, cookie names that are keys of every JavaScript object,
// a hundred services with ids of 40 characters. Over http and as __Host- cookies over
// https: decide, reload, no dialog, the same decision.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, dialogOpen, openPage, startBrowser, startSecureServer, waitForDialog } from './browser.mjs';

let session;
let secure;

before(async () => {
  session = await startBrowser({ args: ['--ignore-certificate-errors'] });
  secure = await startSecureServer(['localhost']);
});
afterEach(closePages);
after(async () => {
  await session.close();
  secure.server.close();
});

const CASES = [
  { revision: 1_000_000_000 },
  { revision: Number.MAX_SAFE_INTEGER },
  { name: 'constructor' },
  { name: '__proto__' },
  { name: 'valueOf' },
  { services: 100 },
];

describe('configs that could never store a decision now do', () => {
  for (const https of [false, true]) {
    for (const parameters of CASES) {
      it(`${https ? 'https' : 'http'}: ${JSON.stringify(parameters)}`, async () => {
        const { page, cookies } = await openPage(session.browser);
        const url = `${https ? secure.url : session.url}/test/e2e/pages/storable.html?${new URLSearchParams(parameters)}`;
        await page.goto(url, { waitUntil: 'load' });
        await waitForDialog(page);
        await clickAction(page, 'accept');
        const decided = await page.evaluate(async () => (await import('/dist/consent-banner.js')).consent.decision);
        await page.reload({ waitUntil: 'load' });
        await page.waitForFunction(() => window.consentReady === true);
        assert.equal(await dialogOpen(page), false, 'no dialog after the reload');
        assert.deepEqual(await page.evaluate(async () => (await import('/dist/consent-banner.js')).consent.decision), decided);
        assert.deepEqual(await page.evaluate(() => window.consentErrors), []);
        const name = `${https ? '__Host-' : ''}${parameters.name ?? 'consent'}`;
        assert.deepEqual((await cookies()).filter((cookie) => cookie.name === name).length, 1, `one ${name} cookie`);
      });
    }
  }
});

// Takes the README's screenshots: the demo's first layer in each layout (dialog, box,
// bar), at 320 px and at 1280 px wide, in Debian's Chromium (or CHROME_PATH). Writes
// docs/screenshots/<layout>-<width>.png. Run with `npm run screenshots` (it builds first).
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startServer } from './serve.mjs';
import { chromeArgs } from '../web-test-runner.config.mjs';

const folder = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(folder, { recursive: true });
const { server, url } = await startServer({ port: 0, log: false });
const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: chromeArgs });
try {
  for (const layout of ['dialog', 'box', 'bar']) {
    for (const [width, height] of [[320, 640], [1280, 800]]) {
      // A fresh context each time: no stored decision, so the first layer shows.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      await page.goto(`${url}/demo/?layout=${layout}`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('consent-banner')?.shadowRoot?.querySelector('dialog[open] [data-action="accept"]'), { polling: 50 });
      // The heading has focus on opening; the picture shows the dialog as it first appears.
      const file = new URL(`${layout}-${width}.png`, folder);
      await page.screenshot({ path: file.pathname });
      console.log(`wrote docs/screenshots/${layout}-${width}.png`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}

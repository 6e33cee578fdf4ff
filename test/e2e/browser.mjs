// Shared set-up of the end-to-end tests: Debian's Chromium through puppeteer-core, the
// project's own static server, and a page that records every request it makes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import { chromeArgs } from '../../web-test-runner.config.mjs';

/**
 * The project's server (http, or https with `tls`; `handle` and `log` as startServer takes
 * them) and a Chromium; `args` are Chromium flags beyond the usual ones.
 */
export async function startBrowser({ tls, args = [], handle, log } = {}) {
  const { server, url } = await startServer({ port: 0, tls, handle, log });
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: [...chromeArgs, ...args] });
  return {
    url,
    server,
    browser,
    async close() {
      await browser.close();
      // Answers a test held back must not keep the server open.
      server.closeAllConnections();
      server.close();
    },
  };
}

/**
 * The project's server over https, on a self-signed certificate for `names` made for
 * this run (Chromium needs --ignore-certificate-errors to accept it). Resolves with
 * `{ server, url }`.
 */
export function startSecureServer(names) {
  const folder = mkdtempSync(join(tmpdir(), 'consent-tls-'));
  const [key, cert] = [join(folder, 'key.pem'), join(folder, 'cert.pem')];
  const subject = ['-subj', `/CN=${names[0]}`, '-addext', `subjectAltName=${names.map((name) => `DNS:${name}`).join(',')}`];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', ...subject], { stdio: 'ignore' });
  return startServer({ port: 0, tls: { key: readFileSync(key), cert: readFileSync(cert) } });
}

/** Browser contexts opened by the current test; `closePages` (an afterEach hook) closes them, pass or fail. */
const openContexts = new Set();

export async function closePages() {
  // Pages first, then their context: a context that drops its cookies while a page is still open tells the
  // page of the change, and whatever that page does then (a reload of intercepted requests) must not be
  // what the closing waits for.
  for (const context of openContexts) {
    for (const page of await context.pages()) await page.close();
    await context.close();
  }
  openContexts.clear();
}

/** This machine: localhost, and the `.test` host names that tests map to it (`--host-resolver-rules`). */
const isLocal = (url) => /^(data|blob|about):/.test(url) || ['localhost', '127.0.0.1'].includes(new URL(url).hostname) || new URL(url).hostname.endsWith('.test');

/**
 * A page in a fresh profile (own cookies) that records every request; closed by `closePages`. Requests to
 * anywhere but this machine are recorded and then aborted, so the tests stay offline.
 */
export async function openPage(browser) {
  const context = await browser.createBrowserContext();
  openContexts.add(context);
  return openTab(context);
}

/** Another tab of the same profile (cookies, BroadcastChannel), recording like `openPage`. */
export async function openTab(context) {
  const page = await context.newPage();
  // A page opened after another context closed can stay a background tab, where
  // animation-frame polling (waitForSelector) stalls.
  await page.bringToFront();
  const requests = [];
  const errors = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    requests.push(request.url());
    if (isLocal(request.url())) request.continue();
    else request.abort('blockedbyclient');
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  const cookies = async () => (await page.browserContext().cookies()).map(({ name, value, domain, path }) => ({ name, value, domain, path }));
  return { page, context, requests, errors, cookies };
}

/** The host of every recorded request that did not go to the page's own host. */
export function otherHosts(requests, pageUrl) {
  const own = new URL(pageUrl).host;
  return requests.filter((url) => /^https?:/.test(url) && new URL(url).host !== own);
}

/** Whether the banner's dialog is open, read from the DOM (through the banner's shadow root). */
const isDialogOpen = () => Boolean(document.querySelector('consent-banner')?.shadowRoot?.querySelector('dialog[open]'));

export const dialogOpen = (page) => page.evaluate(isDialogOpen);
export async function waitForDialog(page) {
  try {
    await page.waitForFunction(isDialogOpen, { polling: 50, timeout: 5000 });
  } catch (error) {
    const state = await page.evaluate(() => ({
      url: location.href,
      visibility: document.visibilityState,
      defined: Boolean(customElements.get('consent-banner')),
      dialogHtml: document.querySelector('consent-banner')?.shadowRoot?.innerHTML ?? 'no shadow root',
    }));
    throw new Error(`the dialog did not open: ${JSON.stringify(state)}`, { cause: error });
  }
}
export const clickAction = async (page, action) => (await page.waitForSelector(`consent-banner >>> button[data-action="${action}"]`)).click();

/**
 * Resolves once every `<consent-embed>` of the page shows either its content or its
 * finished placeholder: until then a placeholder still arriving (its code and texts load
 * side by side) can move what follows it, and a click aimed at that may miss.
 */
export const embedsSettled = (page) =>
  page.waitForFunction(
    () =>
      [...document.querySelectorAll('consent-embed')].every((embed) => {
        const placeholder = embed.shadowRoot?.querySelector('[part="placeholder"]');
        return placeholder && (placeholder.hidden || placeholder.querySelector('[part~="notice"]'));
      }),
    { polling: 50 },
  );

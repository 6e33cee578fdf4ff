// The config a run judges against: a file (--config) or the one the first page's
// <consent-banner> uses (its `src`, or its inline JSON), validated with the full schema of
// consent-banner-check, so a broken config is reported with its JSON path.
import { readFile } from 'node:fs/promises';
import { fullConfigSchema } from '../dist/lib/adapters/schema.js';
import { ConfigError, parseConfig } from '../dist/lib/core/validate.js';
import { configHash } from '../dist/lib/core/config-hash.js';

/** A config that cannot be used, with every problem (path and message) when it is invalid. */
export class ScanConfigError extends Error {
  name = 'ScanConfigError';
  /** @param {string} message @param {{ path: string, message: string }[]} [problems] */
  constructor(message, problems = []) {
    super(message);
    this.problems = problems;
  }
}

/**
 * @typedef {object} LoadedConfig
 * @property {import('../dist/lib/core/config-schema.js').ConsentConfig} config validated
 * @property {string} source file name or URL ("inline on <page>" for inline JSON)
 * @property {string} hash the config hash receipts carry (of the raw JSON)
 */

/**
 * Validates a config's text.
 * @param {string} text
 * @param {string} source
 * @returns {LoadedConfig}
 */
export function validateConfig(text, source) {
  let config;
  try {
    config = parseConfig(text, fullConfigSchema());
  } catch (error) {
    if (error instanceof ConfigError) throw new ScanConfigError(`the config ${source} is not valid`, error.problems);
    throw error;
  }
  return { config, source, hash: configHash(JSON.parse(text)) };
}

/** @param {string} file */
export async function configFromFile(file) {
  let text;
  try {
    // Without a byte order mark, as a browser's fetch hands the page the text (and as consent-banner-check reads it).
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new ScanConfigError(`cannot read the config ${file}: ${error.message}`);
  }
  return validateConfig(text, file);
}

/**
 * The config of a page's <consent-banner>, read in a fresh browser context of its own.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} pageUrl
 * @param {number} timeout
 */
export async function configFromPage(browser, pageUrl, timeout) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    let response;
    try {
      response = await page.goto(pageUrl, { waitUntil: 'domcontentloaded', timeout });
    } catch (error) {
      throw new ScanConfigError(`cannot load ${pageUrl} to read its config: ${error.message}`);
    }
    if (response && !response.ok()) throw new ScanConfigError(`cannot read the config of ${pageUrl}: the page answers HTTP ${response.status()}; give the config with --config FILE`);
    const found = await page.evaluate(async () => {
      const banner = document.querySelector('consent-banner');
      if (!banner) return { problem: 'has no <consent-banner>' };
      const src = banner.getAttribute('src');
      if (src) {
        const url = new URL(src, document.baseURI).href;
        try {
          const response = await fetch(url, { credentials: 'same-origin' });
          if (!response.ok) return { problem: `has a <consent-banner> whose config ${url} answers HTTP ${response.status}` };
          return { text: await response.text(), source: url };
        } catch (error) {
          return { problem: `has a <consent-banner> whose config ${url} cannot be fetched (${error.message})` };
        }
      }
      const inline = banner.querySelector(':scope > script[type="application/json"]');
      if (inline) return { text: inline.textContent, source: `inline in ${location.href}` };
      return { problem: 'has a <consent-banner> without "src" or inline JSON' };
    });
    if (found.problem) throw new ScanConfigError(`${pageUrl} ${found.problem}; give the config with --config FILE`);
    return validateConfig(found.text, found.source);
  } finally {
    await context.close();
  }
}

/** The hash of a config's JSON text, as receipts carry it; null when the text is no JSON. */
function hashOfText(text) {
  try {
    return configHash(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * Tells the config a page's banner uses by its content: returns a function that gives the
 * hash of a banner's config (as `LoadedConfig.hash`), or null when it cannot be read (the
 * banner then fails on its own, which the visit reports). A `src` is fetched with Node, once
 * per URL in a run; inline JSON is hashed as it is.
 * @returns {(banner: import('./visit.mjs').BannerConfig) => Promise<string | null>}
 */
export function bannerConfigHashes() {
  /** @type {Map<string, Promise<string | null>>} */
  const bySrc = new Map();
  return async (banner) => {
    if (!('src' in banner)) return banner.inline === null ? null : hashOfText(banner.inline);
    let hash = bySrc.get(banner.src);
    if (!hash) {
      hash = fetch(banner.src).then(
        async (response) => (response.ok ? hashOfText(await response.text()) : null),
        () => null,
      );
      bySrc.set(banner.src, hash);
    }
    return hash;
  };
}

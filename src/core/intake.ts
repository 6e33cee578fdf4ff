/**
 * Config intake: everything between "the site gave a config" and "the store has it".
 * A config comes as an object or JSON text (the banner's `config` property), as inline
 * JSON (a `<script type="application/json">` child) or from a URL (the `src` attribute).
 * It is fetched, parsed and validated here; a config that cannot be used leaves the
 * store unconfigured (nothing optional is granted) and each problem is reported. A config
 * with its current stamp (config-stamp.ts) is used without loading the validator.
 */
import { loadChunk } from './chunks.js';
import type { ConsentConfig } from './config-schema.js';
import { isStamped } from './config-stamp.js';
import { reportError } from './errors.js';
import type { ConsentStore } from './store.js';
import type { ConfigProblem } from './validate.js';

export type ConfigSource = { value: unknown } | { text: string } | { src: string };

/** The source that an element's markup names: inline JSON first, else its `src` attribute. */
export function markupSource(host: Element): ConfigSource | null {
  const inline = host.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
  if (inline) return { text: inline.textContent ?? '' };
  const src = host.getAttribute('src');
  return src ? { src } : null;
}

/**
 * Resolves once the page has loaded and every `load` handler has run: a config property
 * set by a script of the page (deferred, async, or in a `load` handler) has arrived by then.
 */
function pageLoaded(): Promise<void> {
  return new Promise((resolve) => {
    if (document.readyState === 'complete') resolve();
    else addEventListener('load', () => setTimeout(resolve), { once: true });
  });
}

/** How long a config `src` may take to answer before the banner gives up and says so. */
export const CONFIG_TIMEOUT_MS = 10_000;

export async function fetchText(src: string): Promise<string> {
  // Same-origin credentials, as fetch sends by default: a CMS may serve the config only to its session.
  const response = await fetch(src, { signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/**
 * What a config (JSON text or parsed) is worth: the config, or its problems. One with its
 * current stamp is the config at once; any other waits for the validator's code, and
 * rejects if that does not load (reported by loadChunk): an unchecked config is not used.
 * The banner's intake and `<consent-cookie-table>` judge their configs with it.
 */
export function judgeConfig(input: unknown): ConsentConfig | ConfigProblem[] | Promise<ConsentConfig | ConfigProblem[]> {
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch (error) {
      return [{ path: '$', message: `is not valid JSON (${(error as Error).message})` }];
    }
  }
  // (The import picks checkConfig inside the importer, where the build sees it: the file then leaves out what the
  // page never calls, parseConfig and ConfigError.)
  return isStamped(input) ? (input as ConsentConfig) : loadChunk(() => import('./validate.js').then(({ checkConfig }) => checkConfig)).then((check) => check(input));
}

/**
 * Returns the function that hands the config from a source to the store: at once for a
 * stamped object or text, once the validator has judged any other, after the fetch for a URL. A later call supersedes one still waiting, so
 * the newest source wins. `null` (no source yet) reports a missing config only if none
 * arrives while the page loads. Each call resolves once the config of the newest source
 * was applied or rejected: its own, or the one that superseded it.
 */
export function configIntake(store: ConsentStore): (source: ConfigSource | null) => Promise<void> {
  let latest = 0;
  /** A config that cannot be used: nothing is granted, and each problem is reported. */
  const reject = (problems: ConfigProblem[]) => {
    store.configure(null);
    for (const { path, message } of problems) reportError('config', path, message);
  };
  let newest: Promise<void>;
  const apply = async (source: ConfigSource | null, turn: number): Promise<void> => {
    const current = () => turn === latest;
    let input: unknown;
    if (!source) {
      await pageLoaded();
      if (current()) reject([{ path: '<consent-banner>', message: 'has no config (a src attribute, inline JSON or the config property)' }]);
      return;
    }
    if ('src' in source) {
      try {
        input = await fetchText(source.src);
      } catch (error) {
        if (current()) reject([{ path: `src "${source.src}"`, message: `could not load the config (${(error as Error).message})` }]);
        return;
      }
      if (!current()) return;
    } else input = 'value' in source ? source.value : source.text;
    let result = judgeConfig(input);
    if (result instanceof Promise) {
      try {
        result = await result;
      } catch {
        if (current()) reject([]);
        return;
      }
      if (!current()) return;
    }
    if (Array.isArray(result)) reject(result);
    else store.configure(result);
  };
  return async (source) => {
    newest = apply(source, ++latest);
    let awaited;
    do await (awaited = newest);
    while (awaited !== newest);
  };
}

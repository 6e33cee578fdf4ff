// One visit of one page in one phase, in a fresh browser context (own cookies and
// storage), and the record of what the page stored and requested in it:
//   before-decision: load, scroll, hover and focus every placeholder and gated element;
//   after-reject / after-accept: load, click the banner's button, wait for the consent
//   cookie, reload; everything from the click on is recorded.
// The recorder sees every request of every frame (beacons, EventSource and WebSockets of the
// page too), the resource hints of the DOM and of `Link:` headers, every cookie of the
// context at the end of the visit (HttpOnly and other domains' too, through CDP), every
// cookie written during the visit even when it is gone by its end (Set-Cookie headers, and
// scripts' writes to `document.cookie` and `cookieStore`), and the storage names of the page
// and its same-origin frames. While the banner's buttons are clicked, its receipts to the
// config's log endpoint are answered here and never reach the site's consent log.

/** @typedef {'before-decision' | 'after-reject' | 'after-accept'} Phase */
/**
 * @typedef {object} VisitRecord
 * @property {string} page
 * @property {Phase} phase
 * @property {string} [error] why the visit could not be made
 * @property {number} [ms] how long the visit took
 * @property {string[]} [pending] requests still in flight when a wait for network idle ran out of time
 * @property {{ name: string, domain: string, path: string, httpOnly: boolean, deleted?: boolean }[]} cookies the cookies at the end
 *   of the visit, and those written during it but deleted again before its end (`deleted`)
 * @property {{ area: 'localStorage' | 'sessionStorage' | 'indexedDB', key: string, frame: string }[]} storage
 * @property {{ url: string, type: string, frame: string }[]} requests
 * @property {{ url: string, rel: string, source: 'dom' | 'header', frame: string }[]} hints
 * @property {string[]} named service or category ids named by `data-consent` and `consent-embed[service]`
 * @property {string | null} [bannerConfig] the config the page's banner uses: its `src` as a URL, "inline", or null without a banner
 * @property {boolean} [otherConfig] the page's banner uses another config than the run's (compared by content)
 * @property {boolean} [skipped] no decision made: the banner uses another config than the run's (the before-decision visit reports it)
 */
/** @typedef {{ src: string } | { inline: string | null }} BannerConfig where the page's banner takes its config from */

export const PHASES = /** @type {const} */ (['before-decision', 'after-reject', 'after-accept']);
const ACTION = { 'after-reject': 'reject', 'after-accept': 'accept' };
const HINT_RELS = ['preconnect', 'dns-prefetch', 'preload', 'prefetch', 'prerender', 'modulepreload'];

/** `Link: <https://fonts.example>; rel=preconnect, </a.css>; rel="preload"; as=style` -> hints. */
export function linkHeaderHints(header, base) {
  const hints = [];
  for (const match of header.matchAll(/<([^>]*)>([^,<]*)/g)) {
    const rels = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;\s,]+))/i.exec(match[2]);
    const rel = (rels?.[1] ?? rels?.[2] ?? '').toLowerCase().split(/\s+/).find((name) => HINT_RELS.includes(name));
    if (!rel) continue;
    try {
      hints.push({ url: new URL(match[1], base).href, rel });
    } catch {
      // Not a URL: nothing a browser would connect to.
    }
  }
  return hints;
}

/** The path a cookie gets when its write names none: the folder of the URL's path (RFC 6265, 5.1.4). */
function defaultPath(pathname) {
  const end = pathname.lastIndexOf('/');
  return pathname.startsWith('/') && end > 0 ? pathname.slice(0, end) : '/';
}

/** Whether a cookie of path `cookiePath` is sent to (and seen by) a document at `pathname` (RFC 6265, 5.1.4). */
function pathMatches(pathname, cookiePath) {
  return pathname === cookiePath || (pathname.startsWith(cookiePath) && (cookiePath.endsWith('/') || pathname[cookiePath.length] === '/'));
}

/**
 * One cookie write, as a `Set-Cookie` header line or a `document.cookie` assignment, made for
 * `url`: the cookie it stores, or null when it stores none because it deletes one (an empty
 * value, `Max-Age` of 0 or less, or else an `Expires` in the past).
 * @param {string} line
 * @param {string} url the response's URL, or the document's
 * @returns {{ name: string, domain: string, path: string, httpOnly: boolean } | null}
 */
export function cookieWrite(line, url, now = Date.now()) {
  const [pair, ...attributes] = line.split(';');
  const at = pair.indexOf('=');
  const name = at < 0 ? '' : pair.slice(0, at).trim();
  const value = (at < 0 ? pair : pair.slice(at + 1)).trim();
  if (!value) return null;
  let domain;
  let path;
  let httpOnly = false;
  let maxAge;
  let expires;
  for (const attribute of attributes) {
    const equals = attribute.indexOf('=');
    const key = (equals < 0 ? attribute : attribute.slice(0, equals)).trim().toLowerCase();
    const setting = equals < 0 ? '' : attribute.slice(equals + 1).trim();
    if (key === 'domain' && setting) domain = setting.replace(/^\./, '').toLowerCase();
    else if (key === 'path') path = setting.startsWith('/') ? setting : undefined;
    else if (key === 'httponly') httpOnly = true;
    else if (key === 'max-age' && /^-?\d+$/.test(setting)) maxAge = Number(setting);
    else if (key === 'expires' && !Number.isNaN(Date.parse(setting))) expires = Date.parse(setting);
  }
  // Max-Age wins over Expires.
  if (maxAge !== undefined ? maxAge <= 0 : expires !== undefined && expires <= now) return null;
  const parsed = new URL(url);
  return { name, domain: domain ? `.${domain}` : parsed.hostname, path: path ?? defaultPath(parsed.pathname), httpOnly };
}

/**
 * Runs in every document before its own scripts (an init script): reports each cookie a
 * script writes, through `document.cookie` or `cookieStore.set`, to the scan's binding, with
 * the document's URL and whether the browser stored it. Deletions (an empty value) are left
 * out here; the scan drops the other kinds. Written as a function for `evaluateOnNewDocument`.
 * @param {string} bindingName
 */
function watchCookieWrites(bindingName) {
  const report = /** @type {((json: string) => void) | undefined} */ (/** @type {any} */ (globalThis)[bindingName]);
  const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (typeof report !== 'function' || !descriptor?.set || !descriptor.get) return;
  const { get, set } = descriptor;
  // An about:blank or srcdoc frame writes the cookies of the document that made it.
  const documentUrl = () => (/^https?:$/.test(location.protocol) ? location.href : `${origin}/`);
  Object.defineProperty(Document.prototype, 'cookie', {
    ...descriptor,
    set(text) {
      set.call(this, text);
      try {
        const line = String(text);
        const pair = line.split(';')[0];
        const at = pair.indexOf('=');
        const value = (at < 0 ? pair : pair.slice(at + 1)).trim();
        if (!value) return;
        const stored = at < 0 ? value : `${pair.slice(0, at).trim()}=${value}`;
        const visible = String(get.call(this)).split(';').some((candidate) => candidate.trim() === stored);
        report(JSON.stringify({ line, url: documentUrl(), visible }));
      } catch {
        // Never break the page.
      }
    },
  });
  const store = /** @type {any} */ (globalThis).CookieStore?.prototype;
  const storeSet = store?.set;
  if (typeof storeSet !== 'function') return;
  store.set = function (/** @type {any} */ nameOrOptions, /** @type {any} */ valueOrNothing) {
    const options = typeof nameOrOptions === 'object' && nameOrOptions ? nameOrOptions : { name: nameOrOptions, value: valueOrNothing };
    const result = storeSet.apply(this, arguments);
    Promise.resolve(result).then(
      () => {
        try {
          let line = `${options.name}=${options.value ?? ''}`;
          if (options.domain) line += `; domain=${options.domain}`;
          line += `; path=${options.path ?? '/'}`;
          if (options.expires != null) line += `; expires=${new Date(options.expires).toUTCString()}`;
          report(JSON.stringify({ line, url: documentUrl(), visible: true }));
        } catch {
          // Never break the page.
        }
      },
      () => {},
    );
    return result;
  };
}

/**
 * Tracks the requests in flight, to tell when the network has been idle for a while.
 * EventSource and WebSocket connections stay open by design and do not count; nor do the
 * requests of a document the main frame has navigated away from (Chromium does not always
 * report how those end, and the new document does not wait for them).
 */
function networkIdle(page) {
  const inFlight = new Set();
  let lastChange = Date.now();
  page.on('request', (request) => {
    if (request.resourceType() === 'eventsource') return;
    inFlight.add(request);
    lastChange = Date.now();
  });
  const done = (request) => {
    if (inFlight.delete(request)) lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    for (const request of inFlight) if (request.isNavigationRequest() ? request.frame() !== frame : true) inFlight.delete(request);
    lastChange = Date.now();
  });
  /** Resolves once nothing was in flight for `settle` ms (with []), or after `timeout` ms with the URLs still in flight. */
  return (settle, timeout) =>
    new Promise((resolve) => {
      const deadline = Date.now() + timeout;
      const check = () => {
        if (inFlight.size === 0 && Date.now() - lastChange >= settle) resolve([]);
        else if (Date.now() >= deadline) resolve([...inFlight].map((request) => request.url()));
        else setTimeout(check, 25);
      };
      check();
    });
}

/** Scrolls through the page a viewport at a time (lazy content loads), then back to the top. */
async function scrollThrough(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => setTimeout(resolve, 20));
    for (let y = 0; y < document.documentElement.scrollHeight; y += Math.max(window.innerHeight, 200)) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frame();
    window.scrollTo(0, 0);
  });
}

/** Hovers and focuses every placeholder, gated element and placeholder button, never clicking. */
async function hoverAndFocus(page) {
  const handles = [...(await page.$$('consent-embed, [data-consent]')), ...(await page.$$('consent-embed >>> button'))];
  for (const handle of handles) {
    // Hidden elements (a gated <script>) cannot be hovered; focusing them is harmless.
    await handle.hover().catch(() => {});
    await handle.focus().catch(() => {});
    await handle.dispose();
  }
}

/** What the DOM of one frame holds: resource hints, and the ids gated elements name. */
function readFrameDom(hintRels) {
  const hints = [.../** @type {NodeListOf<HTMLLinkElement>} */ (document.querySelectorAll('link[rel][href]'))].flatMap((link) => {
    const rel = link.rel.toLowerCase().split(/\s+/).find((name) => hintRels.includes(name));
    return rel ? [{ url: link.href, rel }] : [];
  });
  const named = [...document.querySelectorAll('[data-consent]')].map((element) => element.getAttribute('data-consent'));
  named.push(...[...document.querySelectorAll('consent-embed[service]')].map((element) => element.getAttribute('service')));
  return { hints, named };
}

/** Where the page's banner takes its config from: its `src` as a URL, its inline JSON, or null without a banner. */
function readBannerConfig() {
  const banner = document.querySelector('consent-banner');
  if (!banner) return null;
  const src = banner.getAttribute('src');
  if (src) return { src: new URL(src, document.baseURI).href };
  return { inline: banner.querySelector(':scope > script[type="application/json"]')?.textContent ?? null };
}

/** The storage names of one frame: localStorage and sessionStorage keys, IndexedDB databases. */
async function readFrameStorage() {
  const keys = (storage) => Array.from({ length: storage.length }, (_, index) => storage.key(index));
  const names = { localStorage: [], sessionStorage: [], indexedDB: [] };
  try {
    names.localStorage = keys(localStorage);
    names.sessionStorage = keys(sessionStorage);
  } catch {
    // Storage blocked in this frame: nothing stored.
  }
  try {
    names.indexedDB = (await indexedDB.databases()).map((database) => database.name);
  } catch {
    // No IndexedDB here.
  }
  return names;
}

/** The name of the binding the init script reports cookie writes to. */
const COOKIE_BINDING = '__consentScanCookieWrite';

/** `*`, `?` and `\\` are wildcards and escape in a CDP URL pattern: `url` as a pattern that matches it alone. */
const exactUrlPattern = (url) => url.replace(/[*?\\]/g, '\\$&');

/**
 * Visits a page in one phase.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} pageUrl
 * @param {Phase} phase
 * @param {{ timeout: number, settle: number, consentCookie: string, configHash: string, bannerConfigHash: (banner: BannerConfig) => Promise<string | null>, logEndpoint?: string }} options
 *   consentCookie: the config's cookie name; configHash: the hash of the run's config; bannerConfigHash: the hash of the
 *   config a page's banner uses, null when it cannot be read (a banner with another config is not clicked);
 *   logEndpoint: the config's `log.endpoint`, whose receipts are answered here and never reach the log
 * @returns {Promise<VisitRecord>}
 */
export async function visitPage(browser, pageUrl, phase, { timeout, settle, consentCookie, configHash, bannerConfigHash, logEndpoint }) {
  /** @type {VisitRecord} */
  const record = { page: pageUrl, phase, cookies: [], storage: [], requests: [], hints: [], named: [] };
  const started = Date.now();
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    const idle = networkIdle(page);
    const waitIdle = async () => {
      const pending = await idle(settle, timeout);
      if (pending.length) record.pending = [...new Set([...(record.pending ?? []), ...pending])];
    };
    /** Whether the page's banner uses the run's config (compared by content); sets `record.bannerConfig` and `record.otherConfig`. */
    const sameConfig = async () => {
      const banner = await page.evaluate(readBannerConfig);
      record.bannerConfig = banner ? ('src' in banner ? banner.src : 'inline') : null;
      const hash = banner && (await bannerConfigHash(banner));
      if (hash && hash !== configHash) record.otherConfig = true;
      return !record.otherConfig;
    };
    // Before a decision the whole visit counts; in the other phases, from the click on.
    let recording = phase === 'before-decision';
    /** Cookies written while recording: Set-Cookie lines with their response's URL, and scripts' writes. */
    const headerWrites = [];
    /** @type {{ name: string, domain: string, path: string, httpOnly: boolean }[]} */
    const scriptWrites = [];
    page.on('request', (request) => {
      if (recording) record.requests.push({ url: request.url(), type: request.resourceType(), frame: request.frame()?.url() ?? '' });
    });
    page.on('response', (response) => {
      if (!recording) return;
      const { link, 'set-cookie': setCookie } = response.headers();
      if (link) {
        for (const hint of linkHeaderHints(link, response.url())) record.hints.push({ ...hint, source: 'header', frame: response.frame()?.url() ?? '' });
      }
      if (setCookie) for (const line of setCookie.split('\n')) headerWrites.push({ line, url: response.url() });
    });
    await page.exposeFunction(COOKIE_BINDING, (/** @type {string} */ json) => {
      if (!recording) return;
      const { line, url, visible } = JSON.parse(json);
      const cookie = cookieWrite(line, url);
      // A write the page cannot see afterwards, though it would, was refused (an HttpOnly cookie of that name, a foreign domain).
      if (cookie && (visible || !pathMatches(new URL(url).pathname, cookie.path))) scriptWrites.push(cookie);
    });
    await page.evaluateOnNewDocument(watchCookieWrites, COOKIE_BINDING);
    // WebSockets are no puppeteer requests: the page's own CDP session reports them.
    const session = await page.createCDPSession();
    await session.send('Network.enable');
    session.on('Network.webSocketCreated', ({ url }) => {
      if (recording) record.requests.push({ url, type: 'websocket', frame: page.mainFrame().url() });
    });
    /** The Set-Cookie lines the browser refused to store (those of the page's own process; cross-site frames have theirs). */
    const refused = new Set();
    session.on('Network.responseReceivedExtraInfo', ({ blockedCookies }) => {
      for (const blocked of blockedCookies ?? []) refused.add(blocked.cookieLine);
    });
    // A scan is no visitor: its decisions must not be counted in the site's consent log.
    if (logEndpoint) {
      let receipts;
      try {
        receipts = new URL(logEndpoint, pageUrl).href;
      } catch {
        // No URL: the banner sends nothing there either.
      }
      if (receipts) {
        session.on('Fetch.requestPaused', ({ requestId }) => {
          session.send('Fetch.fulfillRequest', { requestId, responseCode: 204 }).catch(() => {});
        });
        await session.send('Fetch.enable', { patterns: [{ urlPattern: exactUrlPattern(receipts), requestStage: 'Request' }] });
      }
    }

    const response = await page.goto(pageUrl, { waitUntil: 'load', timeout });
    if (response && !response.ok()) throw new Error(`the page answers HTTP ${response.status()}`);
    await waitIdle();
    if (phase === 'before-decision') {
      await scrollThrough(page);
      await hoverAndFocus(page);
    } else {
      if (!(await sameConfig())) {
        record.skipped = true;
        return record;
      }
      const selector = `consent-banner >>> button[data-action="${ACTION[phase]}"]`;
      const button = await page.waitForSelector(selector, { timeout }).catch(() => null);
      if (!button) throw new Error(`the banner shows no "${ACTION[phase]}" button (${selector}) within ${timeout} ms`);
      recording = true;
      await button.click();
      const names = [consentCookie, `__Host-${consentCookie}`];
      const deadline = Date.now() + timeout;
      while (!(await context.cookies()).some((cookie) => names.includes(cookie.name))) {
        if (Date.now() > deadline) throw new Error(`no consent cookie "${consentCookie}" was stored within ${timeout} ms of clicking "${ACTION[phase]}"`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await waitIdle();
      await page.reload({ waitUntil: 'load', timeout });
    }
    await waitIdle();

    record.cookies = (await context.cookies()).map(({ name, domain, path, httpOnly }) => ({ name, domain, path, httpOnly }));
    // Every cookie written that is not there any more was set and deleted again.
    const present = new Set(record.cookies.map(({ name, domain }) => `${name}\n${domain}`));
    const headerCookies = headerWrites.flatMap(({ line, url }) => {
      const cookie = refused.has(line) ? null : cookieWrite(line, url);
      return cookie ? [cookie] : [];
    });
    for (const cookie of [...headerCookies, ...scriptWrites]) {
      const key = `${cookie.name}\n${cookie.domain}`;
      if (present.has(key)) continue;
      present.add(key);
      record.cookies.push({ ...cookie, deleted: true });
    }
    const siteOrigin = new URL(pageUrl).origin;
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      const frameUrl = frame.url();
      const dom = await frame.evaluate(readFrameDom, HINT_RELS).catch(() => ({ hints: [], named: [] }));
      record.hints.push(...dom.hints.map((hint) => ({ ...hint, source: /** @type {const} */ ('dom'), frame: frameUrl })));
      record.named.push(...dom.named);
      let origin;
      try {
        origin = new URL(frameUrl).origin;
      } catch {
        continue;
      }
      // about:blank and srcdoc frames share the page's storage; other origins are not the site's.
      if (origin !== siteOrigin && origin !== 'null') continue;
      const names = await frame.evaluate(readFrameStorage).catch(() => null);
      if (!names) continue;
      for (const area of /** @type {const} */ (['localStorage', 'sessionStorage', 'indexedDB'])) {
        for (const key of names[area]) record.storage.push({ area, key, frame: frameUrl });
      }
    }
    record.named = [...new Set(record.named)];
    if (phase === 'before-decision') await sameConfig();
  } catch (error) {
    record.error = error.message.split('\n')[0];
  } finally {
    await context.close().catch(() => {});
    record.ms = Date.now() - started;
  }
  return record;
}

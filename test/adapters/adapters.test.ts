import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { startAdapters, type AdaptersStop } from '../../src/adapters/api.js';
import { runAdapters } from '../../src/adapters/start.js';
import { ConsentStore } from '../../src/core/store.js';
import type { ConsentConfig } from '../../src/core/config-schema.js';
import type { ConsentErrorDetail } from '../../src/core/errors.js';
import { browserCookies, clearAllCookies, clearCookies, loadsSettled, recordNetwork, recordedRequests, settled, testConfig, waitForRequest } from '../support/core.js';

interface Page {
  _paq?: unknown;
  dataLayer?: IArguments[];
  gtag?: unknown;
  emos3?: unknown;
  matomoStandIn?: { calls: string[] };
  econdaStandIn?: { sent: unknown[]; defaults: Record<string, unknown>; nonce: string; loads: number };
  plausibleStandIn?: { events: string[]; send(name: string): void; domain: string | null };
  /** Every hit a stand-in sent, across page views: a test ends only when all are answered. */
  standInHits?: Promise<void>[];
}
const page = window as unknown as Page;
const VENDOR_GLOBALS = ['_paq', 'dataLayer', 'gtag', 'emos3', 'matomoStandIn', 'econdaStandIn', 'plausibleStandIn'] as const;

/** The test config with one more statistics service that uses the given adapter. */
function withAdapter(adapter: Record<string, unknown>, extra: Partial<ConsentConfig> = {}, service: Partial<ConsentConfig['categories'][number]['services'][number]> = {}): ConsentConfig {
  const config = testConfig(extra);
  config.categories[1].services.push({ id: 'vendor', name: 'Vendor', adapter: adapter as { type: string }, ...service });
  return config;
}

/** What a privacy officer writes to let a vendor measure before consent. */
const justified = { necessaryJustification: 'Counts page views without cookies or ids; agreed with our data protection officer.' };

/** Collects the consent-errors reported while `action` runs. */
async function errorsDuring(action: () => Promise<void>): Promise<ConsentErrorDetail[]> {
  const errors: ConsentErrorDetail[] = [];
  const collect = (event: Event) => errors.push((event as CustomEvent<ConsentErrorDetail>).detail);
  document.addEventListener('consent-error', collect);
  try {
    await action();
  } finally {
    document.removeEventListener('consent-error', collect);
  }
  return errors;
}

const UNJUSTIFIED = 'measures before consent only with a "necessaryJustification" on the service; without one it waits for consent';

const vendorRequests = async (fragment: string) => (await recordedRequests()).filter((url) => url.includes(fragment));
const cookieNames = async () => (await browserCookies()).map((cookie) => cookie.name);
const scripts = (fragment: string) => [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((script) => script.src.includes(fragment));
/** Resolves once the vendor script the adapter added has run. */
const vendorLoaded = (fragment: string) => settled(scripts(fragment)[0]);

describe('adapters', () => {
  let store: ConsentStore;
  let stop: AdaptersStop | undefined;

  /** A page view: vendor globals as on a fresh page, a store of its own, and its adapters started. */
  async function pageView(config: ConsentConfig): Promise<void> {
    stop?.();
    for (const name of VENDOR_GLOBALS) delete page[name];
    for (const script of document.querySelectorAll('script[src*="vendors"], script[src*="googletagmanager"]')) script.remove();
    store = new ConsentStore();
    stop = startAdapters(store);
    store.configure(config);
    await stop.started();
  }

  beforeEach(async () => {
    clearCookies();
    localStorage.removeItem('plausible_ignore');
    await recordNetwork();
  });
  afterEach(async () => {
    stop?.();
    stop = undefined;
    await loadsSettled();
    // A hit still under way would turn up in the next test's record of requests.
    await Promise.all(page.standInHits?.splice(0) ?? []);
    await clearAllCookies();
  });

  describe('Matomo', () => {
    const matomo = { type: 'matomo', url: '/test/fixtures/vendors/matomo/', siteId: 3 };

    it('queues requireConsent before anything else and sends nothing before consent or after a refusal', async () => {
      await pageView(withAdapter(matomo));
      expect(page._paq).to.deep.equal([
        ['requireConsent'],
        ['setTrackerUrl', '/test/fixtures/vendors/matomo/matomo.php'],
        ['setSiteId', '3'],
        ['trackPageView'],
        ['enableLinkTracking'],
      ]);
      store.rejectAll();
      expect(scripts('/vendors/matomo/')).to.deep.equal([]);
      expect(await vendorRequests('/vendors/matomo/')).to.deep.equal([]);
      expect((await cookieNames()).filter((name) => /^(_pk_|mtm_)/.test(name))).to.deep.equal([]);
    });

    it('a withdrawal before matomo.js has run takes back the consent queued for it: no hit, no cookie', async () => {
      await pageView(withAdapter(matomo));
      store.acceptAll();
      // matomo.js is on its way (a slow host, or another tab's withdrawal arriving first).
      store.saveSelection(['stats']);
      await vendorLoaded('/vendors/matomo/');
      expect(page.matomoStandIn!.calls).to.deep.equal(['requireConsent', 'setTrackerUrl', 'setSiteId', 'trackPageView', 'enableLinkTracking']);
      expect(await vendorRequests('matomo.php')).to.deep.equal([]);
      expect((await cookieNames()).filter((name) => /^(_pk_|mtm_)/.test(name))).to.deep.equal([]);
    });

    it('on consent: setConsentGiven (never rememberConsentGiven), matomo.js, the page view; on withdrawal: forgetConsentGiven and no _pk_/mtm_ cookie', async () => {
      await pageView(withAdapter(matomo));
      store.acceptAll();
      await vendorLoaded('/vendors/matomo/');
      await waitForRequest(`${location.origin}/test/fixtures/vendors/matomo/matomo.php?idsite=3&cookies=1`);
      expect(page.matomoStandIn!.calls).to.deep.equal(['requireConsent', 'setTrackerUrl', 'setSiteId', 'trackPageView', 'enableLinkTracking', 'setConsentGiven']);
      expect(await cookieNames()).to.include('_pk_id.3.1a2b');

      store.saveSelection(['stats']);
      expect(page.matomoStandIn!.calls.at(-1)).to.equal('forgetConsentGiven');
      expect((await cookieNames()).filter((name) => /^(_pk_|mtm_)/.test(name))).to.deep.equal([]);
    });

    it('on a later page with a stored grant: consent from our own record, before the first hit', async () => {
      await pageView(withAdapter(matomo));
      store.acceptAll();
      await vendorLoaded('/vendors/matomo/');
      await pageView(withAdapter(matomo));
      await vendorLoaded('/vendors/matomo/');
      expect(page.matomoStandIn!.calls).to.deep.equal(['requireConsent', 'setTrackerUrl', 'setSiteId', 'trackPageView', 'enableLinkTracking', 'setConsentGiven']);
    });

    it("cookieless mode (the privacy officer's justified choice) measures without cookies until consent upgrades it", async () => {
      await pageView(withAdapter({ ...matomo, mode: 'cookieless' }, {}, justified));
      await vendorLoaded('/vendors/matomo/');
      await waitForRequest(`${location.origin}/test/fixtures/vendors/matomo/matomo.php?idsite=3&cookies=0`);
      expect(page.matomoStandIn!.calls[0]).to.equal('requireCookieConsent');
      expect((await cookieNames()).filter((name) => name.startsWith('_pk_'))).to.deep.equal([]);
      store.acceptAll();
      expect(page.matomoStandIn!.calls.at(-1)).to.equal('setCookieConsentGiven');
    });

    it('cookieless mode without a justification: reported at its path, and Matomo waits for consent', async () => {
      const errors = await errorsDuring(() => pageView(withAdapter({ ...matomo, mode: 'cookieless' })));
      expect(errors.map(({ kind, path, message }) => `${kind} ${path}: ${message}`)).to.deep.equal([`config $.categories[1].services[2].adapter.mode: ${UNJUSTIFIED}`]);
      expect(scripts('/vendors/matomo/')).to.deep.equal([]);
      expect((page._paq as unknown[][])[0]).to.deep.equal(['requireConsent']);
      store.acceptAll();
      await vendorLoaded('/vendors/matomo/');
      expect(page.matomoStandIn!.calls.at(-1)).to.equal('setConsentGiven');
    });

    it('a refusal stops the cookieless measurement: no request after it, and nothing loads on the next page', async () => {
      await pageView(withAdapter({ ...matomo, mode: 'cookieless' }, {}, justified));
      await vendorLoaded('/vendors/matomo/');
      await waitForRequest(`${location.origin}/test/fixtures/vendors/matomo/matomo.php?idsite=3&cookies=0`);
      store.rejectAll();
      expect(page.matomoStandIn!.calls.slice(-2)).to.deep.equal(['requireConsent', 'forgetConsentGiven']);
      // The site's own tracking call after the refusal sends nothing.
      (page._paq as { push(...commands: unknown[][]): void }).push(['trackPageView']);
      expect(await vendorRequests('matomo.php')).to.have.length(1);

      await pageView(withAdapter({ ...matomo, mode: 'cookieless' }, {}, justified));
      expect(scripts('/vendors/matomo/')).to.have.length(0);
      // A later grant on that page: full measurement with cookies.
      store.acceptAll();
      await vendorLoaded('/vendors/matomo/');
      expect(page.matomoStandIn!.calls.slice(-1)).to.deep.equal(['setCookieConsentGiven']);
    });

    it('with "afterRefusal": "continue" the justified cookieless measurement goes on after a refusal', async () => {
      await pageView(withAdapter({ ...matomo, mode: 'cookieless', afterRefusal: 'continue' }, {}, justified));
      await vendorLoaded('/vendors/matomo/');
      store.rejectAll();
      expect(page.matomoStandIn!.calls).to.not.include('requireConsent');
      await pageView(withAdapter({ ...matomo, mode: 'cookieless', afterRefusal: 'continue' }, {}, justified));
      await vendorLoaded('/vendors/matomo/');
      expect(page.matomoStandIn!.calls[0]).to.equal('requireCookieConsent');
    });

    it('in a required category without a justification it is treated as optional: nothing before consent, cleaned after a refusal', async () => {
      const config = testConfig();
      config.categories[0].services.push({ id: 'counter', name: 'Counter', adapter: matomo as { type: string } });
      // (The warning's words load from a file of their own: it comes a moment after the config.)
      const warned = oneEvent(document, 'consent-error');
      const errors = await errorsDuring(async () => {
        await pageView(config);
        await warned;
      });
      expect(errors.map(({ path }) => path)).to.deep.equal(['$.categories[0].services[1]']);
      expect(scripts('/vendors/matomo/')).to.deep.equal([]);
      expect((page._paq as unknown[][])[0]).to.deep.equal(['requireConsent']);
      store.acceptAll();
      await vendorLoaded('/vendors/matomo/');
      await waitForRequest(`${location.origin}/test/fixtures/vendors/matomo/matomo.php?idsite=3&cookies=1`);
      store.rejectAll();
      expect(page.matomoStandIn!.calls.at(-1)).to.equal('forgetConsentGiven');
      expect((await cookieNames()).filter((name) => name.startsWith('_pk_'))).to.deep.equal([]);
    });

    it('reports a missing setting with its path and does not start', async () => {
      const error = oneEvent(document, 'consent-error');
      await pageView(withAdapter({ type: 'matomo', url: '/m/' }));
      const { detail } = (await error) as CustomEvent<ConsentErrorDetail>;
      expect(detail.path).to.equal('$.categories[1].services[2].adapter.siteId');
      expect(detail.message).to.match(/does not start/);
      store.acceptAll();
      expect(page._paq).to.equal(undefined);
    });

    it('takes a script URL only as http, https or relative: a javascript: or data: URL is a config error and nothing starts', async () => {
      for (const [adapter, setting] of [
        [{ type: 'matomo', url: '\tjava\nscript:alert(1)//', siteId: 3 }, 'url'],
        [{ type: 'econda', src: ' data:text/javascript,alert(1)' }, 'src'],
        [{ type: 'plausible', domain: 'example.org', src: 'JavaScript:alert(1)' }, 'src'],
      ] as const) {
        const errors: ConsentErrorDetail[] = [];
        const collect = (event: Event) => errors.push((event as CustomEvent<ConsentErrorDetail>).detail);
        document.addEventListener('consent-error', collect);
        await pageView(withAdapter(adapter));
        store.acceptAll();
        document.removeEventListener('consent-error', collect);
        expect(errors.map(({ path }) => path), adapter.type).to.deep.equal([`$.categories[1].services[2].adapter.${setting}`]);
        expect(errors[0].message, adapter.type).to.match(/http:, https: or relative to the page\); the adapter does not start$/);
        expect(document.querySelectorAll('head > script[src]:not([src*="/test/"]):not([src*="node_modules"])').length, adapter.type).to.equal(0);
        expect(page._paq ?? page.emos3 ?? page.plausibleStandIn, adapter.type).to.equal(undefined);
      }
    });

    it('reports an unknown adapter type with its path', async () => {
      const error = oneEvent(document, 'consent-error');
      await pageView(withAdapter({ type: 'piwik' }));
      expect(((await error) as CustomEvent<ConsentErrorDetail>).detail.path).to.equal('$.categories[1].services[2].adapter.type');
    });
  });

  describe('Google consent mode', () => {
    const gtag = { type: 'gtag', id: 'G-TEST123' };
    const layer = () => (page.dataLayer ?? []).map((entry) => Array.from(entry));

    it('puts consent "default" (all denied) first, loads Google\'s script only after consent, and updates on every decision', async () => {
      await pageView(withAdapter(gtag));
      expect(layer()).to.deep.equal([
        ['consent', 'default', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', wait_for_update: 500 }],
      ]);
      expect(page.dataLayer![0]).to.be.an('arguments');
      store.rejectAll();
      expect(layer().at(-1)).to.deep.equal(['consent', 'update', { analytics_storage: 'denied' }]);
      expect(scripts('googletagmanager')).to.deep.equal([]);

      store.acceptAll();
      const commands = layer()
        .slice(2)
        .map(([name, type]) => `${name} ${type instanceof Date ? 'date' : type}`);
      expect(commands).to.deep.equal(['consent update', 'js date', 'config G-TEST123']);
      expect(layer()[2][2]).to.deep.equal({ analytics_storage: 'granted' });
      expect(scripts('googletagmanager').map((script) => script.src)).to.deep.equal(['https://www.googletagmanager.com/gtag/js?id=G-TEST123']);
    });

    it('sends the stored decision as an update on a later page, and withdrawal denies again and deletes _ga cookies', async () => {
      await pageView(withAdapter(gtag));
      store.acceptAll();
      await pageView(withAdapter(gtag));
      expect(layer().slice(0, 2).map(([name, type]) => `${name} ${type}`)).to.deep.equal(['consent default', 'consent update']);
      document.cookie = '_ga=GA1.1.stand-in; path=/';
      document.cookie = '_ga_TEST123=GS1.1; path=/';
      store.saveSelection([]);
      expect(layer().at(-1)).to.deep.equal(['consent', 'update', { analytics_storage: 'denied' }]);
      expect((await cookieNames()).filter((name) => name.startsWith('_ga'))).to.deep.equal([]);
    });
  });

  describe('Google consent mode "advanced"', () => {
    const advanced = { type: 'gtag', id: 'G-TEST123', mode: 'advanced' };
    const disabled = () => (window as unknown as Record<string, unknown>)['ga-disable-G-TEST123'];

    it('without a justification: reported at its path, and Google\'s script waits for consent', async () => {
      const errors = await errorsDuring(() => pageView(withAdapter(advanced)));
      expect(errors.map(({ path, message }) => `${path}: ${message}`)).to.deep.equal([`$.categories[1].services[2].adapter.mode: ${UNJUSTIFIED}`]);
      expect(scripts('googletagmanager')).to.deep.equal([]);
    });

    it('justified: loads at once with everything denied; a refusal stops its pings with ga-disable, a grant lifts it', async () => {
      await pageView(withAdapter(advanced, {}, justified));
      expect(scripts('googletagmanager')).to.have.length(1);
      store.rejectAll();
      expect(disabled()).to.equal(true);
      store.acceptAll();
      expect(disabled()).to.equal(false);
      delete (window as unknown as Record<string, unknown>)['ga-disable-G-TEST123'];
    });
  });

  describe('econda', () => {
    it('loads emos3 only after consent, with the page nonce, settings and page view; withdrawal stops calls and deletes emos_ cookies', async () => {
      const nonced = Object.assign(document.createElement('script'), { textContent: "/* the page's own nonced script */" });
      nonced.setAttribute('nonce', 'page-nonce');
      document.head.append(nonced);
      try {
        await pageView(withAdapter({ type: 'econda', src: '/test/fixtures/vendors/emos3.js', settings: { siteid: 'institute' }, pageView: { content: 'News/Seagrass' } }));
        expect(scripts('emos3')).to.deep.equal([]);
        expect(page.emos3).to.equal(undefined);
        store.acceptAll();
        await vendorLoaded('emos3');
        expect(page.econdaStandIn!.nonce).to.equal('page-nonce');
        expect(page.econdaStandIn!.defaults).to.deep.equal({ siteid: 'institute' });
        expect(page.econdaStandIn!.sent).to.deep.equal([{ content: 'News/Seagrass' }]);
        expect(await cookieNames()).to.include('emos_jcsid');

        store.rejectAll();
        (page.emos3 as { send(properties: unknown): void }).send({ content: 'after withdrawal' });
        expect(page.econdaStandIn!.sent).to.have.length(1);
        expect((await cookieNames()).filter((name) => name.startsWith('emos_'))).to.deep.equal([]);
      } finally {
        nonced.remove();
      }
    });
  });

  describe('econda in two modes', () => {
    const econda = { type: 'econda', src: '/test/fixtures/vendors/emos3.js', settings: { siteid: 'institute' }, pageView: { content: 'News' }, mode: 'anonymised', anonymised: { anonymous: true } };
    /** The seed's setup: the anonymised measurement is held necessary, so it goes on after a refusal. */
    const exempt = { ...econda, afterRefusal: 'continue' };
    const emosCookies = async () => (await cookieNames()).filter((name) => name.startsWith('emos_')).sort();
    const send = (properties: unknown) => (page.emos3 as { send(properties: unknown): void }).send(properties);

    it('first visit: anonymised at once (session cookie only); consent switches the same emos3 to full, without a second load or page view', async () => {
      await pageView(withAdapter(exempt, {}, justified));
      await vendorLoaded('emos3');
      expect(page.econdaStandIn!.defaults).to.deep.equal({ siteid: 'institute', anonymous: true });
      expect(page.econdaStandIn!.sent).to.deep.equal([{ content: 'News' }]);
      expect(await emosCookies()).to.deep.equal(['emos_jcsid']);

      store.acceptAll();
      expect(scripts('emos3')).to.have.length(1);
      expect(page.econdaStandIn!.loads).to.equal(1);
      expect(page.econdaStandIn!.sent, 'no second page view').to.have.length(1);
      expect(page.econdaStandIn!.defaults).to.deep.equal({ siteid: 'institute' });
      send({ content: 'Next click' });
      expect(await emosCookies()).to.deep.equal(['emos_jcsid', 'emos_jcvid']);
    });

    it('withdrawal returns to the anonymised mode and deletes only the full mode\'s cookies', async () => {
      await pageView(withAdapter(exempt, {}, justified));
      store.acceptAll();
      await vendorLoaded('emos3');
      send({ content: 'Click' });
      expect(await emosCookies()).to.deep.equal(['emos_jcsid', 'emos_jcvid']);

      store.saveSelection([]);
      expect(await emosCookies()).to.deep.equal(['emos_jcsid']);
      expect(page.econdaStandIn!.defaults).to.deep.equal({ siteid: 'institute', anonymous: true });
      send({ content: 'Anonymous click' });
      expect(page.econdaStandIn!.sent).to.have.length(3);
      expect(await emosCookies(), 'no visitor id again').to.deep.equal(['emos_jcsid']);
      expect(page.econdaStandIn!.loads).to.equal(1);
    });

    it('return visits: one load and one page view, in the mode the stored choice gives', async () => {
      await pageView(withAdapter(exempt, {}, justified));
      store.acceptAll();
      await vendorLoaded('emos3');
      await pageView(withAdapter(exempt, {}, justified));
      await vendorLoaded('emos3');
      expect(page.econdaStandIn!.defaults).to.deep.equal({ siteid: 'institute' });
      expect(page.econdaStandIn!.sent).to.deep.equal([{ content: 'News' }]);

      store.rejectAll();
      await pageView(withAdapter(exempt, {}, justified));
      await vendorLoaded('emos3');
      expect(page.econdaStandIn!.defaults).to.deep.equal({ siteid: 'institute', anonymous: true });
      expect(page.econdaStandIn!.sent).to.deep.equal([{ content: 'News' }]);
      expect(await emosCookies()).to.deep.equal(['emos_jcsid']);
    });

    it('without "afterRefusal": "continue" a refusal stops the anonymised measurement: no send, no emos_ cookie, nothing on the next page', async () => {
      await pageView(withAdapter(econda, {}, justified));
      await vendorLoaded('emos3');
      store.rejectAll();
      send({ content: 'after the refusal' });
      expect(page.econdaStandIn!.sent).to.have.length(1);
      expect(await emosCookies()).to.deep.equal([]);
      await pageView(withAdapter(econda, {}, justified));
      expect(scripts('emos3')).to.deep.equal([]);
      expect(page.emos3).to.equal(undefined);
    });

    it('a refusal before emos3.js has run: it sends nothing queued, and nothing later', async () => {
      await pageView(withAdapter(econda, {}, justified));
      // emos3.js is on its way; the visitor refuses first.
      store.rejectAll();
      await vendorLoaded('emos3');
      send({ content: 'a call of the site after the refusal' });
      expect(page.econdaStandIn!.sent).to.deep.equal([]);
      expect(await vendorRequests('econda-hit')).to.deep.equal([]);
      expect(await emosCookies()).to.deep.equal([]);
    });

    it('consent mode: a grant withdrawn before emos3.js has run sends nothing; a new grant measures again', async () => {
      await pageView(withAdapter({ type: 'econda', src: econda.src, settings: econda.settings, pageView: econda.pageView }));
      store.acceptAll();
      store.rejectAll();
      await vendorLoaded('emos3');
      send({ content: 'after the withdrawal' });
      expect(page.econdaStandIn!.sent).to.deep.equal([]);
      expect(await emosCookies()).to.deep.equal([]);
      store.acceptAll();
      send({ content: 'after the new grant' });
      expect(page.econdaStandIn!.sent).to.deep.equal([{ content: 'after the new grant' }]);
    });

    it('without a justification: reported at its path, and econda waits for consent', async () => {
      const errors = await errorsDuring(() => pageView(withAdapter(exempt)));
      expect(errors.map(({ kind, path, message }) => `${kind} ${path}: ${message}`)).to.deep.equal([`config $.categories[1].services[2].adapter.mode: ${UNJUSTIFIED}`]);
      expect(scripts('emos3')).to.deep.equal([]);
      expect(page.emos3).to.equal(undefined);
      store.acceptAll();
      await vendorLoaded('emos3');
      expect(page.econdaStandIn!.defaults).to.deep.equal({ siteid: 'institute' });
      // One page view, measured in full.
      await waitForRequest(`${location.origin}/test/fixtures/vendors/econda-hit?n=1&anonymous=0`);
      expect(await vendorRequests('econda-hit')).to.have.length(1);
    });
  });

  describe('Plausible', () => {
    const plausible = { type: 'plausible', domain: 'institute.example', src: '/test/fixtures/vendors/plausible.js' };

    it('loads only after consent, and a withdrawal silences it with its own opt-out flag', async () => {
      await pageView(withAdapter(plausible));
      store.rejectAll();
      expect(scripts('plausible')).to.deep.equal([]);
      store.acceptAll();
      await vendorLoaded('plausible');
      // The domain was on the element when the script read it.
      expect(page.plausibleStandIn!.domain).to.equal('institute.example');
      expect(page.plausibleStandIn!.events).to.deep.equal(['pageview']);
      store.rejectAll();
      page.plausibleStandIn!.send('pageview');
      expect(page.plausibleStandIn!.events).to.deep.equal(['pageview']);
      store.acceptAll();
      expect(localStorage.getItem('plausible_ignore')).to.equal(null);
    });

    it('a grant on a later page counts again, after a withdrawal silenced it on an earlier one', async () => {
      await pageView(withAdapter(plausible));
      store.acceptAll();
      await vendorLoaded('plausible');
      store.rejectAll();
      expect(localStorage.getItem('plausible_ignore')).to.equal('true');
      // The next page: refused, nothing loads. Then the visitor allows Plausible again.
      await pageView(withAdapter(plausible));
      expect(scripts('plausible')).to.deep.equal([]);
      store.acceptAll();
      await vendorLoaded('plausible');
      expect(localStorage.getItem('plausible_ignore')).to.equal(null);
      expect(page.plausibleStandIn!.events).to.deep.equal(['pageview']);
    });

    it('leaves alone an opt-out flag that the site owner set to leave out their own visits', async () => {
      localStorage.setItem('plausible_ignore', 'true');
      await pageView(withAdapter(plausible));
      store.acceptAll();
      await vendorLoaded('plausible');
      expect(localStorage.getItem('plausible_ignore')).to.equal('true');
      expect(page.plausibleStandIn!.events).to.deep.equal([]);
    });

    it('runs before consent when the privacy officer says so and why; a refusal silences it', async () => {
      await pageView(withAdapter({ ...plausible, beforeConsent: true }, {}, justified));
      await vendorLoaded('plausible');
      expect(page.plausibleStandIn!.events).to.deep.equal(['pageview']);
      expect(store.decision).to.equal(null);
      store.rejectAll();
      expect(localStorage.getItem('plausible_ignore')).to.equal('true');
    });

    it('beforeConsent without a justification: reported at its path, and nothing loads before consent', async () => {
      const errors = await errorsDuring(() => pageView(withAdapter({ ...plausible, beforeConsent: true })));
      expect(errors.map(({ path }) => path)).to.deep.equal(['$.categories[1].services[2].adapter.beforeConsent']);
      expect(scripts('plausible')).to.deep.equal([]);
    });
  });

  describe('lifecycle', () => {
    const gtag = { type: 'gtag', id: 'G-TEST123' };
    const defaults = () => (page.dataLayer ?? []).filter((entry) => entry[0] === 'consent' && entry[1] === 'default').length;

    it('touches no vendor for a config replaced while the adapter loaded', async () => {
      for (const name of VENDOR_GLOBALS) delete page[name];
      store = new ConsentStore();
      stop = startAdapters(store);
      store.configure(withAdapter(gtag));
      store.configure(testConfig());
      await stop.started();
      expect(page.dataLayer).to.equal(undefined);

      // Replaced by a config with the same adapter: only the current one starts.
      store.configure(withAdapter(gtag));
      store.configure(withAdapter(gtag));
      await stop.started();
      expect(defaults()).to.equal(1);
    });

    it('start when nobody waits for them, as in the drop-in', async () => {
      for (const name of VENDOR_GLOBALS) delete page[name];
      store = new ConsentStore();
      const stopRun = runAdapters(store);
      try {
        store.configure(withAdapter(gtag));
        await waitUntil(() => defaults() === 1, 'the gtag adapter did not start', { timeout: 8000 });
      } finally {
        stopRun();
      }
    });

    it('stops the adapters of a replaced config', async () => {
      await pageView(withAdapter({ type: 'matomo', url: '/test/fixtures/vendors/matomo/', siteId: 3 }));
      store.configure(testConfig());
      await stop!.started();
      store.acceptAll();
      expect(scripts('/vendors/matomo/')).to.deep.equal([]);
    });

    it('stops: after its stop function no decision reaches a vendor, and nothing starts', async () => {
      await pageView(withAdapter(gtag));
      stop!();
      store.acceptAll();
      expect(page.dataLayer!.length).to.equal(1);
      expect(scripts('googletagmanager')).to.deep.equal([]);
      store.configure(withAdapter(gtag));
      await stop!.started();
      expect(defaults()).to.equal(1);
    });
  });
});

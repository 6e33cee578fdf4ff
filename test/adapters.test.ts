import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { consent } from '../src/core/store.js';
import type { ConsentConfig } from '../src/core/config-schema.js';
import type { ConsentErrorDetail } from '../src/core/errors.js';
import { browserCookies, clearAllCookies, freshPage, mountBanner, recordNetwork, recordedRequests, testConfig, waitForRequest } from './support/helpers.js';

interface Page {
  _paq?: unknown;
  dataLayer?: IArguments[];
  gtag?: unknown;
  emos3?: unknown;
  matomoStandIn?: { calls: string[] };
  econdaStandIn?: { sent: unknown[]; defaults: Record<string, unknown>; nonce: string };
  plausibleStandIn?: { events: string[]; send(name: string): void };
}
const page = window as unknown as Page;

/** The test config with one more statistics service that uses the given adapter. */
function withAdapter(adapter: Record<string, unknown>, extra: Partial<ConsentConfig> = {}): ConsentConfig {
  const config = testConfig(extra);
  config.categories[1].services.push({ id: 'vendor', name: 'Vendor', adapter: adapter as { type: string } });
  return config;
}

const vendorRequests = async (fragment: string) => (await recordedRequests()).filter((url) => url.includes(fragment));
const cookieNames = async () => (await browserCookies()).map((cookie) => cookie.name);
const scripts = (fragment: string) => [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((script) => script.src.includes(fragment));

describe('adapters', () => {
  beforeEach(async () => {
    freshPage();
    for (const name of ['_paq', 'dataLayer', 'gtag', 'emos3', 'matomoStandIn', 'econdaStandIn', 'plausibleStandIn'] as const) delete page[name];
    for (const script of document.querySelectorAll('script[src*="vendors"], script[src*="googletagmanager"]')) script.remove();
    localStorage.removeItem('plausible_ignore');
    await recordNetwork();
  });
  afterEach(clearAllCookies);

  describe('Matomo', () => {
    const matomo = { type: 'matomo', url: '/test/fixtures/vendors/matomo/', siteId: 3 };

    it('queues requireConsent before anything else and sends nothing before consent or after a refusal', async () => {
      await mountBanner(withAdapter(matomo));
      await waitUntil(() => Array.isArray(page._paq) && (page._paq as unknown[]).length > 0, 'the adapter did not start');
      expect(page._paq).to.deep.equal([
        ['requireConsent'],
        ['setTrackerUrl', '/test/fixtures/vendors/matomo/matomo.php'],
        ['setSiteId', '3'],
        ['trackPageView'],
        ['enableLinkTracking'],
      ]);
      consent.rejectAll();
      expect(await vendorRequests('/vendors/matomo/')).to.deep.equal([]);
      expect(scripts('/vendors/matomo/')).to.deep.equal([]);
      expect((await cookieNames()).filter((name) => /^(_pk_|mtm_)/.test(name))).to.deep.equal([]);
    });

    it('on consent: setConsentGiven (never rememberConsentGiven), matomo.js, the page view; on withdrawal: forgetConsentGiven and no _pk_/mtm_ cookie', async () => {
      await mountBanner(withAdapter(matomo));
      await waitUntil(() => Array.isArray(page._paq));
      consent.acceptAll();
      await waitUntil(() => page.matomoStandIn, 'matomo.js did not load');
      await waitForRequest(`${location.origin}/test/fixtures/vendors/matomo/matomo.php?idsite=3&cookies=1`);
      expect(page.matomoStandIn!.calls).to.deep.equal(['requireConsent', 'setTrackerUrl', 'setSiteId', 'trackPageView', 'enableLinkTracking', 'setConsentGiven']);
      expect(page.matomoStandIn!.calls).not.to.include('rememberConsentGiven');
      expect(await cookieNames()).to.include('_pk_id.3.1a2b');

      consent.saveSelection(['stats']);
      expect(page.matomoStandIn!.calls.at(-1)).to.equal('forgetConsentGiven');
      expect((await cookieNames()).filter((name) => /^(_pk_|mtm_)/.test(name))).to.deep.equal([]);
    });

    it('on a later page with a stored grant: consent from our own record, before the first hit', async () => {
      await mountBanner(withAdapter(matomo));
      consent.acceptAll();
      await waitUntil(() => page.matomoStandIn, 'matomo.js did not load');
      // The next page: a fresh queue and no Matomo yet.
      delete page._paq;
      delete page.matomoStandIn;
      for (const script of scripts('/vendors/matomo/')) script.remove();
      await mountBanner(withAdapter(matomo));
      await waitUntil(() => page.matomoStandIn && page.matomoStandIn.calls.includes('setConsentGiven'));
      expect(page.matomoStandIn!.calls.slice(0, 6)).to.deep.equal(['requireConsent', 'setTrackerUrl', 'setSiteId', 'trackPageView', 'enableLinkTracking', 'setConsentGiven']);
    });

    it('cookieless mode (the privacy officer\'s choice) measures without cookies until consent upgrades it', async () => {
      await mountBanner(withAdapter({ ...matomo, mode: 'cookieless' }));
      await waitUntil(() => page.matomoStandIn, 'matomo.js should load at once in cookieless mode');
      await waitForRequest(`${location.origin}/test/fixtures/vendors/matomo/matomo.php?idsite=3&cookies=0`);
      expect(page.matomoStandIn!.calls[0]).to.equal('requireCookieConsent');
      expect((await cookieNames()).filter((name) => name.startsWith('_pk_'))).to.deep.equal([]);
      consent.acceptAll();
      expect(page.matomoStandIn!.calls.at(-1)).to.equal('setCookieConsentGiven');
    });

    it('reports a missing setting with its path and does not start', async () => {
      const error = oneEvent(document, 'consent-error');
      await mountBanner(withAdapter({ type: 'matomo', url: '/m/' }));
      const { detail } = (await error) as CustomEvent<ConsentErrorDetail>;
      expect(detail.path).to.equal('$.categories[1].services[2].adapter.siteId');
      expect(detail.message).to.match(/does not start/);
      consent.acceptAll();
      expect(page._paq).to.equal(undefined);
    });

    it('reports an unknown adapter type with its path', async () => {
      const error = oneEvent(document, 'consent-error');
      await mountBanner(withAdapter({ type: 'piwik' }));
      expect(((await error) as CustomEvent<ConsentErrorDetail>).detail.path).to.equal('$.categories[1].services[2].adapter.type');
    });
  });

  describe('Google consent mode', () => {
    const gtag = { type: 'gtag', id: 'G-TEST123' };
    const layer = () => (page.dataLayer ?? []).map((entry) => Array.from(entry));

    it('puts consent "default" (all denied) first, loads Google\'s script only after consent, and updates on every decision', async () => {
      await mountBanner(withAdapter(gtag));
      await waitUntil(() => page.dataLayer?.length, 'the adapter did not start');
      expect(layer()).to.deep.equal([
        ['consent', 'default', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', wait_for_update: 500 }],
      ]);
      expect(page.dataLayer![0]).to.be.an('arguments');
      consent.rejectAll();
      expect(layer().at(-1)).to.deep.equal(['consent', 'update', { analytics_storage: 'denied' }]);
      expect(scripts('googletagmanager')).to.deep.equal([]);

      consent.acceptAll();
      const commands = layer().slice(2).map(([name, type]) => `${name} ${type instanceof Date ? 'date' : type}`);
      expect(commands).to.deep.equal(['consent update', 'js date', 'config G-TEST123']);
      expect(layer()[2][2]).to.deep.equal({ analytics_storage: 'granted' });
      expect(scripts('googletagmanager').map((script) => script.src)).to.deep.equal(['https://www.googletagmanager.com/gtag/js?id=G-TEST123']);
    });

    it('sends the stored decision as an update on a later page, and withdrawal denies again and deletes _ga cookies', async () => {
      await mountBanner(withAdapter(gtag));
      consent.acceptAll();
      delete page.dataLayer;
      delete page.gtag;
      await mountBanner(withAdapter(gtag));
      await waitUntil(() => page.dataLayer?.length);
      expect(layer().slice(0, 2).map(([name, type]) => `${name} ${type}`)).to.deep.equal(['consent default', 'consent update']);
      document.cookie = '_ga=GA1.1.stand-in; path=/';
      document.cookie = '_ga_TEST123=GS1.1; path=/';
      consent.saveSelection([]);
      expect(layer().at(-1)).to.deep.equal(['consent', 'update', { analytics_storage: 'denied' }]);
      expect((await cookieNames()).filter((name) => name.startsWith('_ga'))).to.deep.equal([]);
    });
  });

  describe('econda', () => {
    it('loads emos3 only after consent, with the page nonce, settings and page view; withdrawal stops calls and deletes emos_ cookies', async () => {
      const nonced = Object.assign(document.createElement('script'), { textContent: '/* the page\'s own nonced script */' });
      nonced.setAttribute('nonce', 'page-nonce');
      document.head.append(nonced);
      try {
        await mountBanner(withAdapter({ type: 'econda', src: '/test/fixtures/vendors/emos3.js', settings: { siteid: 'institute' }, pageView: { content: 'News/Seagrass' } }));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(scripts('emos3')).to.deep.equal([]);
        consent.acceptAll();
        await waitUntil(() => page.econdaStandIn, 'emos3.js did not load');
        expect(page.econdaStandIn!.nonce).to.equal('page-nonce');
        expect(page.econdaStandIn!.defaults).to.deep.equal({ siteid: 'institute' });
        expect(page.econdaStandIn!.sent).to.deep.equal([{ content: 'News/Seagrass' }]);
        expect(await cookieNames()).to.include('emos_jcsid');

        consent.rejectAll();
        (page.emos3 as { send(properties: unknown): void }).send({ content: 'after withdrawal' });
        expect(page.econdaStandIn!.sent).to.have.length(1);
        expect((await cookieNames()).filter((name) => name.startsWith('emos_'))).to.deep.equal([]);
      } finally {
        nonced.remove();
      }
    });
  });

  describe('Plausible', () => {
    const plausible = { type: 'plausible', domain: 'institute.example', src: '/test/fixtures/vendors/plausible.js' };

    it('loads only after consent, and a withdrawal silences it with its own opt-out flag', async () => {
      await mountBanner(withAdapter(plausible));
      consent.rejectAll();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(scripts('plausible')).to.deep.equal([]);
      consent.acceptAll();
      await waitUntil(() => page.plausibleStandIn, 'the script did not load');
      expect(scripts('plausible')[0].dataset.domain).to.equal('institute.example');
      expect(page.plausibleStandIn!.events).to.deep.equal(['pageview']);
      consent.rejectAll();
      page.plausibleStandIn!.send('pageview');
      expect(page.plausibleStandIn!.events).to.deep.equal(['pageview']);
      consent.acceptAll();
      expect(localStorage.getItem('plausible_ignore')).to.equal(null);
    });

    it('runs before consent when the privacy officer says so', async () => {
      await mountBanner(withAdapter({ ...plausible, beforeConsent: true }));
      await waitUntil(() => page.plausibleStandIn, 'the script did not load before consent');
      expect(consent.decision).to.equal(null);
    });
  });
});

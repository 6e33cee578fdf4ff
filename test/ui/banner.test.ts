import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { consent, type ConsentReadyDetail } from '../../src/core/store.js';
import type { ConsentErrorDetail } from '../../src/core/errors.js';
import { ConsentBanner } from '../../src/ui/banner/consent-banner.js';
import { clearAllCookies, clearCookies, collectEvents, loadsSettled, recordNetwork, recordedRequests, testConfig } from '../support/core.js';
import { freshPage, mountBanner, openDialog, shownDialog } from '../support/elements.js';

declare global {
  interface Window {
    ran?: string[];
  }
}

/** Collects every consent-error until the banner has settled its config. */
async function errorsWhileMounting(template: ReturnType<typeof html>): Promise<{ banner: ConsentBanner; errors: ConsentErrorDetail[] }> {
  const errors = collectEvents<ConsentErrorDetail>('consent-error');
  try {
    const page = await fixture<HTMLElement>(template);
    const banner = page.localName === 'consent-banner' ? (page as ConsentBanner) : page.querySelector('consent-banner')!;
    await banner.configApplied;
    return { banner, errors: errors.events };
  } finally {
    errors.stop();
  }
}

describe('<consent-banner> config sources', () => {
  beforeEach(() => {
    freshPage();
    window.ran = [];
  });
  afterEach(clearCookies);

  it('reads an inline JSON config', async () => {
    const ready = oneEvent(document, 'consent-ready');
    const banner = await fixture<ConsentBanner>(html`<consent-banner lang="en"><script type="application/json">
      {"revision": 7, "links": {"privacy": "/p"}, "categories": [{"id": "media", "label": "Media", "services": [{"id": "video", "name": "Video"}]}]}
    </script></consent-banner>`);
    const { detail } = (await ready) as CustomEvent<ConsentReadyDetail>;
    expect(detail.needsDecision).to.be.true;
    expect(consent.config!.revision).to.equal(7);
    await banner.configApplied;
    shownDialog(banner);
  });

  it('fetches the config named by src', async () => {
    const banner = await fixture<ConsentBanner>(html`<consent-banner lang="en" src="/test/fixtures/consent.json"></consent-banner>`);
    await banner.configApplied;
    expect(consent.config!.revision).to.equal(4);
    shownDialog(banner);
  });

  it('reports an unreachable src, shows nothing and loads nothing gated', async () => {
    const { banner, errors } = await errorsWhileMounting(html`<div>
      <script type="text/plain" data-consent="stats">window.ran.push('stats')</script>
      <iframe title="Gated" data-consent="stats" data-src="/test/fixtures/frame.html"></iframe>
      <consent-banner src="/test/fixtures/missing.json"></consent-banner>
    </div>`);
    expect(errors).to.deep.equal([{ kind: 'config', path: 'src "/test/fixtures/missing.json"', message: 'could not load the config (HTTP 404)' }]);
    expect(consent.ready).to.be.false;
    expect(openDialog(banner)).to.equal(null);
    expect(banner.parentElement!.querySelector('iframe')!.hasAttribute('src')).to.be.false;
    expect(window.ran).to.deep.equal([]);
  });

  it('reports broken inline JSON with its cause', async () => {
    const { errors } = await errorsWhileMounting(html`<consent-banner><script type="application/json">{"revision": 1,}</script></consent-banner>`);
    expect(errors).to.have.length(1);
    expect(errors[0].kind).to.equal('config');
    expect(errors[0].path).to.equal('$');
    expect(errors[0].message).to.match(/^is not valid JSON \(.+\)$/);
  });

  it('reports every problem of an invalid config with its path, and keeps the page working', async () => {
    const { banner, errors } = await errorsWhileMounting(html`<div>
      <p id="content">Article text</p>
      <consent-banner><script type="application/json">
        {"revision": 1, "cookie": {"expiresDays": 500}, "links": {"privacy": "/p"},
         "categories": [{"id": "statistics", "label": "A", "services": [{"id": "stats", "name": "S", "cookies": [{"pattern": "(", "expires": "1 day"}]}]}]}
      </script></consent-banner>
    </div>`);
    expect(errors.map(({ path, message }) => `${path}: ${message}`)).to.have.members([
      '$.cookie.expiresDays: must be at most 395 (13 months)',
      '$.categories[0].services[0].cookies[0].pattern: must be a prefix, suffix or whole name; write a wildcard "name" such as "_pk_id.*"',
    ]);
    expect(openDialog(banner)).to.equal(null);
    expect(document.getElementById('content')!.textContent).to.equal('Article text');
  });

  it('reports duplicate ids, which only the cross-checks catch', async () => {
    const { errors } = await errorsWhileMounting(html`<consent-banner><script type="application/json">
        {"revision": 1, "links": {"privacy": "/p"},
         "categories": [{"id": "stats", "label": "A", "services": [{"id": "stats", "name": "S"}]}]}
      </script></consent-banner>`);
    expect(errors).to.deep.equal([{ kind: 'config', path: '$.categories[0].services[0].id', message: 'duplicate id "stats" (already used at $.categories[0].id)' }]);
  });

  it('says so when it has no config at all (on a page that has finished loading)', async () => {
    const { errors } = await errorsWhileMounting(html`<consent-banner></consent-banner>`);
    expect(errors).to.deep.equal([{ kind: 'config', path: '<consent-banner>', message: 'has no config (a src attribute, inline JSON or the config property)' }]);
  });

  it('takes a config set by a script right after inserting it, with no "has no config" error', async () => {
    const errors = collectEvents<ConsentErrorDetail>('consent-error');
    const banner = document.createElement('consent-banner');
    banner.lang = 'en';
    const holder = await fixture<HTMLElement>(html`<div></div>`);
    holder.append(banner);
    banner.config = testConfig({ revision: 5 });
    await banner.configApplied;
    errors.stop();
    expect(errors.events).to.deep.equal([]);
    expect(consent.config!.revision).to.equal(5);
    shownDialog(banner);
  });

  it('takes a config property that a script set before the element was defined', async () => {
    // The drop-in defines the element after the theme's classic scripts ran: the property then
    // sits on the not yet upgraded element. A name of its own lets this page see the upgrade.
    const holder = await fixture<HTMLElement>(html`<div><late-consent-banner lang="en"></late-consent-banner></div>`);
    const early = holder.firstElementChild as HTMLElement & { config?: unknown };
    early.config = testConfig({ revision: 6 });
    const errors = collectEvents<ConsentErrorDetail>('consent-error');
    customElements.define('late-consent-banner', class extends ConsentBanner {});
    const banner = early as ConsentBanner;
    await banner.configApplied;
    errors.stop();
    expect(errors.events).to.deep.equal([]);
    expect(consent.config!.revision).to.equal(6);
    expect(banner.config).to.equal(consent.config);
    shownDialog(banner);
  });

  it('a config property replaces the one it read from its markup, and configApplied waits for it', async () => {
    const banner = await fixture<ConsentBanner>(html`<consent-banner lang="en" src="/test/fixtures/consent.json"></consent-banner>`);
    await banner.configApplied;
    expect(consent.config!.revision).to.equal(4);
    // Unstamped, the new config is applied only once the validator has judged it.
    banner.config = testConfig({ revision: 8 });
    await banner.configApplied;
    expect(consent.config!.revision).to.equal(8);
  });
});

describe('<consent-banner> and browser privacy signals', () => {
  let stopSignal = () => {};
  beforeEach(async () => {
    freshPage();
    await recordNetwork();
  });
  afterEach(async () => {
    stopSignal();
    await loadsSettled();
    await clearAllCookies();
  });

  it('Global Privacy Control: no dialog (its code is not even loaded) and no vendor loaded', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    stopSignal = () => delete (navigator as unknown as Record<string, unknown>).globalPrivacyControl;
    const config = testConfig();
    config.categories[1].services.push({ id: 'matomo', name: 'Matomo', adapter: { type: 'matomo', url: '/test/fixtures/vendors/matomo/', siteId: 1 } as { type: string } });
    const banner = await mountBanner(config);
    expect(consent.decision!.method).to.equal('gpc');
    expect(openDialog(banner)).to.equal(null);
    expect(banner.shadowRoot).to.equal(null);
    // The Matomo adapter has started once its queue holds requireConsent; it loads nothing after a refusal.
    await waitUntil(() => Array.isArray((window as { _paq?: unknown })._paq), 'the Matomo adapter did not start', { timeout: 8000 });
    expect((await recordedRequests()).filter((url) => url.includes('/vendors/'))).to.deep.equal([]);
    delete (window as { _paq?: unknown })._paq;
  });
});

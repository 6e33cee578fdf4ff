import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { consent, type ConsentReadyDetail } from '../src/core/store.js';
import type { ConsentErrorDetail } from '../src/core/errors.js';
import type { ConsentBanner } from '../src/ui/consent-banner.js';
import { clearCookies, freshPage, openDialog, waitForDialog } from './support/helpers.js';

declare global {
  interface Window {
    ran?: string[];
  }
}

/** Collects every consent-error until the banner has settled its config. */
async function errorsWhileMounting(template: ReturnType<typeof html>): Promise<{ banner: ConsentBanner; errors: ConsentErrorDetail[] }> {
  const errors: ConsentErrorDetail[] = [];
  const collect = (event: Event) => errors.push((event as CustomEvent<ConsentErrorDetail>).detail);
  document.addEventListener('consent-error', collect);
  try {
    const page = await fixture<HTMLElement>(template);
    const banner = page.localName === 'consent-banner' ? (page as ConsentBanner) : page.querySelector('consent-banner')!;
    await banner.configApplied;
    return { banner, errors };
  } finally {
    document.removeEventListener('consent-error', collect);
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
    await waitForDialog(banner);
  });

  it('fetches the config named by src', async () => {
    const banner = await fixture<ConsentBanner>(html`<consent-banner lang="en" src="/test/fixtures/consent.json"></consent-banner>`);
    await banner.configApplied;
    expect(consent.config!.revision).to.equal(4);
    await waitForDialog(banner);
  });

  it('reports an unreachable src, shows nothing and loads nothing gated', async () => {
    const { banner, errors } = await errorsWhileMounting(html`<div>
      <script type="text/plain" data-consent="stats">window.ran.push('stats')</script>
      <consent-banner src="/test/fixtures/missing.json"></consent-banner>
    </div>`);
    expect(errors).to.deep.equal([{ kind: 'config', path: 'src "/test/fixtures/missing.json"', message: 'could not load the config (HTTP 404)' }]);
    expect(consent.ready).to.be.false;
    expect(openDialog(banner)).to.equal(null);
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
      <script type="text/plain" data-consent="stats">window.ran.push('stats')</script>
      <p id="content">Article text</p>
      <consent-banner><script type="application/json">
        {"revision": 1, "cookie": {"expiresDays": 500}, "links": {"privacy": "/p"},
         "categories": [{"id": "statistics", "label": "A", "services": [{"id": "stats", "name": "S", "cookies": [{"pattern": "(", "expires": "1 day"}]}]}]}
      </script></consent-banner>
    </div>`);
    expect(errors.map(({ path, message }) => `${path}: ${message}`)).to.have.members([
      '$.cookie.expiresDays: must be at most 395 (13 months)',
      '$.categories[0].services[0].cookies[0].pattern: is not a valid regular expression',
    ]);
    expect(openDialog(banner)).to.equal(null);
    expect(window.ran).to.deep.equal([]);
    expect(document.getElementById('content')!.textContent).to.equal('Article text');
  });

  it('reports duplicate ids, which only the cross-checks catch', async () => {
    const { errors } = await errorsWhileMounting(html`<consent-banner><script type="application/json">
        {"revision": 1, "links": {"privacy": "/p"},
         "categories": [{"id": "stats", "label": "A", "services": [{"id": "stats", "name": "S"}]}]}
      </script></consent-banner>`);
    expect(errors).to.deep.equal([{ kind: 'config', path: '$.categories[0].services[0].id', message: 'duplicate id "stats" (already used at $.categories[0].id)' }]);
  });

  it('says so when it has no config at all', async () => {
    const { errors } = await errorsWhileMounting(html`<consent-banner></consent-banner>`);
    expect(errors).to.have.length(1);
    expect(errors[0].path).to.equal('<consent-banner>');
  });
});

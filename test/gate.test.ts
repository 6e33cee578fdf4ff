import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { consent } from '../src/core/store.js';
import type { ConsentErrorDetail } from '../src/core/errors.js';
import { clearCookies, freshPage, mountBanner, recordNetwork, thirdPartyRequests } from './support/helpers.js';

declare global {
  interface Window {
    ran?: string[];
  }
}

/** A stand-in third party: the same test server under another host name. */
const thirdParty = () => `http://127.0.0.1:${location.port}/test/fixtures`;

async function mountGatedPage(): Promise<HTMLElement> {
  return fixture(html`<div>
    <script type="text/plain" data-consent="stats">window.ran.push('a')</script>
    <script type="text/plain" data-consent="stats" src="/test/fixtures/gated.js?b" data-extra="kept"></script>
    <script type="text/plain" data-consent="stats" nonce="n0nce-value">window.ran.push('c:' + document.currentScript.nonce)</script>
    <script type="text/plain" data-consent="statistics">window.ran.push('category')</script>
    <script type="text/plain" data-consent="video" src="/test/fixtures/gated.js?video"></script>
    <script type="text/plain" data-consent="social">window.ran.push('social')</script>
    <iframe title="Stand-in video" data-consent="video" data-src="${thirdParty()}/frame.html"></iframe>
    <img alt="" data-consent="video" data-src="${thirdParty()}/pixel.svg" />
  </div>`);
}

/** Waits until every script of the page that will run has run: the gate chains them, so the last marks the end. */
async function settle(last: string): Promise<void> {
  await waitUntil(() => window.ran!.includes(last), `script "${last}" did not run`);
}

describe('gating', () => {
  beforeEach(async () => {
    freshPage();
    window.ran = [];
    await recordNetwork();
  });
  afterEach(clearCookies);

  it('runs nothing and requests no third party before a decision', async () => {
    const page = await mountGatedPage();
    await mountBanner();
    expect(window.ran).to.deep.equal([]);
    expect(page.querySelector('iframe')!.hasAttribute('src')).to.be.false;
    expect(page.querySelector('img')!.hasAttribute('src')).to.be.false;
    expect(await thirdPartyRequests()).to.deep.equal([]);
  });

  it('runs nothing after "Reject all"', async () => {
    await mountGatedPage();
    await mountBanner();
    consent.rejectAll();
    await mountBanner();
    expect(window.ran).to.deep.equal([]);
    expect(await thirdPartyRequests()).to.deep.equal([]);
  });

  it('runs every allowed script once, in document order, with attributes and nonce kept', async () => {
    const page = await mountGatedPage();
    await mountBanner();
    consent.acceptAll();
    await settle('social');
    expect(window.ran).to.deep.equal(['a', 'b', 'c:n0nce-value', 'category', 'video', 'social']);
    const external = page.querySelector<HTMLScriptElement>('script[src$="?b"]')!;
    expect(external.type).to.equal('');
    expect(external.dataset.extra).to.equal('kept');

    consent.acceptAll();
    await mountBanner();
    expect(window.ran).to.have.length(6);
  });

  it('runs exactly the scripts a custom selection allows', async () => {
    await mountGatedPage();
    await mountBanner();
    consent.saveSelection(['stats', 'social']);
    await settle('social');
    expect(window.ran).to.deep.equal(['a', 'b', 'c:n0nce-value', 'social']);
    expect(await thirdPartyRequests()).to.deep.equal([]);
  });

  it('gives frames and images their source when allowed and takes it back on withdrawal', async () => {
    const page = await mountGatedPage();
    await mountBanner();
    const iframe = page.querySelector('iframe')!;
    const loaded = oneEvent(iframe, 'load');
    consent.saveSelection(['video']);
    await loaded;
    expect(iframe.src).to.equal(`${thirdParty()}/frame.html`);
    expect(page.querySelector('img')!.getAttribute('src')).to.equal(`${thirdParty()}/pixel.svg`);
    expect(await thirdPartyRequests()).to.include(`${thirdParty()}/frame.html`);

    consent.saveSelection([]);
    expect(iframe.getAttribute('src')).to.equal('about:blank');
    expect(page.querySelector('img')!.hasAttribute('src')).to.be.false;
  });

  it('gates markup added later, before and after the decision', async () => {
    const page = await mountGatedPage();
    await mountBanner();
    const early = Object.assign(document.createElement('script'), { type: 'text/plain', textContent: "window.ran.push('early')" });
    early.dataset.consent = 'heatmap';
    page.append(early);
    await new Promise((resolve) => setTimeout(resolve));
    expect(window.ran).to.deep.equal([]);

    consent.saveSelection(['heatmap']);
    await settle('early');
    const late = Object.assign(document.createElement('script'), { type: 'text/plain', textContent: "window.ran.push('late')" });
    late.dataset.consent = 'heatmap';
    page.append(late);
    await settle('late');
    expect(window.ran).to.deep.equal(['early', 'late']);
  });

  it('reports a gating attribute that names no category or service, and keeps it blocked', async () => {
    await mountBanner();
    consent.acceptAll();
    const error = oneEvent(document, 'consent-error');
    await fixture(html`<div><script type="text/plain" data-consent="statistcs">window.ran.push('typo')</script></div>`);
    const { detail } = (await error) as CustomEvent<ConsentErrorDetail>;
    expect(detail).to.deep.equal({
      kind: 'markup',
      path: '<script data-consent="statistcs">',
      message: '"statistcs" is no category or service of the config; blocked',
    });
    expect(window.ran).to.deep.equal([]);
  });

  it('loads nothing while the config is broken, even with a stored "accept all"', async () => {
    await mountBanner();
    consent.acceptAll();
    await mountGatedPage();
    const error = oneEvent(document, 'consent-error');
    await mountBanner({ revision: 1, categories: 'none' });
    await error;
    await mountGatedPage();
    await new Promise((resolve) => setTimeout(resolve));
    expect(window.ran!.filter((name) => name === 'a')).to.have.length(1);
    expect(consent.ready).to.be.false;
  });
});

import { expect, waitUntil } from '@open-wc/testing';
import { consent, type ConsentReadyDetail } from '../src/core/store.js';
import { oneEvent } from '@open-wc/testing';
import { dialogRoot, freshPage, clearAllCookies, mountBanner, openDialog, recordNetwork, recordedRequests, testConfig, waitForDialog } from './support/helpers.js';

/** Makes the browser send a privacy signal, as a browser setting or extension would. */
function sendSignal(name: 'globalPrivacyControl' | 'doNotTrack', value: boolean | string): () => void {
  Object.defineProperty(navigator, name, { value, configurable: true });
  return () => delete (navigator as unknown as Record<string, unknown>)[name];
}

const OPTIONAL = ['stats', 'heatmap', 'video', 'social'];

describe('browser privacy signals', () => {
  let stopSignal: () => void = () => {};
  beforeEach(async () => {
    freshPage();
    await recordNetwork();
  });
  afterEach(async () => {
    stopSignal();
    await clearAllCookies();
  });

  it('Global Privacy Control: a stored refusal with its source, no dialog, nothing loaded', async () => {
    stopSignal = sendSignal('globalPrivacyControl', true);
    const ready = oneEvent(document, 'consent-ready');
    const config = testConfig();
    config.categories[1].services.push({ id: 'matomo', name: 'Matomo', adapter: { type: 'matomo', url: '/test/fixtures/vendors/matomo/', siteId: 1 } as { type: string } });
    const banner = await mountBanner(config);
    const { detail } = (await ready) as CustomEvent<ConsentReadyDetail>;
    expect(detail.needsDecision).to.be.false;
    expect(detail.decision!.method).to.equal('gpc');
    expect(consent.decision!.grantedServices).to.deep.equal(['cms']);
    expect(document.cookie).to.match(/(^|; )consent=1\.[a-z0-9]{12}\.[a-z0-9]+\.1\.g\./);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openDialog(banner)).to.equal(null);
    expect((await recordedRequests()).filter((url) => url.includes('/vendors/'))).to.deep.equal([]);
  });

  it('still lets the visitor opt in explicitly, and withdraw again', async () => {
    stopSignal = sendSignal('globalPrivacyControl', true);
    const banner = await mountBanner();
    await banner.showSettings();
    await waitForDialog(banner);
    dialogRoot(banner)!.querySelector<HTMLInputElement>('input[aria-labelledby="service-video"]')!.click();
    dialogRoot(banner)!.querySelector<HTMLButtonElement>('button[data-action="save"]')!.click();
    expect(consent.isGranted('video')).to.be.true;
    expect(consent.decision!.method).to.equal('custom');

    // The next page view keeps the explicit choice although the signal is still sent.
    await mountBanner();
    expect(consent.isGranted('video')).to.be.true;
    consent.saveSelection([]);
    expect(consent.isGranted('video')).to.be.false;
  });

  it('Do Not Track is honoured the same way, stored as its own source', async () => {
    stopSignal = sendSignal('doNotTrack', '1');
    await mountBanner();
    expect(consent.decision!.method).to.equal('dnt');
    for (const id of OPTIONAL) expect(consent.isGranted(id)).to.be.false;
  });

  it('only answers what the visitor never decided: earlier grants stay when a new service appears', async () => {
    await mountBanner();
    consent.saveSelection(['stats']);
    stopSignal = sendSignal('globalPrivacyControl', true);
    const config = testConfig();
    config.categories[2].services.push({ id: 'maps', name: 'Maps' });
    await mountBanner(config);
    expect(consent.decision!.method).to.equal('gpc');
    expect(consent.isGranted('stats')).to.be.true;
    expect(consent.isGranted('maps')).to.be.false;
  });

  it('with "signals": false the dialog asks as usual', async () => {
    stopSignal = sendSignal('globalPrivacyControl', true);
    const banner = await mountBanner(testConfig({ signals: false }));
    await waitForDialog(banner);
    expect(consent.decision).to.equal(null);
    await waitUntil(() => openDialog(banner));
  });
});

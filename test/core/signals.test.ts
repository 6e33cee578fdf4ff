import { expect, oneEvent } from '@open-wc/testing';
import { ConsentStore, type ConsentReadyDetail } from '../../src/core/store.js';
import type { ConsentConfig } from '../../src/core/config-schema.js';
import { clearCookies, testConfig } from '../support/core.js';

/** Makes the browser send a privacy signal, as a browser setting or extension would. */
function sendSignal(name: 'globalPrivacyControl' | 'doNotTrack', value: boolean | string): () => void {
  Object.defineProperty(navigator, name, { value, configurable: true });
  return () => delete (navigator as unknown as Record<string, unknown>)[name];
}

const OPTIONAL = ['stats', 'heatmap', 'video', 'social'];

function pageView(config: ConsentConfig = testConfig()): ConsentStore {
  const store = new ConsentStore();
  store.configure(config);
  return store;
}

describe('browser privacy signals', () => {
  let stopSignal: () => void = () => {};
  beforeEach(clearCookies);
  afterEach(() => {
    stopSignal();
    clearCookies();
  });

  it('Global Privacy Control: a stored refusal with its source, decided before anyone hears of the config', async () => {
    stopSignal = sendSignal('globalPrivacyControl', true);
    const ready = oneEvent(document, 'consent-ready');
    const store = new ConsentStore();
    const seen: string[] = [];
    store.subscribe((notified, change) => seen.push(`${change.type}:${notified.needsDecision ? 'ask' : 'decided'}:${notified.decision?.method ?? '-'}`));
    store.configure(testConfig());
    const { detail } = (await ready) as CustomEvent<ConsentReadyDetail>;
    expect(detail.needsDecision).to.be.false;
    expect(detail.decision!.method).to.equal('gpc');
    // Listeners that would start asking on a new config (the banner) find the answer already there.
    expect(seen).to.deep.equal(['config:decided:gpc', 'decision:decided:gpc']);
    expect(store.decision!.grantedServices).to.deep.equal(['cms']);
    expect(document.cookie).to.match(/(^|; )consent=2g[0-9A-Za-z]{10}\.[a-z0-9]+\.1\./);
  });

  it('still lets the visitor opt in explicitly, and withdraw again', () => {
    stopSignal = sendSignal('globalPrivacyControl', true);
    const store = pageView();
    store.saveSelection(['video']);
    expect(store.isGranted('video')).to.be.true;
    expect(store.decision!.method).to.equal('custom');

    // The next page view keeps the explicit choice although the signal is still sent.
    const next = pageView();
    expect(next.isGranted('video')).to.be.true;
    next.saveSelection([]);
    expect(next.isGranted('video')).to.be.false;
  });

  it('Do Not Track is honoured the same way, stored as its own source', () => {
    stopSignal = sendSignal('doNotTrack', '1');
    const store = pageView();
    expect(store.decision!.method).to.equal('dnt');
    for (const id of OPTIONAL) expect(store.isGranted(id)).to.be.false;
  });

  it('only answers what the visitor never decided: earlier grants stay when a new service appears', () => {
    pageView().saveSelection(['stats']);
    stopSignal = sendSignal('globalPrivacyControl', true);
    const config = testConfig();
    config.categories[2].services.push({ id: 'maps', name: 'Maps' });
    const store = pageView(config);
    expect(store.decision!.method).to.equal('gpc');
    expect(store.isGranted('stats')).to.be.true;
    expect(store.isGranted('maps')).to.be.false;
  });

  it('with "signals": false the visitor is asked as usual', () => {
    stopSignal = sendSignal('globalPrivacyControl', true);
    const store = pageView(testConfig({ signals: false }));
    expect(store.decision).to.equal(null);
    expect(store.needsDecision).to.be.true;
  });
});

import { expect, oneEvent } from '@open-wc/testing';
import { encodeRecord, type DecisionRecord } from '../src/core/record.js';
import { consent, type ConsentDecision, type ConsentReadyDetail } from '../src/core/store.js';
import type { ConsentErrorDetail } from '../src/core/errors.js';
import { browserCookies, clearCookies, freshPage, mountBanner, setCookiesDisabled, testConfig } from './support/helpers.js';

const DAY = 24 * 3600 * 1000;
const OPTIONAL = ['stats', 'heatmap', 'video', 'social'];

function storeRecord(changes: Partial<DecisionRecord> = {}): void {
  const record: DecisionRecord = {
    consentId: 'abcdefghij12',
    decidedAt: Date.now() - DAY,
    revision: 1,
    method: 'custom',
    granted: ['stats'],
    denied: ['heatmap', 'video', 'social'],
    ...changes,
  };
  document.cookie = `consent=${encodeRecord(record)}; path=/`;
}

describe('decision store', () => {
  beforeEach(freshPage);
  afterEach(clearCookies);

  it('grants nothing optional before a decision and says a decision is needed', async () => {
    const ready = oneEvent(document, 'consent-ready');
    await mountBanner();
    const { detail } = (await ready) as CustomEvent<ConsentReadyDetail>;
    expect(detail).to.deep.equal({ decision: null, needsDecision: true });
    for (const id of [...OPTIONAL, 'statistics', 'media']) expect(consent.isGranted(id), id).to.be.false;
    expect(consent.isGranted('cms')).to.be.true;
    expect(consent.isGranted('necessary')).to.be.true;
    expect(consent.isGranted('nonexistent')).to.be.false;
  });

  it('stores accept-all in a first-party Lax cookie that expires 182 days after the decision', async () => {
    await mountBanner();
    const change = oneEvent(document, 'consent-change');
    consent.acceptAll();
    const { detail } = (await change) as CustomEvent<ConsentDecision>;
    expect(detail.method).to.equal('accept-all');
    expect(detail.grantedServices).to.have.members(['cms', ...OPTIONAL]);
    expect(detail.grantedCategories).to.have.members(['necessary', 'statistics', 'media']);
    expect(detail.deniedServices).to.deep.equal([]);
    expect(detail.revision).to.equal(1);
    expect(detail.consentId).to.match(/^[a-z0-9]{12}$/);
    expect(Math.abs(Date.parse(detail.decidedAt) - Date.now())).to.be.below(5000);

    const cookie = (await browserCookies()).find((candidate) => candidate.name === 'consent')!;
    expect(cookie.path).to.equal('/');
    expect(cookie.sameSite).to.equal('Lax');
    expect(cookie.domain).to.equal(location.hostname);
    const expectedExpiry = (Date.parse(detail.decidedAt) + 182 * DAY) / 1000;
    expect(Math.abs(cookie.expires - expectedExpiry)).to.be.below(5);
    expect(cookie.name.length + cookie.value.length + 1, cookie.value).to.be.below(100);
  });

  it('reads the decision back on the next page view, refusals included', async () => {
    await mountBanner();
    consent.rejectAll();
    const stored = consent.decision!;
    await mountBanner();
    expect(consent.needsDecision).to.be.false;
    expect(consent.decision).to.deep.equal(stored);
    expect(consent.decision!.method).to.equal('reject-all');
    for (const id of OPTIONAL) expect(consent.isGranted(id)).to.be.false;
  });

  it('keeps a custom selection exactly, and a category only counts when all its services are granted', async () => {
    await mountBanner();
    consent.saveSelection(['stats', 'video', 'social', 'cms', 'unknown']);
    await mountBanner();
    expect(consent.decision!.method).to.equal('custom');
    expect(consent.isGranted('stats')).to.be.true;
    expect(consent.isGranted('heatmap')).to.be.false;
    expect(consent.isGranted('statistics')).to.be.false;
    expect(consent.isGranted('media')).to.be.true;
    expect(consent.decision!.deniedServices).to.deep.equal(['heatmap']);
  });

  it('asks again once the decision is older than expiresDays, and grants nothing meanwhile', async () => {
    storeRecord({ decidedAt: Date.now() - 183 * DAY });
    await mountBanner();
    expect(consent.needsDecision).to.be.true;
    expect(consent.decision).to.equal(null);
    expect(consent.isGranted('stats')).to.be.false;

    storeRecord({ decidedAt: Date.now() - 31 * DAY });
    await mountBanner(testConfig({ cookie: { expiresDays: 30 } }));
    expect(consent.needsDecision).to.be.true;
    expect(consent.isGranted('stats')).to.be.false;

    storeRecord({ decidedAt: Date.now() - 29 * DAY });
    await mountBanner(testConfig({ cookie: { expiresDays: 30 } }));
    expect(consent.needsDecision).to.be.false;
    expect(consent.isGranted('stats')).to.be.true;
  });

  it('asks again when the config revision changed, and grants nothing meanwhile', async () => {
    storeRecord({ revision: 1 });
    await mountBanner(testConfig({ revision: 2 }));
    expect(consent.needsDecision).to.be.true;
    expect(consent.isGranted('stats')).to.be.false;
  });

  it('asks again when the config gained a service; the new one stays off, earlier choices stay', async () => {
    storeRecord();
    const config = testConfig();
    config.categories[2].services.push({ id: 'maps', name: 'Maps' });
    await mountBanner(config);
    expect(consent.needsDecision).to.be.true;
    expect(consent.isGranted('maps')).to.be.false;
    expect(consent.isGranted('stats')).to.be.true;
    expect(consent.isGranted('video')).to.be.false;
  });

  it('treats a tampered cookie as no decision and reports it', async () => {
    storeRecord();
    document.cookie = `consent=${document.cookie.match(/consent=([^;]+)/)![1].replace('.c.', '.a.')}; path=/`;
    const error = oneEvent(document, 'consent-error');
    await mountBanner();
    const { detail } = (await error) as CustomEvent<ConsentErrorDetail>;
    expect(detail.kind).to.equal('cookie');
    expect(detail.path).to.equal('cookie "consent"');
    expect(detail.message).to.match(/truncated or changed/);
    expect(consent.needsDecision).to.be.true;
    for (const id of OPTIONAL) expect(consent.isGranted(id)).to.be.false;
  });

  it('uses the cookie name from the config', async () => {
    await mountBanner(testConfig({ cookie: { name: 'press_consent' } }));
    consent.acceptAll();
    expect(document.cookie).to.match(/(^|; )press_consent=1\./);
    expect(document.cookie).not.to.match(/(^|; )consent=/);
  });

  it('works for the page view when the browser blocks cookies, and reports that it could not store', async () => {
    await setCookiesDisabled(true);
    try {
      await mountBanner();
      expect(consent.needsDecision).to.be.true;
      expect(consent.isGranted('stats')).to.be.false;
      const error = oneEvent(document, 'consent-error');
      consent.acceptAll();
      const { detail } = (await error) as CustomEvent<ConsentErrorDetail>;
      expect(detail.kind).to.equal('storage');
      expect(consent.isGranted('stats')).to.be.true;
    } finally {
      await setCookiesDisabled(false);
    }
    expect(document.cookie).not.to.match(/consent=/);
  });

  it('keeps calling other listeners when one throws', async () => {
    await mountBanner();
    const calls: string[] = [];
    const unsubscribeBroken = consent.subscribe(() => {
      throw new Error('vendor callback failed');
    });
    const unsubscribe = consent.subscribe(() => calls.push('called'));
    try {
      consent.rejectAll();
    } finally {
      unsubscribeBroken();
      unsubscribe();
    }
    expect(calls).to.deep.equal(['called']);
  });
});

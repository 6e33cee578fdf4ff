import { expect, oneEvent } from '@open-wc/testing';
import { encodeRecord, serviceTag, type DecisionRecord } from '../../src/core/record.js';
import { ConsentStore, type ConsentChange, type ConsentDecision, type ConsentReadyDetail } from '../../src/core/store.js';
import type { ConsentConfig } from '../../src/core/config-schema.js';
import type { ConsentErrorDetail } from '../../src/core/errors.js';
import { browserCookies, clearCookies, setCookiesDisabled, testConfig } from '../support/core.js';

const DAY = 24 * 3600 * 1000;
const OPTIONAL = ['stats', 'heatmap', 'video', 'social'];

function storeRecord(changes: Partial<DecisionRecord> = {}): void {
  const record: DecisionRecord = {
    consentId: 'aBcDeFgHi1',
    decidedAt: Date.now() - DAY,
    revision: 1,
    method: 'custom',
    granted: ['stats'].map(serviceTag),
    denied: ['heatmap', 'video', 'social'].map(serviceTag),
    ...changes,
  };
  document.cookie = `consent=${encodeRecord(record, '')}; path=/`;
}

/** A page view: a store of its own that reads the cookie against the config. */
function pageView(config: ConsentConfig = testConfig()): ConsentStore {
  const store = new ConsentStore();
  store.configure(config);
  return store;
}

describe('decision store', () => {
  beforeEach(clearCookies);
  afterEach(clearCookies);

  it('grants nothing optional before a decision and says a decision is needed', async () => {
    const ready = oneEvent(document, 'consent-ready');
    const store = pageView();
    const { detail } = (await ready) as CustomEvent<ConsentReadyDetail>;
    expect(detail).to.deep.equal({ decision: null, needsDecision: true });
    for (const id of [...OPTIONAL, 'statistics', 'media']) expect(store.isGranted(id), id).to.be.false;
    expect(store.isGranted('cms')).to.be.true;
    expect(store.isGranted('necessary')).to.be.true;
    expect(store.isGranted('nonexistent')).to.be.false;
  });

  it('grants nothing at all and knows no id while it has no valid config', () => {
    const store = new ConsentStore();
    expect(store.ready).to.be.false;
    expect(store.needsDecision).to.be.false;
    for (const id of ['cms', 'necessary', ...OPTIONAL]) expect(store.isGranted(id), id).to.be.false;
    store.acceptAll();
    expect(store.decision).to.equal(null);
    expect(document.cookie).not.to.match(/consent=/);
  });

  it('stores accept-all in a first-party Lax cookie that expires 182 days after the decision', async () => {
    const store = pageView();
    const change = oneEvent(document, 'consent-change');
    store.acceptAll();
    const { detail } = (await change) as CustomEvent<ConsentDecision>;
    expect(detail.method).to.equal('accept-all');
    expect(detail.grantedServices).to.have.members(['cms', ...OPTIONAL]);
    expect(detail.grantedCategories).to.have.members(['necessary', 'statistics', 'media']);
    expect(detail.deniedServices).to.deep.equal([]);
    expect(detail.revision).to.equal(1);
    expect(detail.consentId).to.match(/^[0-9A-Za-z]{10}$/);
    expect(Math.abs(Date.parse(detail.decidedAt) - Date.now())).to.be.below(5000);

    const cookie = (await browserCookies()).find((candidate) => candidate.name === 'consent')!;
    expect(cookie.path).to.equal('/');
    expect(cookie.sameSite).to.equal('Lax');
    expect(cookie.domain).to.equal(location.hostname);
    const expectedExpiry = (Date.parse(detail.decidedAt) + 182 * DAY) / 1000;
    expect(Math.abs(cookie.expires - expectedExpiry)).to.be.below(5);
    expect(cookie.name.length + cookie.value.length + 1, cookie.value).to.be.below(100);
  });

  it('reads the decision back on the next page view, refusals included', () => {
    const first = pageView();
    first.rejectAll();
    const next = pageView();
    expect(next.needsDecision).to.be.false;
    expect(next.decision).to.deep.equal(first.decision);
    expect(next.decision!.method).to.equal('reject-all');
    for (const id of OPTIONAL) expect(next.isGranted(id)).to.be.false;
  });

  it('keeps a custom selection exactly, and a category only counts when all its services are granted', () => {
    pageView().saveSelection(['stats', 'video', 'social', 'cms', 'unknown']);
    const store = pageView();
    expect(store.decision!.method).to.equal('custom');
    expect(store.isGranted('stats')).to.be.true;
    expect(store.isGranted('heatmap')).to.be.false;
    expect(store.isGranted('statistics')).to.be.false;
    expect(store.isGranted('media')).to.be.true;
    expect(store.decision!.deniedServices).to.deep.equal(['heatmap']);
  });

  it('"Always allow" grants one service and keeps every other stored choice', () => {
    pageView().saveSelection(['stats']);
    const store = pageView();
    store.grantService('video');
    expect(store.decision!.method).to.equal('placeholder');
    expect(pageView().decision!.grantedServices).to.have.members(['cms', 'stats', 'video']);
    store.grantService('cms');
    store.grantService('nonexistent');
    expect(store.decision!.method).to.equal('placeholder');
    expect(store.storedChoice('heatmap')).to.be.false;
  });

  it('asks again once the decision is older than expiresDays, and grants nothing meanwhile', () => {
    storeRecord({ decidedAt: Date.now() - 183 * DAY });
    let store = pageView();
    expect(store.needsDecision).to.be.true;
    expect(store.decision).to.equal(null);
    expect(store.isGranted('stats')).to.be.false;

    storeRecord({ decidedAt: Date.now() - 31 * DAY });
    store = pageView(testConfig({ cookie: { expiresDays: 30 } }));
    expect(store.needsDecision).to.be.true;
    expect(store.isGranted('stats')).to.be.false;

    storeRecord({ decidedAt: Date.now() - 29 * DAY });
    store = pageView(testConfig({ cookie: { expiresDays: 30 } }));
    expect(store.needsDecision).to.be.false;
    expect(store.isGranted('stats')).to.be.true;
  });

  it('asks again when the config revision changed, and grants nothing meanwhile', () => {
    storeRecord({ revision: 1 });
    const store = pageView(testConfig({ revision: 2 }));
    expect(store.needsDecision).to.be.true;
    expect(store.isGranted('stats')).to.be.false;
  });

  it('asks again when the config gained a service; the new one stays off, earlier choices stay', () => {
    storeRecord();
    const config = testConfig();
    config.categories[2].services.push({ id: 'maps', name: 'Maps' });
    const store = pageView(config);
    expect(store.needsDecision).to.be.true;
    expect(store.isGranted('maps')).to.be.false;
    expect(store.isGranted('stats')).to.be.true;
    expect(store.isGranted('video')).to.be.false;
  });

  it('treats a tampered cookie as no decision and reports it', async () => {
    storeRecord();
    document.cookie = `consent=${document.cookie.match(/consent=([^;]+)/)![1].replace(/^2c/, '2a')}; path=/`;
    const error = oneEvent(document, 'consent-error');
    const store = pageView();
    const { detail } = (await error) as CustomEvent<ConsentErrorDetail>;
    expect(detail.kind).to.equal('cookie');
    expect(detail.path).to.equal('cookie "consent"');
    expect(detail.message).to.match(/truncated or changed/);
    expect(store.needsDecision).to.be.true;
    for (const id of OPTIONAL) expect(store.isGranted(id)).to.be.false;
  });

  it('uses the cookie name from the config', () => {
    pageView(testConfig({ cookie: { name: 'press_consent' } })).acceptAll();
    expect(document.cookie).to.match(/(^|; )press_consent=2a/);
    expect(document.cookie).not.to.match(/(^|; )consent=/);
  });

  it('works for the page view when the browser blocks cookies, and reports that it could not store', async () => {
    await setCookiesDisabled(true);
    try {
      const store = pageView();
      expect(store.needsDecision).to.be.true;
      expect(store.isGranted('stats')).to.be.false;
      const error = oneEvent(document, 'consent-error');
      store.acceptAll();
      const { detail } = (await error) as CustomEvent<ConsentErrorDetail>;
      expect(detail.kind).to.equal('storage');
      expect(store.isGranted('stats')).to.be.true;
    } finally {
      await setCookiesDisabled(false);
    }
    expect(document.cookie).not.to.match(/consent=/);
  });
});

describe('"necessary" means necessary', () => {
  beforeEach(clearCookies);
  afterEach(clearCookies);

  /** The test config with a second service in the required category. */
  const withNecessary = (service: Record<string, unknown>): ConsentConfig => {
    const config = testConfig();
    config.categories[0].services.push({ id: 'counter', name: 'Counter', ...service } as ConsentConfig['categories'][0]['services'][0]);
    return config;
  };
  const WARNING = '"counter" looks like statistics or media (the cookie "emos_*") but is required without a "necessaryJustification"; it waits for consent';

  /**
   * Configures a store, returning the consent-error events and console warnings of that moment,
   * or (`warned`) once the warnings have come: their code loads first. They come together.
   */
  async function configured(config: ConsentConfig, warned = false): Promise<{ store: ConsentStore; errors: ConsentErrorDetail[]; warnings: string[] }> {
    const errors: ConsentErrorDetail[] = [];
    const warnings: string[] = [];
    const onError = (event: Event) => errors.push((event as CustomEvent<ConsentErrorDetail>).detail);
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    document.addEventListener('consent-error', onError);
    try {
      const arrived = warned && oneEvent(document, 'consent-error');
      const store = pageView(config);
      await arrived;
      return { store, errors, warnings };
    } finally {
      console.warn = warn;
      document.removeEventListener('consent-error', onError);
    }
  }

  it('a required service with a tracking cookie and no justification waits for consent, and the page warns once with its path', async () => {
    const { store, errors, warnings } = await configured(withNecessary({ cookies: [{ name: 'emos_*', expires: 'session' }] }), true);
    expect(errors).to.deep.equal([{ kind: 'config', path: '$.categories[0].services[1]', message: WARNING }]);
    expect(warnings).to.deep.equal([`[consent-banner] config error at $.categories[0].services[1]: ${WARNING}`]);
    expect(store.isRequired('counter')).to.be.false;
    expect(store.isRequired('cms')).to.be.true;
    expect(store.isGranted('counter')).to.be.false;
    expect(store.isGranted('cms')).to.be.true;
    expect(store.isGranted('necessary'), 'the category, while one of its services waits').to.be.false;
    expect(store.needsDecision).to.be.true;

    store.rejectAll();
    expect(store.isGranted('counter')).to.be.false;
    expect(store.decision!.deniedServices).to.include('counter');
    store.acceptAll();
    // Stored like any optional service, and read back on the next page view.
    // (Its warning is awaited too, so it does not land in the next test.)
    const { store: next } = await configured(withNecessary({ cookies: [{ name: 'emos_*', expires: 'session' }] }), true);
    expect(next.isGranted('counter')).to.be.true;
    expect(next.isGranted('necessary')).to.be.true;
    expect(next.decision!.grantedServices).to.include('counter');
  });

  it('an analytics adapter counts too; "Always allow" and a saved selection can grant it', async () => {
    const { store, errors } = await configured(withNecessary({ adapter: { type: 'plausible', domain: 'example.org' } }), true);
    expect(errors.map(({ path, message }) => `${path}: ${message}`)).to.deep.equal(['$.categories[0].services[1]: "counter" looks like statistics or media (the plausible adapter) but is required without a "necessaryJustification"; it waits for consent']);
    store.saveSelection(['counter']);
    expect(store.isGranted('counter')).to.be.true;
    store.rejectAll();
    store.grantService('counter');
    expect(store.isGranted('counter')).to.be.true;
  });

  it('with a justification it runs before any choice, silently', async () => {
    const { store, errors, warnings } = await configured(withNecessary({ cookies: [{ name: 'emos_jcsid', expires: 'session' }], necessaryJustification: 'Counts visits without a visitor id.' }));
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
    expect(store.isRequired('counter')).to.be.true;
    expect(store.isGranted('counter')).to.be.true;
    store.rejectAll();
    expect(store.isGranted('counter')).to.be.true;
    expect(store.decision!.deniedServices).not.to.include('counter');
  });

  it('a session cookie of its own makes no doubt', async () => {
    const { store, errors } = await configured(withNecessary({ cookies: [{ name: 'cms_lang', expires: 'session' }] }));
    expect(errors).to.deep.equal([]);
    expect(store.isGranted('counter')).to.be.true;
  });
});

describe('change notifications', () => {
  beforeEach(clearCookies);
  afterEach(clearCookies);

  /** Subscribes to a fresh store and records what each notification said. */
  function watched(): { store: ConsentStore; changes: ConsentChange[] } {
    const store = new ConsentStore();
    const changes: ConsentChange[] = [];
    store.subscribe((notified, change) => {
      expect(notified).to.equal(store);
      changes.push(change);
    });
    return { store, changes };
  }

  it('say "config" when a config is taken or rejected', () => {
    const { store, changes } = watched();
    store.configure(testConfig());
    store.configure(null);
    expect(changes).to.deep.equal([{ type: 'config' }, { type: 'config' }]);
  });

  it('say "decision" with the new decision, the one it replaced, and whether a decision was due', () => {
    const { store, changes } = watched();
    store.configure(testConfig());
    store.acceptAll();
    const accepted = store.decision!;
    store.saveSelection(['video']);
    expect(changes.map((change) => change.type)).to.deep.equal(['config', 'decision', 'decision']);
    expect(changes[1]).to.deep.equal({ type: 'decision', decision: accepted, previous: null, neededDecision: true });
    expect(changes[2]).to.deep.equal({ type: 'decision', decision: store.decision, previous: accepted, neededDecision: false });
  });

  it('carry a decision a visitor never completed as the previous one when a new service appears', () => {
    pageView().rejectAll();
    const config = testConfig();
    config.categories[2].services.push({ id: 'maps', name: 'Maps' });
    const { store, changes } = watched();
    store.configure(config);
    const earlier = store.decision!;
    expect(earlier.method).to.equal('reject-all');
    store.acceptAll();
    expect(changes[1]).to.deep.include({ previous: earlier, neededDecision: true });
  });

  it('keep reaching other listeners when one throws, and stop after unsubscribing', () => {
    const store = pageView();
    const calls: string[] = [];
    const unsubscribeBroken = store.subscribe(() => {
      throw new Error('vendor callback failed');
    });
    const unsubscribe = store.subscribe((_store, change) => calls.push(change.type));
    store.rejectAll();
    unsubscribeBroken();
    unsubscribe();
    store.acceptAll();
    expect(calls).to.deep.equal(['decision']);
  });
});

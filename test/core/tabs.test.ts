// Two stores on one page share its cookie jar and hear each other's BroadcastChannel, as
// two tabs of one site do: what one tab decides, the other follows without a reload.
import { expect } from '@open-wc/testing';
import { ConsentStore, type ConsentChange } from '../../src/core/store.js';
import { encodeRecord, serviceTag } from '../../src/core/record.js';
import { startTabSync } from '../../src/core/tabs.js';
import { clearCookies, testConfig } from '../support/core.js';

const stops: (() => void)[] = [];

/** A tab: a store with the sync started, configured with the test config. */
function openTab(): ConsentStore {
  const store = new ConsentStore();
  stops.push(startTabSync(store));
  store.configure(testConfig());
  return store;
}

/** The next change the store announces. */
const nextChange = (store: ConsentStore) =>
  new Promise<ConsentChange>((resolve) => {
    const unsubscribe = store.subscribe((_store, change) => {
      unsubscribe();
      resolve(change);
    });
  });

describe('one decision in every tab', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    clearCookies();
  });

  it('a decision in one tab reaches the other with the same consent id', async () => {
    const first = openTab();
    const second = openTab();
    expect(first.needsDecision).to.be.true;
    const heard = nextChange(first);
    second.acceptAll();
    const change = await heard;
    expect(change.type).to.equal('decision');
    expect(first.decision).to.deep.equal(second.decision);
    expect(change.type === 'decision' && change.neededDecision, 'the first tab was asking').to.be.true;
    expect(first.isGranted('video')).to.be.true;
  });

  it('a withdrawal in one tab takes effect in the other', async () => {
    const first = openTab();
    const second = openTab();
    second.acceptAll();
    await nextChange(first);
    const heard = nextChange(first);
    second.rejectAll();
    await heard;
    for (const id of ['stats', 'heatmap', 'video', 'social']) expect(first.isGranted(id), id).to.be.false;
    expect(first.decision!.consentId).to.equal(second.decision!.consentId);
    expect(first.decision!.method).to.equal('reject-all');
  });

  it('"Always allow" in a tab that has not heard yet keeps the newer decision of the other tab', () => {
    const stale = openTab();
    const other = openTab();
    other.saveSelection(['stats', 'heatmap', 'social']);
    // Synchronously: the other tab's message has not arrived; the write reads the cookie as it is now.
    stale.grantService('video');
    expect(stale.needsDecision).to.be.false;
    expect(stale.decision!.grantedServices).to.include.members(['stats', 'heatmap', 'social', 'video']);
    const reread = new ConsentStore();
    reread.configure(testConfig());
    expect(reread.decision!.grantedServices).to.include.members(['stats', 'heatmap', 'social', 'video']);
  });

  it('a record changed without a message (a subdomain sharing it) is read when the tab becomes visible', () => {
    const tab = openTab();
    const changes: ConsentChange[] = [];
    tab.subscribe((_store, change) => changes.push(change));
    const record = { consentId: 'Shared0Rec', decidedAt: Math.floor(Date.now() / 1000) * 1000, revision: 1, method: 'accept-all' as const, granted: ['stats', 'heatmap', 'video', 'social'].map(serviceTag), denied: [] };
    document.cookie = `consent=${encodeRecord(record, '')}; path=/`;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(changes.map((change) => change.type)).to.deep.equal(['decision']);
    expect(tab.decision!.consentId).to.equal('Shared0Rec');
    expect(tab.isGranted('video')).to.be.true;
  });

  it('a tab that looks while another tab rewrites the cookie (the old copy gone, the new one not yet there) follows at its next look', () => {
    // No tab sync here: each look is a call to refresh(), as a message or a cookie change event makes it.
    const looking = new ConsentStore();
    looking.configure(testConfig());
    const deciding = new ConsentStore();
    deciding.configure(testConfig());
    deciding.acceptAll();
    // The second look at the cookie (the one the record is read from) falls into the other tab's write.
    const jar = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    let looks = 0;
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => (++looks === 2 ? '' : jar.get!.call(document)), set: (value) => jar.set!.call(document, value) });
    try {
      looking.refresh();
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
    expect(looks, 'the stub saw the looks').to.be.at.least(2);
    expect(looking.decision, 'no record where none was to be seen').to.equal(null);
    looking.refresh();
    expect(looking.decision?.consentId).to.equal(deciding.decision!.consentId);
  });

  it('stops listening when stopped', async () => {
    const first = new ConsentStore();
    const stop = startTabSync(first);
    first.configure(testConfig());
    stop();
    const second = openTab();
    const probe = openTab();
    const heard = nextChange(probe);
    second.acceptAll();
    await heard;
    expect(first.needsDecision, 'the stopped tab did not follow').to.be.true;
  });
});

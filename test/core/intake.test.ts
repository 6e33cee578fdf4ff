import { expect, fixture, html } from '@open-wc/testing';
import { configIntake, markupSource } from '../../src/core/intake.js';
import { ConsentStore, type ConsentChange } from '../../src/core/store.js';
import type { ConsentErrorDetail } from '../../src/core/errors.js';
import { configStamp } from '../../src/core/config-stamp.js';
import { clearCookies, collectEvents, testConfig } from '../support/core.js';

/** The config with its stamp, as `consent-banner-check --stamp` writes it. */
const stamped = <T extends object>(config: T): T => ({ ...config, checked: configStamp(config) });

describe('config intake', () => {
  let store: ConsentStore;
  let take: ReturnType<typeof configIntake>;
  let errors: ReturnType<typeof collectEvents<ConsentErrorDetail>>;

  beforeEach(() => {
    clearCookies();
    store = new ConsentStore();
    take = configIntake(store);
    errors = collectEvents<ConsentErrorDetail>('consent-error');
  });
  afterEach(() => errors.stop());

  it('takes a stamped object or JSON text at once, before the call returns', () => {
    void take({ value: stamped(testConfig({ revision: 3 })) });
    expect(store.config!.revision).to.equal(3);
    void take({ text: JSON.stringify(stamped(testConfig({ revision: 4 }))) });
    expect(store.config!.revision).to.equal(4);
    expect(errors.events).to.deep.equal([]);
  });

  it('validates an unstamped config once the validator is there', async () => {
    const taking = take({ value: testConfig({ revision: 3 }) });
    expect(store.ready, 'not before the validator ran').to.be.false;
    await taking;
    expect(store.config!.revision).to.equal(3);
    await take({ text: JSON.stringify(testConfig({ revision: 4 })) });
    expect(store.config!.revision).to.equal(4);
    expect(errors.events).to.deep.equal([]);
  });

  it('does not validate a config with its current stamp again (consent-banner-check did), but one edited since', async () => {
    // Stamped as it is, a negative revision shows that the page did not check again.
    void take({ value: stamped(testConfig({ revision: -1 })) });
    expect(store.config!.revision).to.equal(-1);
    const edited = { ...stamped(testConfig({ revision: 2 })), revision: -2 };
    await take({ value: edited });
    expect(store.config).to.equal(null);
    expect(errors.events.map(({ kind, path }) => `${kind} ${path}`)).to.deep.equal(['config $.revision']);
  });

  it('fetches a URL', async () => {
    await take({ src: '/test/fixtures/consent.json' });
    expect(store.config!.revision).to.equal(4);
    expect(errors.events).to.deep.equal([]);
  });

  it('lets the newest source win: a fetch that ends after a newer config changes nothing', async () => {
    const changes: ConsentChange[] = [];
    store.subscribe((_store, change) => changes.push(change));
    const fetching = take({ src: '/test/fixtures/consent.json' });
    void take({ value: testConfig({ revision: 9 }) });
    await fetching;
    expect(store.config!.revision).to.equal(9);
    expect(changes).to.deep.equal([{ type: 'config' }]);
  });

  it('reports a config it cannot fetch, and leaves the store unconfigured', async () => {
    store.configure(testConfig());
    await take({ src: '/test/fixtures/missing.json' });
    expect(errors.events).to.deep.equal([{ kind: 'config', path: 'src "/test/fixtures/missing.json"', message: 'could not load the config (HTTP 404)' }]);
    expect(store.ready).to.be.false;
  });

  it('reports every problem of an invalid config with its JSON path, and grants nothing', async () => {
    await take({ text: '{"revision": 1,}' });
    expect(errors.events).to.have.length(1);
    expect(errors.events[0].path).to.equal('$');
    expect(errors.events[0].message).to.match(/^is not valid JSON \(.+\)$/);

    await take({ value: { ...testConfig(), revision: -1, links: {} } });
    expect(errors.events.slice(1).map(({ path, message }) => `${path}: ${message}`)).to.have.members([
      '$.revision: must not be negative',
      '$.links.privacy: is required',
    ]);
    expect(store.ready).to.be.false;
    expect(store.isGranted('cms')).to.be.false;
  });

  it('reports a missing config at once when the page has already loaded', async () => {
    await take(null);
    expect(errors.events).to.deep.equal([{ kind: 'config', path: '<consent-banner>', message: 'has no config (a src attribute, inline JSON or the config property)' }]);
  });

  it('reports no missing config when one arrives meanwhile', async () => {
    const waiting = take(null);
    void take({ value: testConfig() });
    await waiting;
    expect(errors.events).to.deep.equal([]);
    expect(store.ready).to.be.true;
  });

  it('reads the source from markup: inline JSON first, else the src attribute', async () => {
    const inline = await fixture(html`<consent-banner-stand-in src="/consent.json"><script type="application/json">{"revision": 2}</script></consent-banner-stand-in>`);
    expect(markupSource(inline)).to.deep.equal({ text: '{"revision": 2}' });
    const remote = await fixture(html`<consent-banner-stand-in src="/consent.json"></consent-banner-stand-in>`);
    expect(markupSource(remote)).to.deep.equal({ src: '/consent.json' });
    const nested = await fixture(html`<consent-banner-stand-in><div><script type="application/json">{}</script></div></consent-banner-stand-in>`);
    expect(markupSource(nested)).to.equal(null);
  });
});

import { expect } from '@open-wc/testing';
import { deleteCookies, startCleaner } from '../../src/core/cleaner.js';
import { matchesCookieName, patternToWildcard } from '../../src/core/cookie-names.js';
import { ConsentStore } from '../../src/core/store.js';
import { browserCookies, clearAllCookies, clearCookies, cookieNames, testConfig } from '../support/core.js';

/**
 * Cookies as the stand-in vendors would set them. `hm_id` sits on the path the config
 * declares for it (/test), where this page (at /) cannot even see it.
 */
function setVendorCookies(): void {
  document.cookie = '_stat=1; path=/';
  document.cookie = '_sx_id=2; path=/';
  document.cookie = '_sx_ses=3';
  document.cookie = 'x_sx_keep=4; path=/';
  document.cookie = 'hm_id=5; path=/test';
  document.cookie = 'PHPSESSID=6; path=/';
  document.cookie = 'theme=dark; path=/';
}

const names = async () => (await browserCookies()).map((cookie) => cookie.name);

describe('cookie clean-up', () => {
  let store: ConsentStore;
  let stop: () => void;

  /** A page view with the cleaner running on a store of its own. */
  function pageView(config = testConfig()): void {
    stop?.();
    store = new ConsentStore();
    stop = startCleaner(store);
    store.configure(config);
  }

  beforeEach(clearCookies);
  afterEach(async () => {
    stop();
    await clearAllCookies();
  });

  it('deletes the declared cookies (exact names and patterns, on every path) after "Reject all"', async () => {
    pageView();
    setVendorCookies();
    store.rejectAll();
    expect(await names()).to.have.members(['consent', 'x_sx_keep', 'PHPSESSID', 'theme']);
  });

  it("leaves the cookie of a justified reduced mode to its adapter, and deletes the full mode's", async () => {
    const withReduced = (justification: Record<string, string>) => {
      const config = testConfig();
      config.categories[1].services.push({
        id: 'econda',
        name: 'econda',
        cookies: [{ name: 'emos_jcsid', expires: 'session', reducedMode: true }, { name: 'emos_jcvid', expires: '1 year' }],
        ...justification,
      });
      return config;
    };
    document.cookie = 'emos_jcsid=1; path=/';
    document.cookie = 'emos_jcvid=2; path=/';
    pageView(withReduced({ necessaryJustification: 'Counts visits without a visitor id.' }));
    store.rejectAll();
    expect((await names()).filter((name) => name.startsWith('emos_'))).to.deep.equal(['emos_jcsid']);
    // Without a justification there is no reduced mode: its cookie goes too.
    pageView(withReduced({}));
    expect((await names()).filter((name) => name.startsWith('emos_'))).to.deep.equal([]);
  });

  it("deletes a withdrawn service's cookies at once and leaves granted ones", async () => {
    pageView();
    store.acceptAll();
    setVendorCookies();
    store.saveSelection(['heatmap', 'video', 'social']);
    const remaining = await names();
    expect(remaining).to.include('hm_id');
    expect(remaining).not.to.include.members(['_stat', '_sx_id', '_sx_ses']);
    expect(cookieNames()).to.include('x_sx_keep');
  });

  it('deletes a cookie on the domain the config declares for it', async () => {
    document.cookie = `hm_id=7; path=/; domain=${location.hostname}`;
    const config = testConfig();
    config.categories[1].services[1].cookies = [{ name: 'hm_id', expires: '1 day', domain: location.hostname }];
    pageView(config);
    expect((await browserCookies()).filter((cookie) => cookie.name === 'hm_id' && cookie.path === '/')).to.deep.equal([]);
  });

  it('writes no cookie on a page view where none of the declared cookies exists', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    pageView();
    store.rejectAll();
    const writes: string[] = [];
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => descriptor.get!.call(document),
      set: (value: string) => {
        writes.push(value);
        descriptor.set!.call(document, value);
      },
    });
    // Without the declared /test path: every declared cookie could be seen here if it existed.
    const config = testConfig();
    delete config.categories[1].services[1].cookies![0].path;
    try {
      pageView(config);
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
    expect(writes).to.deep.equal([]);
    expect(store.decision!.method).to.equal('reject-all');
  });

  it('deletes cookies of services without consent on page load', async () => {
    setVendorCookies();
    pageView();
    expect(await names()).to.have.members(['x_sx_keep', 'PHPSESSID', 'theme']);
  });

  it('stops: after its stop function a withdrawal deletes nothing', async () => {
    pageView();
    store.acceptAll();
    document.cookie = '_stat=1; path=/';
    stop();
    store.rejectAll();
    expect(cookieNames()).to.include('_stat');
  });
});

describe('declared cookie names', () => {
  afterEach(clearAllCookies);

  it('deletes by wildcard name, only what matches', async () => {
    document.cookie = '_pk_id.7.1a2b=1; path=/';
    document.cookie = '_pk_id=2; path=/';
    document.cookie = 'x_pk_id.7=3; path=/';
    document.cookie = '_pk_ses.7.1a2b=4; path=/';
    expect(deleteCookies([{ name: '_pk_id.*' }, { name: '*ses.7.*' }]).sort()).to.deep.equal(['_pk_id.7.1a2b', '_pk_ses.7.1a2b']);
    expect((await browserCookies()).map((cookie) => cookie.name).sort()).to.deep.equal(['_pk_id', 'x_pk_id.7']);
  });

  it('reads a v1 pattern as the wildcard it means', () => {
    expect(['^_pk_id', '^emos_', '^_pk_id\\.', '_ga$', '^_pk_id\\..*$', '^_ga.+', '^foo$', 'mid'].map(patternToWildcard)).to.deep.equal([
      '_pk_id*',
      'emos_*',
      '_pk_id.*',
      '*_ga',
      '_pk_id.*',
      '_ga*',
      'foo',
      '*mid*',
    ]);
    for (const pattern of ['^(a+)+$', '^(_pk_|mtm_)', '^_ga.', '\\d+', '^x\\*', '[a-z]+', 'a|b', 'a?']) expect(patternToWildcard(pattern), pattern).to.equal(null);
  });

  it('matches wildcards by their parts, in order, with no backtracking', () => {
    const cases: [string, string, boolean][] = [
      ['_pk_id.1.ab', '_pk_id.*', true],
      ['_pk_id', '_pk_id.*', false],
      ['x_ga', '*_ga', true],
      ['_gax', '*_ga', false],
      ['aXbYc', 'a*b*c', true],
      ['abc', 'a*bc*c', false],
      ['abcc', 'a*bc*c', true],
      ['a', 'a*a', false],
      ['exact', 'exact', true],
      ['exactly', 'exact', false],
    ];
    for (const [name, declared, matches] of cases) expect(matchesCookieName(name, declared), `${name} ~ ${declared}`).to.equal(matches);
    // The name that made `^(a+)+$` take seconds: here a handful of string searches.
    expect(matchesCookieName(`${'a'.repeat(5000)}!`, 'a*a*a*a*a')).to.be.false;
  });
});

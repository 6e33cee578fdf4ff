import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { startGate, stoppedByReload } from '../../src/core/gate.js';
import { ConsentStore } from '../../src/core/store.js';
import type { ConsentErrorDetail } from '../../src/core/errors.js';
import { clearCookies, loadsSettled, mutationHandled, recordNetwork, settled, testConfig, thirdPartyRequests } from '../support/core.js';

declare global {
  interface Window {
    ran?: string[];
  }
}

/** A stand-in third party: the same test server under another host name. */
const thirdParty = () => `http://127.0.0.1:${location.port}/test/fixtures`;

function gatedMarkup() {
  return html`<div>
    <script type="text/plain" data-consent="stats">window.ran.push('a')</script>
    <script type="text/plain" data-consent="stats" src="/test/fixtures/gated.js?b" data-extra="kept"></script>
    <script type="text/plain" data-consent="stats" nonce="n0nce-value">window.ran.push('c:' + document.currentScript.nonce)</script>
    <script type="text/plain" data-consent="statistics">window.ran.push('category')</script>
    <script type="text/plain" data-consent="video" src="/test/fixtures/gated.js?video"></script>
    <script type="text/plain" data-consent="social">window.ran.push('social')</script>
    <iframe title="Stand-in video" data-consent="video" data-src="${thirdParty()}/frame.html"></iframe>
    <img alt="" data-consent="video" data-src="${thirdParty()}/pixel.svg" />
    <script type="text/plain" data-consent="cms">window.ran.push('necessary')</script>
  </div>`;
}

/**
 * A gated script of a necessary service: it always runs, and after every gated script
 * the same pass of the gate let through, so once it has run, anything wrongly let through
 * has run too.
 */
function sentinel(name: string): HTMLScriptElement {
  const script = Object.assign(document.createElement('script'), { type: 'text/plain', textContent: `window.ran.push('${name}')` });
  script.dataset.consent = 'cms';
  return script;
}

/** Waits until a gated script has run: the gate chains them in document order, so the last one marks the end. */
function ran(name: string): Promise<void> {
  return new Promise((resolve) => {
    const ran = window.ran!;
    const push = ran.push.bind(ran);
    ran.push = (...names: string[]) => {
      const length = push(...names);
      if (names.includes(name)) resolve();
      return length;
    };
    if (ran.includes(name)) resolve();
  });
}

describe('gating', () => {
  let store: ConsentStore;
  let page: HTMLElement;
  let stop: () => void;

  /** A page with gated markup, gated by a store of its own with the test config. */
  async function gatedPage(): Promise<void> {
    page = await fixture(gatedMarkup());
    store = new ConsentStore();
    stop = startGate(store, page);
    store.configure(testConfig({ reloadOnWithdrawal: false }));
  }

  beforeEach(async () => {
    clearCookies();
    window.ran = [];
    await recordNetwork();
  });
  afterEach(async () => {
    stop();
    await loadsSettled();
    clearCookies();
  });

  it('runs nothing optional and requests no third party before a decision', async () => {
    await gatedPage();
    await ran('necessary');
    expect(window.ran).to.deep.equal(['necessary']);
    expect(page.querySelector('iframe')!.hasAttribute('src')).to.be.false;
    expect(page.querySelector('img')!.hasAttribute('src')).to.be.false;
    expect(await thirdPartyRequests()).to.deep.equal([]);
  });

  it('keeps a blocked frame out of the Tab order until it loads, and leaves a tabindex the page set alone', async () => {
    await gatedPage();
    const frame = page.querySelector('iframe')!;
    const own = Object.assign(document.createElement('iframe'), { title: 'Own tab stop', tabIndex: 0 });
    own.dataset.consent = 'video';
    own.dataset.src = `${thirdParty()}/frame.html`;
    const handled = mutationHandled(page);
    page.append(own);
    await handled;
    expect([frame.getAttribute('tabindex'), own.getAttribute('tabindex')]).to.deep.equal(['-1', '0']);
    store.acceptAll();
    expect([frame.hasAttribute('tabindex'), frame.hasAttribute('src'), own.getAttribute('tabindex')]).to.deep.equal([false, true, '0']);
    // (The scripts this let through finish before the next test.)
    await ran('social');
    // Withdrawn: blocked again, out of the Tab order again.
    store.rejectAll();
    expect(frame.getAttribute('tabindex')).to.equal('-1');
  });

  it('runs nothing before the store has a config, even with a stored "accept all"', async () => {
    const decided = new ConsentStore();
    decided.configure(testConfig({ reloadOnWithdrawal: false }));
    decided.acceptAll();
    page = await fixture(gatedMarkup());
    store = new ConsentStore();
    stop = startGate(store, page);
    store.configure(null);
    // Frames get their source in the gate's pass itself: a pass that let anything through would show here.
    expect(page.querySelector('iframe')!.hasAttribute('src')).to.be.false;
    store.configure(testConfig({ reloadOnWithdrawal: false }));
    expect(page.querySelector('iframe')!.hasAttribute('src')).to.be.true;
    await ran('necessary');
    expect(window.ran).to.deep.equal(['a', 'b', 'c:n0nce-value', 'category', 'video', 'social', 'necessary']);
  });

  it('runs nothing after "Reject all", also on the next page view', async () => {
    await gatedPage();
    store.rejectAll();
    stop();
    window.ran = [];
    await gatedPage();
    await ran('necessary');
    expect(window.ran).to.deep.equal(['necessary']);
    expect(page.querySelector('iframe')!.hasAttribute('src')).to.be.false;
    expect(await thirdPartyRequests()).to.deep.equal([]);
  });

  it('runs every allowed script once, in document order, with attributes and nonce kept', async () => {
    await gatedPage();
    await ran('necessary');
    store.acceptAll();
    await ran('social');
    expect(window.ran).to.deep.equal(['necessary', 'a', 'b', 'c:n0nce-value', 'category', 'video', 'social']);
    const external = page.querySelector<HTMLScriptElement>('script[src$="?b"]')!;
    expect(external.type).to.equal('');
    expect(external.dataset.extra).to.equal('kept');

    // Further decisions and a new config run nothing a second time.
    store.acceptAll();
    store.configure(testConfig({ reloadOnWithdrawal: false }));
    page.append(sentinel('after'));
    await ran('after');
    expect(window.ran).to.deep.equal(['necessary', 'a', 'b', 'c:n0nce-value', 'category', 'video', 'social', 'after']);
  });

  it('knows the services whose withdrawal reloads the page: optional, their scripts ran and no adapter stops them, not turned off', async () => {
    await gatedPage();
    store.acceptAll();
    await ran('social');
    // These tests' config turns the reload off for the site.
    expect(stoppedByReload(store)).to.deep.equal([]);
    // (A new config is no decision: it reloads nothing, so this page may take it.)
    const config = testConfig();
    config.categories[1].services[1].adapter = { type: 'plausible' };
    config.categories[2].services[1].reloadOnWithdrawal = false;
    store.configure(config);
    // cms is required. heatmap has an adapter, which stops the vendor, but a script gated by its category ran too:
    // withdrawing heatmap withdraws the category, and nothing stops that script but a reload.
    expect(stoppedByReload(store).map(({ id }) => id)).to.deep.equal(['stats', 'heatmap', 'video']);
    // An adapter does stop what ran under its service's own id: video's scripts, with no script of its category.
    config.categories[2].services[0].adapter = { type: 'gtag' };
    store.configure(structuredClone(config));
    expect(stoppedByReload(store).map(({ id }) => id)).to.deep.equal(['stats', 'heatmap']);
    const byService = testConfig({ reloadOnWithdrawal: false });
    byService.categories[2].services[0].reloadOnWithdrawal = true;
    store.configure(byService);
    expect(stoppedByReload(store).map(({ id }) => id)).to.deep.equal(['video']);
  });

  it('runs exactly the scripts a custom selection allows', async () => {
    await gatedPage();
    await ran('necessary');
    store.saveSelection(['stats', 'social']);
    page.append(sentinel('after'));
    await ran('after');
    expect(window.ran).to.deep.equal(['necessary', 'a', 'b', 'c:n0nce-value', 'social', 'after']);
    expect(await thirdPartyRequests()).to.deep.equal([]);
  });

  it('gives frames and images their source when allowed and takes it back on withdrawal', async () => {
    await gatedPage();
    const iframe = page.querySelector('iframe')!;
    // Both loads finished: their requests are on record.
    const loaded = Promise.all([settled(iframe), settled(page.querySelector('img')!)]);
    store.saveSelection(['video']);
    await loaded;
    expect(iframe.src).to.equal(`${thirdParty()}/frame.html`);
    expect(page.querySelector('img')!.getAttribute('src')).to.equal(`${thirdParty()}/pixel.svg`);
    expect(await thirdPartyRequests()).to.include(`${thirdParty()}/frame.html`);

    store.saveSelection([]);
    expect(iframe.getAttribute('src')).to.equal('about:blank');
    expect(page.querySelector('img')!.hasAttribute('src')).to.be.false;
  });

  it('gates markup added later, before and after the decision', async () => {
    await gatedPage();
    const early = Object.assign(document.createElement('script'), { type: 'text/plain', textContent: "window.ran.push('early')" });
    early.dataset.consent = 'heatmap';
    page.append(early, sentinel('after early'));
    await ran('after early');
    expect(window.ran).to.deep.equal(['necessary', 'after early']);

    store.saveSelection(['heatmap']);
    await ran('early');
    const late = Object.assign(document.createElement('script'), { type: 'text/plain', textContent: "window.ran.push('late')" });
    late.dataset.consent = 'heatmap';
    page.append(late);
    await ran('late');
    expect(window.ran).to.deep.equal(['necessary', 'after early', 'early', 'late']);
  });

  it('on a page with a nonce (a nonce-based CSP), runs only the gated scripts that carry it: injected markup runs nothing', async () => {
    page = await fixture(html`<div>
      <script nonce="page-n0nce">/* stands for the page's own script with the nonce, such as the drop-in's */</script>
      <script type="text/plain" data-consent="stats" nonce="page-n0nce">window.ran.push('with the nonce')</script>
      <script type="text/plain" data-consent="stats">window.ran.push('without a nonce')</script>
      <script type="text/plain" data-consent="stats" nonce="guessed">window.ran.push('another nonce')</script>
      <script type="text/plain" data-consent="cms" nonce="page-n0nce">window.ran.push('necessary')</script>
    </div>`);
    const errors: ConsentErrorDetail[] = [];
    const record = (event: Event) => errors.push((event as CustomEvent<ConsentErrorDetail>).detail);
    document.addEventListener('consent-error', record);
    store = new ConsentStore();
    stop = startGate(store, page);
    store.configure(testConfig({ reloadOnWithdrawal: false }));
    await ran('necessary');
    // Nothing is said before consent: they would not run anyway.
    expect(errors).to.deep.equal([]);
    store.acceptAll();
    const after = sentinel('after');
    after.nonce = 'page-n0nce';
    page.append(after);
    await ran('after');
    document.removeEventListener('consent-error', record);
    expect(window.ran).to.deep.equal(['necessary', 'with the nonce', 'after']);
    const blocked = { kind: 'csp', path: '<script data-consent="stats">', message: "lacks the page's nonce; blocked" };
    expect(errors).to.deep.equal([blocked, blocked]);
  });

  it('reports a gating attribute that names no category or service, and keeps it blocked', async () => {
    await gatedPage();
    store.acceptAll();
    await ran('social');
    const error = oneEvent(document, 'consent-error');
    const typo = Object.assign(document.createElement('script'), { type: 'text/plain', textContent: "window.ran.push('typo')" });
    typo.dataset.consent = 'statistcs';
    page.append(typo, sentinel('after'));
    await ran('after');
    const { detail } = (await error) as CustomEvent<ConsentErrorDetail>;
    expect(detail).to.deep.equal({
      kind: 'markup',
      path: '<script data-consent="statistcs">',
      message: '"statistcs" is no category or service of the config; blocked',
    });
    expect(window.ran).not.to.include('typo');
  });

  it('stops: after its stop function, neither decisions nor new markup load anything', async () => {
    await gatedPage();
    await ran('necessary');
    stop();
    store.acceptAll();
    expect(page.querySelector('iframe')!.hasAttribute('src')).to.be.false;
    // A frame added later gets its source in the pass the addition causes, before `handled` resolves.
    const late = Object.assign(document.createElement('iframe'), { title: 'Late frame' });
    late.dataset.consent = 'video';
    late.dataset.src = `${thirdParty()}/frame.html`;
    const handled = mutationHandled(page);
    page.append(late);
    await handled;
    expect(late.hasAttribute('src')).to.be.false;
    expect(window.ran).to.deep.equal(['necessary']);
  });

  it('leaves markup outside its root alone', async () => {
    const outside = await fixture<HTMLElement>(html`<p><script type="text/plain" data-consent="stats">window.ran.push('outside')</script></p>`);
    await gatedPage();
    store.acceptAll();
    await ran('social');
    expect(window.ran).not.to.include('outside');
    expect(outside.querySelector('script')!.type).to.equal('text/plain');
  });
});

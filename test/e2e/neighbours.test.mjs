// The stored decision is the visitor's own. Sibling subdomains (www., evil., news. of
// site.test, mapped to this machine with --host-resolver-rules) over http and over https
// (a self-signed certificate made here), tabs of one profile: a neighbour's cookie never
// decides for the visitor, a refusal always holds, a record moves when the config moves
// it, and every tab follows a decision made in another.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, dialogOpen, embedsSettled, openPage, openTab, startBrowser, startSecureServer, waitForDialog } from './browser.mjs';

let session;
let secure;

before(async () => {
  session = await startBrowser({ args: ['--host-resolver-rules=MAP *.site.test 127.0.0.1', '--ignore-certificate-errors'] });
  secure = await startSecureServer(['site.test', '*.site.test']);
});
afterEach(closePages);
after(async () => {
  await session.close();
  secure.server.close();
});

/** The article page on a host of site.test, over http or https; `config`: "host" (default) or "shared". */
function article(host, { https = false, config, page = 'article.html' } = {}) {
  const port = new URL(https ? secure.url : session.url).port;
  return `${https ? 'https' : 'http'}://${host}.site.test:${port}/test/e2e/pages/news/${page}${config ? `?config=${config}` : ''}`;
}

/** Loads the page in its tab, brought to the front (a background tab gets no animation frames). */
async function visit(page, url) {
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.consentReady === true, { polling: 50 });
}

/** Resolves once every request the page made before it has been recorded (requests are reported in order). */
let barriers = 0;
async function barrier(page, requests) {
  const url = `/test/fixtures/pixel.svg?barrier=${++barriers}`;
  await page.evaluate((url) => fetch(url).then((response) => response.text()), url);
  assert.ok(requests.some((request) => request.endsWith(url)), 'the barrier request was recorded');
}

/** Requests of what only consent may load: the analytics script, the map, YouTube, X. */
const gatedRequests = (requests) => requests.filter((url) => /gated\.js\?analytics|frame\.html\?map|youtube|twitter\.com/.test(url));

const pageState = (page) =>
  page.evaluate(async () => {
    const { consent } = await import('/dist/consent-banner.js');
    return { decision: consent.decision, errors: window.consentErrors, changes: window.consentChanges, cookie: document.cookie };
  });

/**
 * What a neighbouring subdomain does: lets the banner there write a well-formed "Accept
 * all" record, then, from a page of its own without the banner, plants that value as
 * `consent` for the whole of site.test.
 */
async function forgeAcceptAll(context, { https = false, path = '/' } = {}) {
  const { page } = await openTab(context);
  await visit(page, article('evil', { https }));
  const value = await page.evaluate(async () => {
    const { consent } = await import('/dist/consent-banner.js');
    consent.acceptAll();
    return document.cookie.match(/(?:^|; )(?:__Host-)?consent=([^;]+)/)[1];
  });
  await page.goto(new URL('/test/fixtures/frame.html', page.url()).href);
  await page.evaluate((cookie) => (document.cookie = cookie), `consent=${value}; domain=site.test; path=${path}${https ? '; secure' : ''}`);
  await page.close();
}

/** The cookies of that name that pages of www.site.test see. */
const cookiesNamed = async (context, name) =>
  (await context.cookies())
    .filter((cookie) => cookie.name === name && ['www.site.test', '.site.test'].includes(cookie.domain))
    .map(({ value, domain, path, secure }) => ({ value, domain, path, secure }));

describe('a neighbour cannot decide for the visitor', () => {
  it('http: a forged "Accept all" for a longer path conflicts with the refusal; nothing loads, and a new refusal holds', async () => {
    const { page, context, requests } = await openPage(session.browser);
    await visit(page, article('www'));
    await waitForDialog(page);
    await clickAction(page, 'reject');

    // Away from www while the neighbour acts (an open www tab would notice at once: see the next test).
    await page.goto('about:blank');
    await forgeAcceptAll(context, { path: '/test/e2e/pages/news' });
    await visit(page, article('www'));
    await waitForDialog(page);
    const conflict = await pageState(page);
    assert.equal(conflict.decision, null, 'two values: no decision');
    assert.deepEqual(
      conflict.errors.map(({ kind, path }) => ({ kind, path })),
      [{ kind: 'cookie', path: 'cookie "consent"' }],
    );
    assert.equal(conflict.errors[0].message, '2 values (another subdomain or path set one): none counts, the visitor is asked again; 0 not deletable here');
    await barrier(page, requests);
    assert.deepEqual(gatedRequests(requests), [], 'nothing gated loads while the record is in conflict');

    await clickAction(page, 'reject');
    assert.deepEqual((await pageState(page)).errors.slice(1), [], 'no "browser refused" error: the refusal was stored');
    for (const url of [article('www'), article('www', { page: 'article.html?next' })]) {
      await visit(page, url);
      const state = await pageState(page);
      assert.equal(state.decision.method, 'reject-all', url);
      assert.deepEqual(state.errors, [], url);
      assert.equal(await dialogOpen(page), false, url);
    }
    await barrier(page, requests);
    assert.deepEqual(gatedRequests(requests), [], 'the refusal holds on the next pages');
  });

  it('http: a forgery that arrives while the page is open is found when the tab shows again; "Reject all" then holds, with a truthful message', async () => {
    const { page, context, requests } = await openPage(session.browser);
    await visit(page, article('www'));
    await waitForDialog(page);
    await clickAction(page, 'reject');
    await forgeAcceptAll(context, { path: '/test/e2e/pages/news' });

    // Shown again, the tab reads the record: two values, so it asks and loads nothing.
    await page.bringToFront();
    await waitForDialog(page);
    const { errors: found } = await pageState(page);
    assert.deepEqual(found.map(({ kind }) => kind), ['cookie']);
    await clickAction(page, 'reject');
    const { errors, decision } = await pageState(page);
    assert.equal(decision.method, 'reject-all');
    assert.ok(!errors.some((error) => error.kind === 'storage'), `no storage error: ${JSON.stringify(errors)}`);
    assert.deepEqual(
      (await cookiesNamed(context, 'consent')).map(({ domain, path }) => ({ domain, path })),
      [{ domain: 'www.site.test', path: '/' }],
      'one record, the visitor\'s own',
    );
    await visit(page, article('www'));
    assert.equal((await pageState(page)).decision.consentId, decision.consentId);
    await barrier(page, requests);
    assert.deepEqual(gatedRequests(requests), []);
  });

  it('https: on a fresh profile a forged record for the whole domain is not the visitor\'s: the dialog asks, nothing loads', async () => {
    const { page, context, requests } = await openPage(session.browser);
    await forgeAcceptAll(context, { https: true, path: '/' });
    await visit(page, article('www', { https: true }));
    await waitForDialog(page);
    const forged = await pageState(page);
    assert.equal(forged.decision, null);
    assert.deepEqual(forged.errors, []);
    await barrier(page, requests);
    assert.deepEqual(gatedRequests(requests), []);

    await clickAction(page, 'accept');
    const { decision } = await pageState(page);
    const own = await cookiesNamed(context, '__Host-consent');
    assert.deepEqual(own.map(({ domain, path, secure }) => ({ domain, path, secure })), [{ domain: 'www.site.test', path: '/', secure: true }], 'the record is a __Host- cookie of www');
    assert.deepEqual(await cookiesNamed(context, 'consent'), [], 'the plain copy went');

    // The neighbour plants again, and tries the __Host- name: neither touches the visitor's record.
    await forgeAcceptAll(context, { https: true, path: '/' });
    const { page: evil } = await openTab(context);
    await evil.goto(article('evil', { https: true }));
    await evil.evaluate(() => (document.cookie = '__Host-consent=forged; domain=site.test; path=/; secure'));
    await evil.close();
    await visit(page, article('www', { https: true }));
    const state = await pageState(page);
    assert.equal(state.decision.consentId, decision.consentId);
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual((await cookiesNamed(context, '__Host-consent')).map((cookie) => cookie.value), [own[0].value]);
  });
});

describe('moving the record', () => {
  const consentId = async (page) => (await pageState(page)).decision?.consentId;

  it('http: adding cookie.domain shares the decision with every subdomain; removing it brings it back to the host', async () => {
    const { page, context } = await openPage(session.browser);
    await visit(page, article('www'));
    await waitForDialog(page);
    await clickAction(page, 'accept');
    const id = await consentId(page);

    await visit(page, article('www', { config: 'shared' }));
    assert.equal(await dialogOpen(page), false, 'not asked again for the move');
    assert.equal(await consentId(page), id);
    assert.deepEqual((await cookiesNamed(context, 'consent')).map(({ domain }) => domain), ['.site.test'], 'moved, the host-only copy removed');
    const { page: news } = await openTab(context);
    await visit(news, article('news', { config: 'shared' }));
    assert.equal(await dialogOpen(news), false, 'a sibling subdomain shares the decision');
    assert.equal(await consentId(news), id);

    await visit(page, article('www'));
    assert.equal(await dialogOpen(page), false);
    assert.equal(await consentId(page), id);
    assert.deepEqual((await cookiesNamed(context, 'consent')).map(({ domain }) => domain), ['www.site.test']);
  });

  it('http: cookie.domain added in a new revision: asked once, then one shared record and no error on every view', async () => {
    const { page, context } = await openPage(session.browser);
    await visit(page, article('www'));
    await waitForDialog(page);
    await clickAction(page, 'reject');

    await visit(page, article('www', { config: 'shared-r2' }));
    await waitForDialog(page);
    await clickAction(page, 'accept');
    const id = await consentId(page);
    for (let view = 1; view <= 4; view++) {
      await visit(page, article('www', { config: 'shared-r2' }));
      assert.equal(await dialogOpen(page), false, `view ${view}`);
      assert.deepEqual((await pageState(page)).errors, [], `view ${view}`);
      assert.equal(await consentId(page), id, `view ${view}`);
    }
    assert.deepEqual((await cookiesNamed(context, 'consent')).map(({ domain }) => domain), ['.site.test'], 'the old host-only record went');
  });

  it('https: from __Host- to a shared domain and back; back into __Host- a refusal moves, a grant is asked again', async () => {
    const { page, context } = await openPage(session.browser);
    await visit(page, article('www', { https: true }));
    await waitForDialog(page);
    await clickAction(page, 'reject');
    const refusal = await consentId(page);

    await visit(page, article('www', { https: true, config: 'shared' }));
    assert.equal(await dialogOpen(page), false);
    assert.equal(await consentId(page), refusal);
    assert.deepEqual(await cookiesNamed(context, '__Host-consent'), []);
    assert.deepEqual((await cookiesNamed(context, 'consent')).map(({ domain, secure }) => ({ domain, secure })), [{ domain: '.site.test', secure: true }]);

    await visit(page, article('www', { https: true }));
    assert.equal(await dialogOpen(page), false, 'a refusal moves into __Host-');
    assert.equal(await consentId(page), refusal);
    assert.deepEqual((await cookiesNamed(context, '__Host-consent')).length, 1);

    // A shared record with grants could be any subdomain's: it does not move into __Host-.
    await visit(page, article('www', { https: true, config: 'shared' }));
    await embedsSettled(page);
    await (await page.$('a[data-consent-open]')).click();
    await waitForDialog(page);
    await clickAction(page, 'accept');
    await visit(page, article('www', { https: true }));
    await waitForDialog(page);
    assert.equal(await consentId(page), undefined);
  });
});

describe('one decision in every tab', () => {
  it('a decision and a withdrawal in one tab take effect in the other: gate, embeds, dialog, consent-change with the same id', async () => {
    const { page: first, context } = await openPage(session.browser);
    await visit(first, article('www'));
    await waitForDialog(first);
    const { page: second } = await openTab(context);
    await visit(second, article('www'));
    await waitForDialog(second);

    // The first tab stays in the background: no visibility change, only the channel tells it.
    // (Timers, not animation frames, poll there: a background tab gets no frames.)
    const changes = (count) => first.waitForFunction((count) => window.consentChanges.length === count, { polling: 100 }, count);
    const video = first.waitForRequest((request) => request.url().includes('youtube-nocookie.com'));
    await clickAction(second, 'accept');
    const accepted = (await pageState(second)).decision;
    await changes(1);
    assert.equal((await pageState(first)).changes[0].consentId, accepted.consentId);
    assert.equal(await dialogOpen(first), false, 'the first tab stopped asking');
    await first.waitForFunction(() => window.ran?.includes('analytics') && document.querySelector('iframe[title="Map of the study area"]').src.includes('map'), { polling: 100 });
    await video; // the video loads in the first tab

    // The first tab has its settings open when the second withdraws.
    await first.bringToFront();
    await embedsSettled(first);
    await (await first.$('a[data-consent-open]')).click();
    await waitForDialog(first);
    await second.bringToFront();
    await embedsSettled(second);
    await (await second.$('a[data-consent-open]')).click();
    await waitForDialog(second);
    await clickAction(second, 'reject');
    const refused = (await pageState(second)).decision;
    await changes(2);
    const state = await pageState(first);
    assert.equal(state.changes[1].consentId, refused.consentId);
    assert.equal(state.decision.method, 'reject-all');
    assert.equal(await first.evaluate(() => document.querySelector('iframe[title="Map of the study area"]').getAttribute('src')), 'about:blank', 'the map is unloaded again');
    assert.equal(await first.evaluate(() => document.querySelector('consent-embed[service="youtube"] iframe')), null, 'the video is back behind its placeholder');
    // The categories' switches (their services render only when a category is opened).
    const switches = await first.evaluate(() =>
      [...document.querySelector('consent-banner').shadowRoot.querySelectorAll('input[type="checkbox"]:not([disabled])')].map((input) => input.checked),
    );
    assert.ok(switches.length >= 2, 'the settings are open in the first tab');
    assert.deepEqual(switches, switches.map(() => false), 'the open settings follow');
  });

  it('a subdomain sharing the record follows when its tab is shown again', async () => {
    const { page: news, context } = await openPage(session.browser);
    await visit(news, article('news', { config: 'shared' }));
    await waitForDialog(news);
    const { page: www } = await openTab(context);
    await visit(www, article('www', { config: 'shared' }));
    await waitForDialog(www);
    await clickAction(www, 'accept');
    const { consentId } = (await pageState(www)).decision;

    await news.bringToFront();
    await news.waitForFunction(() => window.consentChanges.length === 1);
    assert.equal((await pageState(news)).changes[0].consentId, consentId);
    assert.equal(await dialogOpen(news), false);
  });
});

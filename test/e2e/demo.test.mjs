// End-to-end: the demo article as a reader meets it. Nothing may leave this machine
// before consent; the decision panel and the statistics stand-in must tell the truth.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, dialogOpen, openPage, otherHosts, startBrowser, waitForDialog } from './browser.mjs';

let session;
before(async () => (session = await startBrowser()));
afterEach(closePages);
after(() => session.close());

const demo = () => `${session.url}/demo/`;
const text = (page, selector) => page.$eval(selector, (element) => element.textContent);

describe('demo article', () => {
  it('sends nothing beyond localhost and sets only the CMS session cookie before a decision', async () => {
    const { page, requests, cookies, errors } = await openPage(session.browser);
    await page.goto(demo(), { waitUntil: 'networkidle0' });
    await waitForDialog(page);
    assert.deepEqual(otherHosts(requests, demo()), []);
    assert.deepEqual((await cookies()).map((cookie) => cookie.name), ['PHPSESSID']);
    assert.match(await text(page, '#stats-report'), /has not run/);
    assert.match(await text(page, '#matomo-report'), /has not loaded/);
    assert.equal(await page.evaluate(() => JSON.stringify(window._paq)), JSON.stringify([['requireConsent'], ['setTrackerUrl', '/demo/stand-in/matomo/matomo.php'], ['setSiteId', '1'], ['trackPageView'], ['enableLinkTracking']]));
    assert.match(await text(page, '#panel-decision'), /No decision/);
    assert.deepEqual(errors, []);
  });

  it('after "Reject all": still nothing beyond localhost, no statistics, also on the next page', async () => {
    const { page, requests, cookies } = await openPage(session.browser);
    await page.goto(demo(), { waitUntil: 'networkidle0' });
    await waitForDialog(page);
    await clickAction(page, 'reject');
    assert.match(await text(page, '#panel-decision'), /Method: reject-all/);
    await page.goto(`${session.url}/demo/privacy.html`, { waitUntil: 'networkidle0' });
    await page.goto(demo(), { waitUntil: 'networkidle0' });
    assert.deepEqual(otherHosts(requests, demo()), []);
    assert.deepEqual((await cookies()).map((cookie) => cookie.name).sort(), ['PHPSESSID', 'consent']);
    assert.match(await text(page, '#stats-report'), /has not run/);
  });

  it('after "Accept all": the statistics stand-in runs, the map is requested, and the consent cookie stays small', async () => {
    const { page, requests, cookies } = await openPage(session.browser);
    await page.goto(demo(), { waitUntil: 'networkidle0' });
    await waitForDialog(page);
    await clickAction(page, 'accept');
    await page.waitForFunction(() => document.getElementById('stats-report').textContent.includes('ran at'));
    await page.waitForFunction(() => document.querySelector('iframe[data-consent="osm"]').src.startsWith('https://www.openstreetmap.org/'));
    await page.waitForFunction(() => document.querySelector('consent-embed[service="youtube"] iframe') && document.querySelector('consent-embed[service="twitter"] script'));
    await page.waitForNetworkIdle();
    assert.deepEqual(
      [...new Set(otherHosts(requests, demo()).map((url) => new URL(url).host))].sort(),
      ['platform.twitter.com', 'www.openstreetmap.org', 'www.youtube-nocookie.com'],
    );
    const jar = await cookies();
    assert.deepEqual(jar.map((cookie) => cookie.name).sort(), ['PHPSESSID', '_pk_id.1.d3m0', '_stat', 'consent']);
    assert.match(await text(page, '#matomo-report'), /requireConsent, setTrackerUrl, setSiteId, trackPageView, enableLinkTracking, setConsentGiven/);
    const record = jar.find((cookie) => cookie.name === 'consent');
    const size = record.name.length + 1 + record.value.length;
    console.log(`# consent cookie for the demo config after "Accept all": ${size} bytes (${record.name}=${record.value})`);
    assert.ok(size <= 64, `consent cookie is ${size} bytes`);
    assert.match(await text(page, '#panel-cookies'), /_stat=/);
  });

  it('the video placeholder: nothing from YouTube on hover, "Load video" loads only the video and stores nothing', async () => {
    const { page, requests, cookies } = await openPage(session.browser);
    await page.goto(demo(), { waitUntil: 'networkidle0' });
    await waitForDialog(page);
    await clickAction(page, 'reject');
    const load = await page.waitForSelector('consent-embed[service="youtube"] >>> button[part~="load"]');
    await load.hover();
    await load.focus();
    const consentBefore = (await cookies()).find((cookie) => cookie.name === 'consent').value;
    assert.deepEqual(otherHosts(requests, demo()), []);
    await load.click();
    await page.waitForFunction(() => document.querySelector('consent-embed[service="youtube"] iframe'));
    assert.equal(
      await page.$eval('consent-embed[service="youtube"] iframe', (frame) => frame.src),
      'https://www.youtube-nocookie.com/embed/43DuLcBFxoY',
    );
    await page.waitForNetworkIdle();
    assert.deepEqual([...new Set(otherHosts(requests, demo()).map((url) => new URL(url).host))], ['www.youtube-nocookie.com']);
    assert.equal((await cookies()).find((cookie) => cookie.name === 'consent').value, consentBefore);
    assert.equal(await page.$('consent-embed[service="twitter"] script'), null);
  });

  for (const width of [320, 1280]) {
    it(`at ${width} px the player takes the placeholder's very box: nothing below it moves, on load and on withdrawal`, async () => {
      const { page } = await openPage(session.browser);
      await page.setViewport({ width, height: 800 });
      await page.goto(demo(), { waitUntil: 'networkidle0' });
      await waitForDialog(page);
      await clickAction(page, 'reject');
      const load = await page.waitForSelector('consent-embed[service="youtube"] >>> button[part~="load"]');
      // Every shift counts here, also those right after a click that the CLS metric leaves out.
      await page.evaluate(() => {
        window.shifts = [];
        window.shiftObserver = new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((entry) => entry.value)));
        window.shiftObserver.observe({ type: 'layout-shift' });
      });
      const below = () => page.$eval('consent-embed[service="youtube"] + h2', (heading) => heading.getBoundingClientRect().top + scrollY);
      const before = await below();
      await load.click();
      const frame = await page.waitForSelector('consent-embed[service="youtube"] iframe');
      assert.equal(await below(), before, 'the heading after the video stays where it was');
      const [frameBox, embedBox] = await page.$eval('consent-embed[service="youtube"]', (embed) =>
        [embed.querySelector('iframe'), embed.shadowRoot.querySelector('.frame')].map((element) => element.getBoundingClientRect().height),
      );
      assert.equal(frameBox, embedBox, 'the player fills the box the placeholder held');
      // Withdrawing media brings the placeholder back into the same box.
      await page.evaluate(() => document.querySelector('consent-banner').showSettings());
      await clickAction(page, 'reject');
      await page.waitForFunction(() => !document.querySelector('consent-embed[service="youtube"] iframe'));
      await page.waitForSelector('consent-embed[service="youtube"] >>> button[part~="load"]');
      assert.equal(await below(), before, 'and stays there when the placeholder comes back');
      assert.ok(frame, 'the player was there');
      // Two frames on, the layout of the last change is done; takeRecords hands over what the observer has not reported yet.
      const shifts = await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done([...window.shifts, ...window.shiftObserver.takeRecords().map((entry) => entry.value)])))),
      );
      assert.deepEqual(shifts, [], 'no layout shift at all');
    });
  }

  it('withdrawing statistics in the settings deletes _stat and the Matomo cookies, and reloads once to stop the plain stats script', async () => {
    const { page, cookies } = await openPage(session.browser);
    await page.goto(demo(), { waitUntil: 'networkidle0' });
    await waitForDialog(page);
    await clickAction(page, 'accept');
    await page.waitForFunction(() => document.cookie.includes('_stat=') && document.cookie.includes('_pk_id'));
    await page.click('footer a[data-consent-open]');
    await waitForDialog(page);
    // Told before saving: the stats stand-in is a plain script no adapter can stop (Matomo's adapter stops Matomo).
    assert.match(await page.$eval('consent-banner', (banner) => banner.shadowRoot.querySelector('.body').textContent), /Switching off Reach measurement \(local stand-in\) reloads this page once/);
    await (await page.$('consent-banner >>> input[aria-labelledby="category-statistics"]')).click();
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), clickAction(page, 'save')]);
    // The reloaded page's panel shows the stored refusal once the banner has read it.
    await page.waitForFunction(() => document.querySelector('#panel-decision')?.textContent.includes('Denied'), { polling: 50 });
    assert.deepEqual((await cookies()).map((cookie) => cookie.name).sort(), ['PHPSESSID', 'consent']);
    assert.match(await text(page, '#panel-decision'), /Denied: matomo, stats/);
    assert.match(await text(page, '#stats-report'), /has not run/);
    assert.match(await text(page, '#matomo-report'), /has not loaded/);
    assert.doesNotMatch(await text(page, '#panel-cookies'), /_stat=/);
    assert.equal(await dialogOpen(page), false);
  });
});

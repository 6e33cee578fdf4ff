import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { consent } from '../../src/core/store.js';
import type { ConsentBanner } from '../../src/ui/banner/consent-banner.js';
import { clearCookies, testConfig } from '../support/core.js';
import { button, deepActiveElement, dialogOpened, dialogRoot, freshPage, mountBanner, openDialog, shownDialog } from '../support/elements.js';

const switches = (banner: ConsentBanner) => [...dialogRoot(banner)!.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
const switchFor = (banner: ConsentBanner, id: string) => dialogRoot(banner)!.querySelector<HTMLInputElement>(`input[aria-labelledby="service-${id}"], input[aria-labelledby="category-${id}"]`)!;
const heading = (banner: ConsentBanner) => dialogRoot(banner)!.querySelector('h2')!;

/** "Settings" shows the settings layer once its code has loaded (a file of its own). */
async function openSettingsFromFirstLayer(banner: ConsentBanner): Promise<void> {
  button(banner, 'settings').click();
  await waitUntil(() => dialogRoot(banner)!.querySelector('[data-action="save"]'), 'the settings layer did not show');
}

describe('consent dialog', () => {
  beforeEach(freshPage);
  afterEach(async () => {
    clearCookies();
    await setViewport({ width: 1280, height: 800 });
  });

  describe('first layer', () => {
    it('opens as a modal on a first visit, with focus on its heading rather than "Accept all"', async () => {
      const banner = await mountBanner();
      const dialog = shownDialog(banner);
      expect(dialog.matches(':modal')).to.be.true;
      expect(deepActiveElement()).to.equal(heading(banner));
      expect(dialog.getAttribute('aria-labelledby')).to.equal(heading(banner).id);
      await expect(banner).to.be.accessible();
    });

    it('names per optional category its purpose and providers, and the services that send data to a third country', async () => {
      const banner = await mountBanner();
      shownDialog(banner);
      const root = dialogRoot(banner)!;
      const items = [...root.querySelectorAll('[part="purposes"] li')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
      expect(items).to.deep.equal([
        // The category's description, else its services' purposes; each provider once, else the service's name.
        'Statistics: Counts visits anonymously. (Example Institute, Heatmap)',
        'External media: Plays videos. (Video Corp., Social Corp.)',
      ]);
      const text = root.querySelector('.body')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.include('These services may send data to countries outside the EU: Video host (USA).');
      expect(text).not.to.include('Necessary');
      expect(text).to.include('Cookie settings');
      expect([...root.querySelectorAll('.links a')].map((link) => link.getAttribute('href'))).to.deep.equal(['/privacy', '/imprint']);
      expect([...root.querySelectorAll('.buttons button')].map((element) => element.textContent!.trim())).to.deep.equal(['Accept all', 'Reject all', 'Settings']);
    });

    it('gives "Accept all", "Reject all" and "Settings" the same size and look', async () => {
      for (const width of [1280, 320]) {
        await setViewport({ width, height: 700 });
        freshPage();
        const banner = await mountBanner();
        shownDialog(banner);
        const buttons = (['accept', 'reject', 'settings'] as const).map((action) => button(banner, action));
        const boxes = buttons.map((element) => element.getBoundingClientRect());
        const looks = buttons.map((element) => {
          const style = getComputedStyle(element);
          return [style.backgroundColor, style.color, style.fontSize, style.fontWeight, style.borderColor, style.borderRadius].join();
        });
        for (let index = 1; index < 3; index++) {
          expect(Math.round(boxes[index].width), `width at ${width}px`).to.equal(Math.round(boxes[0].width));
          expect(Math.round(boxes[index].height), `height at ${width}px`).to.equal(Math.round(boxes[0].height));
          expect(looks[index]).to.equal(looks[0]);
        }
      }
    });

    it("keeps the buttons in view with the demo's config, at 1280×800 (nothing to scroll) and 320×640, in English and German", async () => {
      const demo = await (await fetch('/demo/consent.json')).json();
      for (const [width, height] of [[1280, 800], [320, 640]]) {
        for (const lang of ['en', 'de']) {
          await setViewport({ width, height });
          freshPage();
          const banner = await mountBanner(demo, lang);
          shownDialog(banner);
          for (const action of ['accept', 'reject', 'settings'] as const) {
            const box = button(banner, action).getBoundingClientRect();
            expect(box.bottom, `${action} at ${width}×${height}, ${lang}`).to.be.at.most(innerHeight);
          }
          const body = dialogRoot(banner)!.querySelector('.body')!;
          if (width === 1280) expect(body.scrollHeight, `${lang}: the first layer's text scrolls`).to.be.at.most(body.clientHeight);
        }
      }
    });

    it('shows all three buttons without scrolling at 320 px width', async () => {
      await setViewport({ width: 320, height: 568 });
      const banner = await mountBanner();
      shownDialog(banner);
      for (const action of ['accept', 'reject', 'settings'] as const) {
        const box = button(banner, action).getBoundingClientRect();
        expect(box.top, action).to.be.at.least(0);
        expect(box.bottom, action).to.be.at.most(innerHeight);
        expect(box.right, action).to.be.at.most(innerWidth);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(banner).to.be.accessible();
    });

    it('reads a lang that is no language code (an object key such as "constructor") as English', async () => {
      for (const lang of ['constructor', '__proto__', 'valueOf', 'toString', 'hasOwnProperty', 'de_DE', '']) {
        freshPage();
        const banner = await mountBanner(testConfig(), lang);
        shownDialog(banner);
        const text = dialogRoot(banner)!.querySelector('dialog')!.textContent!;
        expect(text, lang).not.to.match(/function|native code|\[object/);
        expect(button(banner, 'accept').textContent, lang).to.equal('Accept all');
        expect(dialogRoot(banner)!.querySelector('[part="purposes"]')!.textContent, lang).to.include('Counts visits anonymously.');
        expect(dialogRoot(banner)!.querySelector('dialog')!.lang, lang).to.equal('en');
      }
      // A region or script subtag still finds the language.
      freshPage();
      const banner = await mountBanner(testConfig(), 'DE-at');
      shownDialog(banner);
      expect(button(banner, 'accept').textContent).to.equal('Alle akzeptieren');
    });

    it('speaks German when the page or the element says so, and takes text overrides from the config', async () => {
      const banner = await mountBanner(testConfig(), 'de');
      shownDialog(banner);
      expect(button(banner, 'accept').textContent).to.equal('Alle akzeptieren');
      expect(button(banner, 'reject').textContent).to.equal('Alle ablehnen');
      expect(dialogRoot(banner)!.querySelector('[part="purposes"]')!.textContent!.replace(/\s+/g, ' ')).to.include('Statistik: Zählt Besuche anonym. (Example Institute, Heatmap)');
      expect(dialogRoot(banner)!.querySelector('dialog')!.lang).to.equal('de');
      await expect(banner).to.be.accessible();

      freshPage();
      const overridden = await mountBanner(testConfig({ texts: { de: { acceptAll: 'Allen Diensten zustimmen' } } }), 'de');
      shownDialog(overridden);
      expect(button(overridden, 'accept').textContent).to.equal('Allen Diensten zustimmen');
      expect(button(overridden, 'reject').textContent).to.equal('Alle ablehnen');
    });

    it('renders config texts as text, never as markup', async () => {
      const config = testConfig();
      config.categories[1].label = '<img src=x onerror="window.injected=true">Statistics';
      const banner = await mountBanner(config);
      shownDialog(banner);
      expect(dialogRoot(banner)!.querySelector('img')).to.equal(null);
      expect(dialogRoot(banner)!.querySelector('.body')!.textContent).to.include('<img src=x');
    });

    it('comes back when the stored decision expired, the revision changed or a service was added', async () => {
      const cases: [string, () => ReturnType<typeof testConfig>][] = [
        ['expired', () => testConfig({ cookie: { expiresDays: 1 } })],
        ['new revision', () => testConfig({ revision: 2 })],
        [
          'new service',
          () => {
            const config = testConfig();
            config.categories[2].services.push({ id: 'maps', name: 'Maps' });
            return config;
          },
        ],
      ];
      for (const [reason, config] of cases) {
        freshPage();
        await mountBanner();
        consent.rejectAll();
        if (reason === 'expired') {
          // Rewrite the stored record two days into the past, check value included.
          const { encodeRecord, decodeRecord } = await import('../../src/core/record.js');
          const record = decodeRecord(document.cookie.match(/(?:^|; )consent=([^;]+)/)![1], ['']);
          if (typeof record === 'string') throw new Error(record);
          document.cookie = `consent=${encodeRecord({ ...record, decidedAt: record.decidedAt - 2 * 24 * 3600 * 1000 }, '')}; path=/`;
        }
        const banner = await mountBanner(config());
        expect(openDialog(banner), reason).to.exist;
        await openSettingsFromFirstLayer(banner);
        const optional = switches(banner).filter((input) => !input.disabled);
        expect(optional.length, reason).to.be.at.least(6);
        expect(optional.filter((input) => input.checked), reason).to.deep.equal([]);
      }
    });

    it('is not shown, and its code not even loaded, when a valid decision is stored', async () => {
      await mountBanner();
      consent.rejectAll();
      // configApplied waits for the dialog whenever the banner decided to show it.
      const banner = await mountBanner();
      expect(openDialog(banner)).to.equal(null);
      expect(banner.shadowRoot).to.equal(null);
    });
  });

  describe('theming', () => {
    it('takes custom properties and styles the documented parts', async () => {
      const style = await fixture<HTMLStyleElement>(html`<style>
        consent-banner { --consent-button-background: rgb(10, 20, 30); }
        consent-banner::part(title) { color: rgb(40, 50, 60); }
        consent-banner::part(switch) { outline-color: rgb(70, 80, 90); }
      </style>`);
      const banner = await mountBanner();
      shownDialog(banner);
      expect(getComputedStyle(button(banner, 'reject')).backgroundColor).to.equal('rgb(10, 20, 30)');
      expect(getComputedStyle(heading(banner)).color).to.equal('rgb(40, 50, 60)');
      await openSettingsFromFirstLayer(banner);
      expect(getComputedStyle(switchFor(banner, 'stats')).outlineColor).to.equal('rgb(70, 80, 90)');
      style.remove();
    });
  });

  describe('decisions', () => {
    it('"Reject all" stores a refusal and closes', async () => {
      const banner = await mountBanner();
      shownDialog(banner);
      const change = oneEvent(document, 'consent-change');
      button(banner, 'reject').click();
      expect((await change).detail.method).to.equal('reject-all');
      expect(openDialog(banner)).to.equal(null);
    });

    it('"Accept all" grants every service', async () => {
      const banner = await mountBanner();
      shownDialog(banner);
      button(banner, 'accept').click();
      expect(consent.decision!.grantedServices).to.have.members(['cms', 'stats', 'heatmap', 'video', 'social']);
      expect(openDialog(banner)).to.equal(null);
    });

    it('saves the switches of the settings layer; re-opened settings show the stored choice', async () => {
      const banner = await mountBanner();
      shownDialog(banner);
      await openSettingsFromFirstLayer(banner);
      switchFor(banner, 'stats').click();
      switchFor(banner, 'media').click();
      button(banner, 'save').click();
      expect(consent.decision!.method).to.equal('custom');
      expect(consent.decision!.grantedServices).to.have.members(['cms', 'stats', 'video', 'social']);

      await banner.showSettings();
      expect(switchFor(banner, 'stats').checked).to.be.true;
      expect(switchFor(banner, 'heatmap').checked).to.be.false;
      expect(switchFor(banner, 'statistics').checked).to.be.false;
      expect(switchFor(banner, 'media').checked).to.be.true;
      await expect(banner).to.be.accessible();
    });
  });

  describe('settings layer', () => {
    it('starts every optional switch off and keeps the necessary one on and disabled', async () => {
      const banner = await mountBanner();
      shownDialog(banner);
      await openSettingsFromFirstLayer(banner);
      expect(deepActiveElement()).to.equal(heading(banner));
      expect(heading(banner).textContent).to.equal('Cookie settings');
      for (const input of switches(banner)) {
        const necessary = ['category-necessary', 'service-cms'].includes(input.getAttribute('aria-labelledby')!);
        expect(input.checked, input.getAttribute('aria-labelledby')!).to.equal(necessary);
        expect(input.disabled).to.equal(necessary);
      }
      await expect(banner).to.be.accessible();
    });

    it('lists per service the provider, purpose, cookies with expiry, third country and privacy policy', async () => {
      const banner = await mountBanner();
      shownDialog(banner);
      await openSettingsFromFirstLayer(banner);
      const services = [...dialogRoot(banner)!.querySelectorAll('.service')];
      const stats = services.find((element) => element.querySelector('h4')!.textContent === 'Local stats')!;
      expect(stats.textContent).to.include('Example Institute');
      expect(stats.textContent).to.include('Reach measurement');
      // A v1 pattern ("^_sx_") reads as the wildcard name it means.
      expect(stats.textContent).to.include('_stat (30 days), _sx_* (1 year)');
      expect(stats.querySelector('a')!.getAttribute('href')).to.equal('https://stats.example/privacy');
      const video = services.find((element) => element.querySelector('h4')!.textContent === 'Video host')!;
      expect(video.textContent).to.match(/transferred to\s*USA/);
    });

    it('a required service that waits for consent (no justification) gets a working switch; a justified one shows why it runs', async () => {
      const config = testConfig();
      config.categories[0].services.push(
        { id: 'counter', name: 'Counter', cookies: [{ name: '_pk_id.*', expires: '13 months' }] },
        { id: 'sessions', name: 'Session count', cookies: [{ name: 'emos_jcsid', expires: 'session' }], necessaryJustification: { en: 'Counts visits without a visitor id.', de: 'Zählt Besuche ohne Besucherkennung.' } },
      );
      const banner = await mountBanner(config);
      shownDialog(banner);
      // The first layer names the category among what needs consent.
      expect(dialogRoot(banner)!.querySelector('[part="purposes"]')!.textContent).to.include('Necessary');
      await openSettingsFromFirstLayer(banner);
      expect(switchFor(banner, 'counter').disabled).to.be.false;
      expect(switchFor(banner, 'counter').checked).to.be.false;
      expect(switchFor(banner, 'sessions').disabled).to.be.true;
      expect(switchFor(banner, 'necessary').disabled, 'the category switch works for the one that waits').to.be.false;
      const sessions = [...dialogRoot(banner)!.querySelectorAll('.service')].find((element) => element.querySelector('h4')!.textContent === 'Session count')!;
      expect(sessions.textContent).to.match(/Why it runs without consent:?\s*Counts visits without a visitor id\./);
      switchFor(banner, 'counter').click();
      button(banner, 'save').click();
      expect(consent.isGranted('counter')).to.be.true;
      await expect(banner).to.be.accessible();
    });

    it('switches a category\'s services together and shows the state in words, not only colour', async () => {
      const banner = await mountBanner();
      shownDialog(banner);
      await openSettingsFromFirstLayer(banner);
      const category = switchFor(banner, 'statistics');
      const stateText = () => category.nextElementSibling!.textContent;
      expect(stateText()).to.equal('Off');
      category.click();
      expect(switchFor(banner, 'stats').checked).to.be.true;
      expect(switchFor(banner, 'heatmap').checked).to.be.true;
      expect(stateText()).to.equal('On');
      switchFor(banner, 'heatmap').click();
      expect(category.checked).to.be.false;
    });

    it('is accessible in German too', async () => {
      const banner = await mountBanner(testConfig(), 'de');
      shownDialog(banner);
      await openSettingsFromFirstLayer(banner);
      expect(heading(banner).textContent).to.equal('Cookie-Einstellungen');
      await expect(banner).to.be.accessible();
    });

    it('makes every control at least 24 x 24 px', async () => {
      await setViewport({ width: 320, height: 568 });
      const banner = await mountBanner();
      shownDialog(banner);
      await openSettingsFromFirstLayer(banner);
      const controls = dialogRoot(banner)!.querySelectorAll<HTMLElement>('button, input, a');
      expect(controls.length).to.be.above(10);
      for (const control of controls) {
        const box = control.getBoundingClientRect();
        expect(box.width, control.outerHTML).to.be.at.least(24);
        expect(box.height, control.outerHTML).to.be.at.least(24);
      }
    });

    it('does not animate the switches when reduced motion is asked for', async () => {
      const banner = await mountBanner();
      shownDialog(banner);
      await openSettingsFromFirstLayer(banner);
      const duration = () => getComputedStyle(switchFor(banner, 'stats'), '::before').transitionDuration;
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(duration()).not.to.equal('0s');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(duration()).to.equal('0s');
    });
  });

  describe('keyboard', () => {
    it('keeps Tab and Shift+Tab inside the dialog', async () => {
      const banner = await mountBanner();
      shownDialog(banner);
      await openSettingsFromFirstLayer(banner);
      const focusable = [...dialogRoot(banner)!.querySelectorAll<HTMLElement>('a[href], button, input:not([disabled])')];
      const visited: Element[] = [];
      for (let press = 0; press < focusable.length + 2; press++) {
        await sendKeys({ press: 'Tab' });
        visited.push(deepActiveElement()!);
      }
      for (const element of visited) expect(focusable, (element as HTMLElement).outerHTML).to.include(element);
      expect(visited[0]).to.equal(focusable[0]);
      expect(visited[focusable.length]).to.equal(focusable[0]);
      focusable[0].focus();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(deepActiveElement()).to.equal(focusable[focusable.length - 1]);
    });

    it('Escape does nothing on the first layer and decides nothing', async () => {
      const banner = await mountBanner();
      const dialog = shownDialog(banner);
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      expect(dialog.open).to.be.true;
      expect(consent.decision).to.equal(null);
      expect(document.cookie).not.to.match(/consent=/);
    });

    it('Escape on the settings layer goes back to the first, with focus on "Settings"', async () => {
      const banner = await mountBanner();
      const dialog = shownDialog(banner);
      button(banner, 'settings').focus();
      await sendKeys({ press: 'Enter' });
      // The settings layer's code and texts load (from the focus on "Settings" on): wait for it.
      await waitUntil(() => button(banner, 'save'), 'the settings layer did not show');
      await sendKeys({ press: 'Escape' });
      expect(dialog.open).to.be.true;
      expect(button(banner, 'save')).to.equal(null);
      expect(deepActiveElement()).to.equal(button(banner, 'settings'));
      expect(consent.decision).to.equal(null);
    });

    it('a "Cookie settings" link opens the settings; Escape closes them and focus returns to the link', async () => {
      await mountBanner();
      consent.rejectAll();
      const page = await fixture<HTMLElement>(html`<footer><a href="#cookies" data-consent-open>Cookie settings</a></footer>`);
      const banner = await mountBanner();
      const link = page.querySelector('a')!;
      link.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = await dialogOpened(banner);
      expect(button(banner, 'save')).to.exist;
      expect(location.hash).not.to.equal('#cookies');
      await expect(banner).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      expect(dialog.open).to.be.false;
      expect(document.activeElement).to.equal(link);
      expect(consent.decision!.method).to.equal('reject-all');
    });

    it('a decision by keyboard closes the dialog and returns focus to what opened it', async () => {
      await mountBanner();
      consent.rejectAll();
      const page = await fixture<HTMLElement>(html`<p><button data-consent-open>Privacy settings</button></p>`);
      const banner = await mountBanner();
      page.querySelector('button')!.click();
      await dialogOpened(banner);
      switchFor(banner, 'video').focus();
      await sendKeys({ press: 'Space' });
      expect(switchFor(banner, 'video').checked).to.be.true;
      button(banner, 'save').focus();
      await sendKeys({ press: 'Enter' });
      expect(openDialog(banner)).to.equal(null);
      expect(consent.isGranted('video')).to.be.true;
      expect(document.activeElement).to.equal(page.querySelector('button'));
    });

    it('comes back if anything else closes it while a decision is due', async () => {
      const banner = await mountBanner();
      const dialog = shownDialog(banner);
      const closed = oneEvent(dialog, 'close');
      dialog.close();
      await closed;
      expect(dialog.open).to.be.true;
      expect(dialog.matches(':modal')).to.be.true;
      expect(consent.decision).to.equal(null);
    });

    it('offers "Close" only once a decision exists, and closing changes nothing', async () => {
      const first = await mountBanner();
      shownDialog(first);
      expect(dialogRoot(first)!.querySelector('button.close')).to.equal(null);
      button(first, 'reject').click();
      const stored = consent.decision;

      const banner = await mountBanner();
      await banner.showSettings();
      const close = dialogRoot(banner)!.querySelector<HTMLButtonElement>('button.close')!;
      expect(close.textContent).to.equal('Close');
      close.click();
      expect(openDialog(banner)).to.equal(null);
      expect(consent.decision).to.deep.equal(stored);
    });

    it('closes when a decision is made elsewhere while it was only asking for one; focus goes back', async () => {
      const page = await fixture<HTMLElement>(html`<p><button>Before</button></p>`);
      page.querySelector('button')!.focus();
      const banner = await mountBanner();
      const dialog = shownDialog(banner);
      consent.rejectAll();
      expect(dialog.open).to.be.false;
      expect(document.activeElement).to.equal(page.querySelector('button'));
    });

    it('settings the visitor opened stay open when a decision is made elsewhere', async () => {
      await mountBanner();
      consent.rejectAll();
      const banner = await mountBanner();
      await banner.showSettings();
      const dialog = shownDialog(banner);
      consent.acceptAll();
      expect(dialog.open).to.be.true;
    });

    it("the browser's own close request is handled like Escape: never a decision, a step back while one is due", async () => {
      const banner = await mountBanner();
      const dialog = shownDialog(banner);
      await openSettingsFromFirstLayer(banner);
      const request = () => dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
      expect(request(), 'the close request is refused').to.be.false;
      expect(dialog.open).to.be.true;
      expect(button(banner, 'save')).to.equal(null);
      request();
      expect(dialog.open).to.be.true;
      expect(consent.decision).to.equal(null);

      button(banner, 'reject').click();
      await banner.showSettings();
      request();
      expect(dialog.open).to.be.false;
      expect(consent.decision!.method).to.equal('reject-all');
    });

    it('a click outside the dialog neither closes it nor decides', async () => {
      const banner = await mountBanner();
      const dialog = shownDialog(banner);
      await sendMouse({ type: 'click', position: [2, 2] });
      expect(dialog.open).to.be.true;
      expect(consent.decision).to.equal(null);
    });
  });
});

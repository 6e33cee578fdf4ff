import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { consent } from '../../src/core/store.js';
import type { ConsentBanner } from '../../src/ui/banner/consent-banner.js';
import { clearCookies, testConfig } from '../support/core.js';
import { button, deepActiveElement, dialogOpened, dialogRoot, freshPage, mountBanner, openAllCategories, openCategory, openDialog, shownDialog } from '../support/elements.js';

/** Every switch of the settings layer: the categories' (checkboxes, as they can be mixed) and the services' (role="switch"). */
const switches = (banner: ConsentBanner) => [...dialogRoot(banner)!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
const switchFor = (banner: ConsentBanner, id: string) => dialogRoot(banner)!.querySelector<HTMLInputElement>(`input[aria-labelledby="service-${id}"], input[aria-labelledby="category-${id}"]`)!;
const heading = (banner: ConsentBanner) => dialogRoot(banner)!.querySelector('h2')!;

/**
 * "Settings" shows the settings layer once its code has loaded (a file of its own); then,
 * if asked to, every category is opened, so its services' switches are there.
 */
async function openSettingsFromFirstLayer(banner: ConsentBanner, { openCategories = false } = {}): Promise<void> {
  button(banner, 'settings').click();
  await waitUntil(() => dialogRoot(banner)!.querySelector('[data-action="save"]'), 'the settings layer did not show');
  if (openCategories) await openAllCategories(banner);
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
        await openSettingsFromFirstLayer(banner, { openCategories: true });
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

  describe('names, descriptions and focus', () => {
    /** The text of the elements an element is described by, as a screen reader reads it after its name. */
    const description = (banner: ConsentBanner, element: Element) =>
      element
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => dialogRoot(banner)!.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim())
        .join(' ');

    it('describes each service switch by its provider, purpose, third country and cookies', async () => {
      const banner = await mountBanner();
      await openSettingsFromFirstLayer(banner, { openCategories: true });
      const video = description(banner, switchFor(banner, 'video'));
      expect(video).to.include('Video Corp.').and.to.include('Plays videos.').and.to.match(/transferred to\s*USA/);
      const stats = description(banner, switchFor(banner, 'stats'));
      expect(stats).to.include('Reach measurement').and.to.include('_stat').and.to.include('30 days').and.to.include('_sx_*');
      // A category switch is described by the category's description, when it has one.
      expect(switchFor(banner, 'statistics').getAttribute('aria-describedby')).to.equal('description-statistics');
    });

    it('shows a category as mixed, "Partly on", while only some of its services are on', async () => {
      const banner = await mountBanner();
      await openSettingsFromFirstLayer(banner);
      await openCategory(banner, 'statistics');
      const category = switchFor(banner, 'statistics');
      const state = () => category.parentElement!.querySelector('.state')!.textContent;
      expect([category.checked, category.indeterminate, state()]).to.deep.equal([false, false, 'Off']);
      switchFor(banner, 'stats').click();
      expect([category.checked, category.indeterminate, state()]).to.deep.equal([false, true, 'Partly on']);
      expect(category.matches(':indeterminate')).to.be.true;
      await expect(banner).to.be.accessible();
      // The category's own switch turns them all on.
      category.click();
      expect([category.checked, category.indeterminate, state()]).to.deep.equal([true, false, 'On']);
      expect(switchFor(banner, 'heatmap').checked).to.be.true;
    });

    it('keeps each category closed at first, its switch in view, and opens its services on request', async () => {
      const banner = await mountBanner();
      await openSettingsFromFirstLayer(banner);
      const root = dialogRoot(banner)!;
      const disclosures = [...root.querySelectorAll('details')];
      expect(disclosures.map((details) => details.open)).to.deep.equal([false, false, false]);
      expect(switchFor(banner, 'statistics').checkVisibility()).to.be.true;
      // A closed category's services are not even rendered (500 of them would slow the layer down).
      expect(root.querySelectorAll('.service')).to.have.length(0);
      // Named by what it holds and for which category.
      const summary = root.querySelector<HTMLElement>('#services-statistics')!;
      expect(summary.getAttribute('aria-labelledby')).to.equal('services-statistics category-statistics');
      expect(summary.textContent).to.equal('Services (2)');
      await openCategory(banner, 'statistics');
      expect(root.querySelectorAll('.service')).to.have.length(2);
      expect(switchFor(banner, 'stats').checkVisibility()).to.be.true;
      // It stays open while the switches change.
      switchFor(banner, 'stats').click();
      expect(disclosures[1].open).to.be.true;
      await expect(banner).to.be.accessible();
    });

    it('says that a link opens a new window', async () => {
      const banner = await mountBanner();
      await openSettingsFromFirstLayer(banner);
      await openCategory(banner, 'statistics');
      const policy = dialogRoot(banner)!.querySelector('a.policy')!;
      expect(policy.getAttribute('target')).to.equal('_blank');
      expect(description(banner, policy)).to.equal('(opens in a new window)');
    });

    it('marks where focus lands on opening with a visible outline', async () => {
      const banner = await mountBanner();
      expect(deepActiveElement()).to.equal(heading(banner));
      const style = getComputedStyle(heading(banner));
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });

    it('after a first-visit decision, returns focus to what had it when the dialog opened', async () => {
      const page = await fixture<HTMLElement>(html`<p><input aria-label="Search the site" /></p>`);
      const search = page.querySelector('input')!;
      search.focus();
      const banner = await mountBanner();
      expect(deepActiveElement()).to.equal(heading(banner));
      button(banner, 'accept').focus();
      await sendKeys({ press: 'Enter' });
      expect(openDialog(banner)).to.equal(null);
      expect(document.activeElement).to.equal(search);
    });

    it('after a first-visit decision with nothing focused before, Tab starts again at the top of the page', async () => {
      const page = await fixture<HTMLElement>(html`<nav><a href="#main">Skip to the content</a> <a href="#news">News</a></nav>`);
      (document.activeElement as HTMLElement | null)?.blur();
      const banner = await mountBanner();
      // Something to reach after the banner too, so that a Tab from there stays in the page.
      await fixture(html`<button>After the banner</button>`);
      button(banner, 'reject').focus();
      await sendKeys({ press: 'Enter' });
      expect(openDialog(banner)).to.equal(null);
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(page.querySelector('a'));
    });
  });

  describe('themes', () => {
    afterEach(() => emulateMedia({ colorScheme: 'light' }));
    const background = (banner: ConsentBanner) => getComputedStyle(shownDialog(banner)).backgroundColor;

    it('is light by default, dark with theme="dark", and follows the system with theme="auto"', async () => {
      const banner = await mountBanner();
      expect(background(banner)).to.equal('rgb(255, 255, 255)');
      banner.setAttribute('theme', 'dark');
      expect(background(banner)).to.equal('rgb(30, 31, 34)');
      expect(getComputedStyle(shownDialog(banner)).color).to.equal('rgb(236, 236, 236)');
      expect(getComputedStyle(button(banner, 'accept')).backgroundColor).to.equal('rgb(207, 224, 252)');
      await expect(banner).to.be.accessible();
      await openSettingsFromFirstLayer(banner);
      await openCategory(banner, 'statistics');
      switchFor(banner, 'stats').click();
      await expect(banner).to.be.accessible();

      banner.setAttribute('theme', 'auto');
      expect(background(banner)).to.equal('rgb(255, 255, 255)');
      await emulateMedia({ colorScheme: 'dark' });
      expect(background(banner)).to.equal('rgb(30, 31, 34)');
      // A page's own custom properties still win over either theme.
      banner.style.setProperty('--consent-background', 'rgb(1, 2, 3)');
      expect(background(banner)).to.equal('rgb(1, 2, 3)');
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
      await openCategory(banner, 'statistics');
      expect(getComputedStyle(switchFor(banner, 'stats')).outlineColor).to.equal('rgb(70, 80, 90)');
      style.remove();
    });

    it('--consent-font changes the font family only: the text keeps its own size, not the page size', async () => {
      const page = await fixture<HTMLElement>(html`<div style="font: 20px/1.2 Georgia, serif"></div>`);
      const banner = await mountBanner();
      page.append(banner);
      await banner.configApplied;
      const font = () => {
        const { fontFamily, fontSize, lineHeight } = getComputedStyle(dialogRoot(banner)!.querySelector('p')!);
        return { fontFamily, fontSize, lineHeight };
      };
      // The page's family; the dialog's own size (1rem) and line height (1.45), not the page's 20px/1.2.
      expect(font()).to.deep.equal({ fontFamily: 'Georgia, serif', fontSize: '16px', lineHeight: '23.2px' });
      banner.style.setProperty('--consent-font', 'monospace');
      expect(font()).to.deep.equal({ fontFamily: 'monospace', fontSize: '16px', lineHeight: '23.2px' });
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
      await openCategory(banner, 'statistics');
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
      await openSettingsFromFirstLayer(banner, { openCategories: true });
      const services = [...dialogRoot(banner)!.querySelectorAll('.service')];
      const stats = services.find((element) => element.querySelector('h4')!.textContent === 'Local stats')!;
      expect(stats.textContent).to.include('Example Institute');
      expect(stats.textContent).to.include('Reach measurement');
      // The cookies in a small table; a v1 pattern ("^_sx_") reads as the wildcard name it means.
      const table = stats.querySelector('table')!;
      expect(table.caption!.textContent).to.equal('Cookies');
      // (No cookie of this service gives a purpose: no purpose column.)
      expect([...table.querySelectorAll('th')].map((cell) => [cell.textContent, cell.getAttribute('scope')])).to.deep.equal([['Name', 'col'], ['Lifetime', 'col']]);
      expect([...table.tBodies[0].rows].map((row) => [...row.cells].map((cell) => cell.textContent))).to.deep.equal([['_stat', '30 days'], ['_sx_*', '1 year']]);
      expect(stats.querySelector('a')!.getAttribute('href')).to.equal('https://stats.example/privacy');
      const video = services.find((element) => element.querySelector('h4')!.textContent === 'Video host')!;
      expect(video.textContent).to.match(/transferred to\s*USA/);
    });

    it("gives a service's cookie table a purpose column when a cookie has a purpose", async () => {
      const config = testConfig();
      config.categories[1].services[0].cookies![0].purpose = { en: 'Tells visits apart for 30 days.', de: 'Unterscheidet Besuche 30 Tage lang.' };
      const banner = await mountBanner(config);
      await openSettingsFromFirstLayer(banner);
      await openCategory(banner, 'statistics');
      const table = dialogRoot(banner)!.querySelector<HTMLTableElement>('#cookies-stats')!;
      expect([...table.querySelectorAll('th')].map((cell) => cell.textContent)).to.deep.equal(['Name', 'Lifetime', 'Purpose']);
      expect([...table.tBodies[0].rows].map((row) => [...row.cells].map((cell) => cell.textContent))).to.deep.equal([
        ['_stat', '30 days', 'Tells visits apart for 30 days.'],
        ['_sx_*', '1 year', ''],
      ]);
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
      await openCategory(banner, 'necessary');
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
      await openCategory(banner, 'statistics');
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
      await openSettingsFromFirstLayer(banner, { openCategories: true });
      const controls = dialogRoot(banner)!.querySelectorAll<HTMLElement>('button, input, a, summary');
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
      await openCategory(banner, 'statistics');
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
      // Every link, button, enabled switch and disclosure in view (the services behind a closed disclosure are not).
      const focusable = [...dialogRoot(banner)!.querySelectorAll<HTMLElement>('a[href], button, input:not([disabled]), summary')].filter((element) => element.checkVisibility());
      expect(focusable.filter((element) => element.localName === 'summary')).to.have.length(3);
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
      // The services are behind their category's disclosure: open it by keyboard first.
      dialogRoot(banner)!.querySelector<HTMLElement>('#services-media')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => switchFor(banner, 'video'), 'Enter on the disclosure did not show its services');
      switchFor(banner, 'video').focus();
      expect(deepActiveElement()).to.equal(switchFor(banner, 'video'));
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

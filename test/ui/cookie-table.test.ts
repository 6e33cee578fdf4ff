import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { ConsentConfig } from '../../src/core/config-schema.js';
import type { ConsentErrorDetail } from '../../src/core/errors.js';
import { consent } from '../../src/core/store.js';
import { ConsentCookieTable } from '../../src/ui/cookie-table/consent-cookie-table.js';
import { TABLE_TEXT_FILES } from '../../src/texts/table-texts.js';

if (!customElements.get('consent-cookie-table')) customElements.define('consent-cookie-table', ConsentCookieTable);

/** The page's banner config in these tests: written here, so every expected text below is read from it by hand. */
function siteConfig(): ConsentConfig {
  return {
    revision: 1,
    links: { privacy: '/privacy' },
    categories: [
      {
        id: 'necessary',
        required: true,
        label: { en: 'Necessary', de: 'Notwendig' },
        description: { en: 'Needed for the site to work.', de: 'Nötig, damit die Website funktioniert.' },
        services: [
          {
            id: 'cms',
            name: 'Newsroom CMS',
            provider: 'Example Institute',
            purpose: { en: 'Keeps your session.', de: 'Hält Ihre Sitzung.' },
            cookies: [{ name: 'PHPSESSID', expires: { en: 'end of session', de: 'Ende der Sitzung' } }],
          },
        ],
      },
      {
        id: 'statistics',
        label: { en: 'Statistics', de: 'Statistik' },
        services: [
          {
            id: 'matomo',
            name: 'Matomo',
            provider: 'Example Institute',
            purpose: { en: 'Counts visits.', de: 'Zählt Besuche.' },
            privacyPolicy: 'https://stats.example/privacy',
            cookies: [
              { pattern: '^_pk_id\\.', expires: { en: '13 months', de: '13 Monate' }, purpose: { en: 'Tells visitors apart.', de: 'Unterscheidet Besucher.' } },
              { name: '_pk_ses.*', expires: { en: '30 minutes', de: '30 Minuten' } },
            ],
          },
        ],
      },
      {
        id: 'media',
        label: { en: 'External media', de: 'Externe Medien' },
        services: [{ id: 'video', name: 'Video host', provider: 'Video Corp.', thirdCountry: { en: 'USA', de: 'USA' }, privacyPolicy: 'https://video.example/privacy' }],
      },
    ],
  };
}

const root = (table: ConsentCookieTable) => table.shadowRoot!;
/** The captions' category names, without the descriptions under them. */
const captions = (table: ConsentCookieTable) =>
  [...root(table).querySelectorAll('caption')].map((caption) => {
    const copy = caption.cloneNode(true) as Element;
    copy.querySelector('.description')?.remove();
    return copy.textContent!.trim();
  });
const texts = (table: ConsentCookieTable, selector: string) => [...root(table).querySelectorAll(selector)].map((element) => element.textContent!.replace(/\s+/g, ' ').trim());
/** The visible texts of a service's row, without the labels that show only when cells stack. */
function rowCells(table: ConsentCookieTable, service: string): string[] {
  const row = [...root(table).querySelectorAll('tbody tr')].find((candidate) => candidate.querySelector('th')!.textContent!.includes(service))!;
  return [...row.children].map((cell) => {
    const copy = cell.cloneNode(true) as Element;
    copy.querySelector('.label')?.remove();
    return copy.textContent!.replace(/\s+/g, ' ').trim();
  });
}

describe('<consent-cookie-table>', () => {
  beforeEach(() => consent.configure(null));
  afterEach(() => consent.configure(null));

  describe('from the banner config (the shared store)', () => {
    it('renders one table per category with a caption, column and row headers, and every service and cookie', async () => {
      consent.configure(siteConfig());
      const table = await fixture<ConsentCookieTable>(html`<consent-cookie-table lang="en"></consent-cookie-table>`);
      expect(captions(table)).to.deep.equal(['Necessary', 'Statistics', 'External media']);
      expect(root(table).querySelectorAll('table')).to.have.length(3);
      for (const each of root(table).querySelectorAll('table')) {
        expect([...each.querySelectorAll('thead th')].map((cell) => cell.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col', 'col', 'col', 'col']);
      }
      expect(texts(table, 'thead th')).to.have.length(18);
      expect(texts(table, 'thead th').slice(0, 6)).to.deep.equal(['Service and provider', 'Purpose', 'Cookies and lifetime', 'Data sent outside the EU', 'Consent', 'Privacy policy']);
      expect([...root(table).querySelectorAll('tbody th')].map((cell) => cell.getAttribute('scope'))).to.deep.equal(['row', 'row', 'row']);
      expect(rowCells(table, 'Newsroom CMS')).to.deep.equal([
        'Newsroom CMSProvider: Example Institute',
        'Keeps your session.',
        'PHPSESSID – Lifetime: end of session',
        'None declared',
        'Required: runs without consent',
        '',
      ]);
      expect(rowCells(table, 'Matomo')).to.deep.equal([
        'MatomoProvider: Example Institute',
        'Counts visits.',
        '_pk_id.* – Lifetime: 13 monthsTells visitors apart. _pk_ses.* – Lifetime: 30 minutes',
        'None declared',
        'Only with your consent',
        'Privacy policy of Example Institute',
      ]);
      expect(rowCells(table, 'Video host')).to.deep.equal(['Video hostProvider: Video Corp.', '', 'Sets no cookies.', 'USA', 'Only with your consent', 'Privacy policy of Video Corp.']);
      expect(texts(table, 'code')).to.deep.equal(['PHPSESSID', '_pk_id.*', '_pk_ses.*']);
      expect([...root(table).querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal(['https://stats.example/privacy', 'https://video.example/privacy']);
      // The description is text in the caption, under the category's name.
      expect(texts(table, 'caption .description')).to.deep.equal(['Needed for the site to work.']);
      expect(root(table).querySelector('caption')!.firstElementChild!.className).to.equal('description');
      await expect(table).to.be.accessible();
    });

    it('waits for the banner config, and renders again when it is replaced', async () => {
      const table = await fixture<ConsentCookieTable>(html`<consent-cookie-table lang="en"></consent-cookie-table>`);
      expect(root(table).querySelector('table')).to.equal(null);
      let rendered = oneEvent(table, 'consent-cookie-table-render');
      consent.configure(siteConfig());
      await rendered;
      expect(captions(table)).to.deep.equal(['Necessary', 'Statistics', 'External media']);
      const replaced = siteConfig();
      replaced.categories = replaced.categories.slice(2);
      replaced.categories[0].services.push({ id: 'podcast', name: 'Podcast player', cookies: [{ name: 'pod_*', expires: '1 day' }] });
      rendered = oneEvent(table, 'consent-cookie-table-render');
      consent.configure(replaced);
      await rendered;
      expect(captions(table)).to.deep.equal(['External media']);
      expect(texts(table, 'tbody th')).to.deep.equal(['Video hostProvider: Video Corp.', 'Podcast player']);
      expect(texts(table, 'code')).to.deep.equal(['pod_*']);
    });

    it('speaks German on a German page, with the config texts in German', async () => {
      consent.configure(siteConfig());
      const table = await fixture<ConsentCookieTable>(html`<consent-cookie-table lang="de"></consent-cookie-table>`);
      expect(root(table).firstElementChild!.getAttribute('lang')).to.equal('de');
      expect(captions(table)).to.deep.equal(['Notwendig', 'Statistik', 'Externe Medien']);
      expect(texts(table, 'thead th')).to.have.length(18);
      expect(texts(table, 'thead th').slice(0, 6)).to.deep.equal(['Dienst und Anbieter', 'Zweck', 'Cookies und Speicherdauer', 'Datenübermittlung außerhalb der EU', 'Einwilligung', 'Datenschutzerklärung']);
      expect(rowCells(table, 'Newsroom CMS')).to.deep.equal([
        'Newsroom CMSAnbieter: Example Institute',
        'Hält Ihre Sitzung.',
        'PHPSESSID – Speicherdauer: Ende der Sitzung',
        'Keine angegeben',
        'Notwendig: läuft ohne Einwilligung',
        '',
      ]);
      expect(rowCells(table, 'Video host')[2]).to.equal('Setzt keine Cookies.');
      expect(rowCells(table, 'Video host')[4]).to.equal('Nur mit Ihrer Einwilligung');
      await expect(table).to.be.accessible();
    });

    it('falls back to English on a Japanese page and says so with lang="en"', async () => {
      consent.configure(siteConfig());
      const table = await fixture<HTMLElement>(html`<div lang="ja"><consent-cookie-table></consent-cookie-table></div>`).then((page) => page.querySelector<ConsentCookieTable>('consent-cookie-table')!);
      await table.updateComplete;
      expect(root(table).firstElementChild!.getAttribute('lang')).to.equal('en');
      expect(captions(table)).to.deep.equal(['Necessary', 'Statistics', 'External media']);
      expect(texts(table, 'thead th')[0]).to.equal('Service and provider');
    });

    it("speaks each built-in language of the page, unless the config's languages leave it out", async () => {
      consent.configure(siteConfig());
      const polish = await fixture<HTMLElement>(html`<div lang="pl-PL"><consent-cookie-table></consent-cookie-table></div>`).then((page) => page.querySelector<ConsentCookieTable>('consent-cookie-table')!);
      await polish.updateComplete;
      expect(root(polish).firstElementChild!.getAttribute('lang')).to.equal('pl');
      const polishTexts = (await TABLE_TEXT_FILES.pl()).default;
      expect(texts(polish, 'thead th')[0]).to.equal(polishTexts.tableService);
      expect(rowCells(polish, 'Video host')[2]).to.equal(polishTexts.tableNoCookies);
      // Changing the element's language renders it anew.
      polish.setAttribute('lang', 'el');
      await polish.updateComplete;
      expect(root(polish).firstElementChild!.getAttribute('lang')).to.equal('el');
      expect(texts(polish, 'thead th')[0]).to.equal((await TABLE_TEXT_FILES.el()).default.tableService);

      consent.configure({ ...siteConfig(), languages: ['de', 'en'] });
      const listed = await fixture<ConsentCookieTable>(html`<consent-cookie-table lang="pl"></consent-cookie-table>`);
      expect(root(listed).firstElementChild!.getAttribute('lang')).to.equal('en');
    });

    it('takes the config\'s overrides of its texts, per language', async () => {
      const config = siteConfig();
      config.texts = { de: { tableConsent: 'Zustimmung', tableNoCookies: 'Keine Cookies.' }, en: { tableRequired: 'Always on' } };
      consent.configure(config);
      const german = await fixture<ConsentCookieTable>(html`<consent-cookie-table lang="de"></consent-cookie-table>`);
      expect(texts(german, 'thead th')[4]).to.equal('Zustimmung');
      expect(rowCells(german, 'Video host')[2]).to.equal('Keine Cookies.');
      expect(rowCells(german, 'Newsroom CMS')[4]).to.equal('Notwendig: läuft ohne Einwilligung');
      const english = await fixture<ConsentCookieTable>(html`<consent-cookie-table lang="en"></consent-cookie-table>`);
      expect(texts(english, 'thead th')[4]).to.equal('Consent');
      expect(rowCells(english, 'Newsroom CMS')[4]).to.equal('Always on');
    });

    it('keeps hostile config strings as text', async () => {
      const config = siteConfig();
      config.categories[0].label = '<img src=x onerror="window.hacked=1">Necessary';
      config.categories[0].services[0].name = '<script>window.hacked=1</script>"CMS"';
      config.categories[0].services[0].cookies![0].name = 'a<b>"c"';
      consent.configure(config);
      const table = await fixture<ConsentCookieTable>(html`<consent-cookie-table lang="en"></consent-cookie-table>`);
      expect(root(table).querySelector('img, script, b')).to.equal(null);
      expect(captions(table)[0]).to.equal('<img src=x onerror="window.hacked=1">Necessary');
      expect(texts(table, 'caption .description')[0]).to.equal('Needed for the site to work.');
      expect(texts(table, 'tbody th')[0]).to.equal('<script>window.hacked=1</script>"CMS"Provider: Example Institute');
      expect(texts(table, 'code')[0]).to.equal('a<b>"c"');
    });
  });

  describe('its own config', () => {
    it('loads its src, before the banner config', async () => {
      consent.configure(siteConfig());
      const table = await fixture<ConsentCookieTable>(html`<consent-cookie-table lang="en" src="/test/fixtures/cookie-table.json"></consent-cookie-table>`);
      await table.updateComplete;
      expect(captions(table)).to.deep.equal(['Essential', 'Maps']);
      expect(rowCells(table, 'Shop session')).to.deep.equal(['Shop session', 'Keeps the basket.', 'basket – Lifetime: 2 hours', 'None declared', 'Required: runs without consent', '']);
      expect(rowCells(table, 'Tile server')).to.deep.equal(['Tile serverProvider: Tiles Ltd.', '', 'Sets no cookies.', 'Canada', 'Only with your consent', 'Privacy policy of Tiles Ltd.']);
      expect(root(table).querySelector('a')!.getAttribute('href')).to.equal('/tiles-privacy');
      // The banner's config changing does not touch a table with its own.
      consent.configure(null);
      expect(captions(table)).to.deep.equal(['Essential', 'Maps']);
      await expect(table).to.be.accessible();
    });

    it('takes inline JSON, before the banner config', async () => {
      consent.configure(siteConfig());
      const own = { revision: 1, links: { privacy: '/p' }, categories: [{ id: 'forms', required: true, label: 'Forms', services: [{ id: 'captcha', name: 'Spam guard', cookies: [{ name: 'guard', expires: '10 minutes' }] }] }] };
      const table = await fixture<ConsentCookieTable>(`<consent-cookie-table lang="en"><script type="application/json">${JSON.stringify(own)}</script></consent-cookie-table>`);
      await table.updateComplete;
      expect(captions(table)).to.deep.equal(['Forms']);
      expect(rowCells(table, 'Spam guard')[2]).to.equal('guard – Lifetime: 10 minutes');
    });

    it('loads a new src when it changes', async () => {
      const table = await fixture<ConsentCookieTable>(html`<consent-cookie-table lang="de" src="/test/fixtures/cookie-table.json"></consent-cookie-table>`);
      await table.updateComplete;
      expect(captions(table)).to.deep.equal(['Unverzichtbar', 'Karten']);
      const failed = oneEvent(document, 'consent-error');
      table.src = '/test/fixtures/no-such-config.json';
      await table.updateComplete;
      await failed;
      expect(root(table).querySelector('table')).to.equal(null);
    });

    it('reports a src that does not load, with the src as its path, and renders nothing', async () => {
      consent.configure(siteConfig());
      const reported = oneEvent(document, 'consent-error');
      const table = await fixture<ConsentCookieTable>(html`<consent-cookie-table src="/test/fixtures/no-such-config.json"></consent-cookie-table>`);
      const { detail } = (await reported) as CustomEvent<ConsentErrorDetail>;
      await table.updateComplete;
      expect(detail.kind).to.equal('config');
      expect(detail.path).to.equal('src "/test/fixtures/no-such-config.json"');
      expect(detail.message).to.match(/^could not load the config \(HTTP 404\)/);
      expect(root(table).childElementCount).to.equal(0);
      expect(root(table).textContent!.trim()).to.equal('');
    });

    it('reports an invalid config at its JSON path and renders nothing', async () => {
      const broken = { revision: 1, links: { privacy: '/p' }, categories: [{ id: 'forms', label: 'Forms', services: [{ id: 'Bad Id', name: 'Spam guard' }] }] };
      const reported = oneEvent(document, 'consent-error');
      const table = await fixture<ConsentCookieTable>(`<consent-cookie-table><script type="application/json">${JSON.stringify(broken)}</script></consent-cookie-table>`);
      const { detail } = (await reported) as CustomEvent<ConsentErrorDetail>;
      expect(detail.kind).to.equal('config');
      expect(detail.path).to.equal('$.categories[0].services[0].id');
      expect(root(table).querySelector('table')).to.equal(null);
    });
  });

  describe('layout', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('stacks its cells at 320 px, so the page does not scroll sideways', async () => {
      consent.configure(siteConfig());
      await setViewport({ width: 320, height: 640 });
      const table = await fixture<ConsentCookieTable>(html`<consent-cookie-table lang="en"></consent-cookie-table>`);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const cell = root(table).querySelector('td')!;
      expect(getComputedStyle(cell).display).to.equal('block');
      // Each stacked cell names its column.
      expect(getComputedStyle(cell.querySelector('.label')!).display).to.equal('block');
      await expect(table).to.be.accessible();
    });

    it('keeps its borders in forced colours', async () => {
      consent.configure(siteConfig());
      await emulateMedia({ forcedColors: 'active' });
      try {
        const table = await fixture<ConsentCookieTable>(html`<consent-cookie-table lang="en"></consent-cookie-table>`);
        const style = getComputedStyle(root(table).querySelector('td')!);
        expect(style.borderTopStyle).to.equal('solid');
        expect(style.borderTopWidth).to.not.equal('0px');
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    });
  });
});

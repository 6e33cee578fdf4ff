import { expect } from '@open-wc/testing';
import { clearCookies, testConfig } from '../support/core.js';
import { button, dialogRoot, freshPage, mountBanner, shownDialog } from '../support/elements.js';
import { BUILT_IN_LANGUAGES, DIALOG_TEXT_KEYS, EMBED_TEXT_KEYS, TABLE_TEXT_KEYS } from '../../src/texts/keys.js';
import { TABLE_TEXT_FILES } from '../../src/texts/table-texts.js';
import { UI_TEXT_FILES } from '../../src/texts/ui-texts.js';
import type { ConsentBanner } from '../../src/ui/banner/consent-banner.js';

/** The `{placeholders}` of a text, sorted. */
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
/** The 24 official languages of the EU, written out here rather than read from the code under test. */
const EU_LANGUAGES = 'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' ');

function expectComplete(language: string, texts: Record<string, string>, english: Record<string, string>, keys: readonly string[]): void {
  expect(Object.keys(texts).sort(), `${language}: keys`).to.deep.equal([...keys].sort());
  for (const key of keys) {
    const text = texts[key];
    expect(text, `${language}.${key} is empty`).not.to.equal('');
    expect(text.trim(), `${language}.${key} has white space at an end`).to.equal(text);
    expect(text, `${language}.${key} has a double space`).not.to.include('  ');
    expect(placeholders(text), `${language}.${key}: placeholders`).to.deep.equal(placeholders(english[key]));
  }
}

/** A language's whole file (in the source, each file is whole whichever part is asked for). */
const wholeFile = (language: string) => UI_TEXT_FILES[language]('dialog') as Promise<{ default: Record<string, string> }>;
const title = (banner: ConsentBanner) => dialogRoot(banner)!.querySelector('h2')!.textContent!.trim();

describe('languages', () => {
  beforeEach(freshPage);
  afterEach(clearCookies);

  it('has built-in texts for exactly the 24 official EU languages, for the dialog and for the cookie table', () => {
    expect([...BUILT_IN_LANGUAGES]).to.deep.equal(EU_LANGUAGES);
    expect(Object.keys(UI_TEXT_FILES).sort()).to.deep.equal(EU_LANGUAGES);
    expect(Object.keys(TABLE_TEXT_FILES).sort()).to.deep.equal(EU_LANGUAGES);
  });

  for (const language of EU_LANGUAGES) {
    it(`${language}: every text, with the placeholders of the English one, and the dialog marked lang="${language}"`, async () => {
      const [texts, english, table, englishTable] = await Promise.all([wholeFile(language), wholeFile('en'), TABLE_TEXT_FILES[language](), TABLE_TEXT_FILES.en()]);
      expectComplete(language, texts.default, english.default, [...DIALOG_TEXT_KEYS, ...EMBED_TEXT_KEYS]);
      expectComplete(`table ${language}`, table.default, englishTable.default, TABLE_TEXT_KEYS);
      // The introduction points to the settings by their title, as the page's footer link should name them.
      expect(texts.default.intro, `${language}: the intro names the settings' title`).to.include(texts.default.settingsTitle);
      if (language !== 'en') expect(texts.default.acceptAll, `${language}: translated`).not.to.equal(english.default.acceptAll);

      const banner = await mountBanner(testConfig(), language);
      const dialog = shownDialog(banner);
      expect(dialog.lang).to.equal(language);
      expect(title(banner)).to.equal(texts.default.title);
      expect(button(banner, 'accept').textContent!.trim()).to.equal(texts.default.acceptAll);
      expect(button(banner, 'reject').textContent!.trim()).to.equal(texts.default.rejectAll);
    });
  }

  it('speaks English, marked lang="en", on a page in a language without built-in texts', async () => {
    const english = (await wholeFile('en')).default;
    for (const language of ['ja', 'eu', 'no']) {
      freshPage();
      const banner = await mountBanner(testConfig(), language);
      expect(shownDialog(banner).lang).to.equal('en');
      expect(title(banner)).to.equal(english.title);
    }
  });

  it('speaks English where the config lists its languages and the page is in another one', async () => {
    const banner = await mountBanner({ ...testConfig(), languages: ['de', 'en'] }, 'fr');
    expect(shownDialog(banner).lang).to.equal('en');
    expect(title(banner)).to.equal((await wholeFile('en')).default.title);
  });

  it("speaks a language without built-in texts that the config's texts give, over the English ones", async () => {
    const banner = await mountBanner({ ...testConfig(), texts: { eu: { title: 'Zure pribatutasun-aukerak', acceptAll: 'Denak onartu' } } }, 'eu');
    expect(shownDialog(banner).lang).to.equal('eu');
    expect(title(banner)).to.equal('Zure pribatutasun-aukerak');
    expect(button(banner, 'accept').textContent!.trim()).to.equal('Denak onartu');
  });

  it("takes the config's texts over the built-in ones of a built-in language", async () => {
    const banner = await mountBanner({ ...testConfig(), texts: { pl: { title: 'Prywatność w Instytucie' } } }, 'pl');
    expect(title(banner)).to.equal('Prywatność w Instytucie');
    expect(button(banner, 'reject').textContent!.trim()).to.equal((await wholeFile('pl')).default.rejectAll);
  });

  for (const language of ['fr', 'pl', 'el', 'bg']) {
    it(`${language}: the first layer and the settings layer pass axe`, async () => {
      const banner = await mountBanner(testConfig(), language);
      shownDialog(banner);
      await expect(banner).to.be.accessible();
      await banner.showSettings();
      expect(dialogRoot(banner)!.querySelector('[data-action="save"]')).to.exist;
      await expect(banner).to.be.accessible();
    });
  }
});

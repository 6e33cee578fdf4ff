import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { consent } from '../../src/core/store.js';
import type { ConsentBanner } from '../../src/ui/banner/consent-banner.js';
import { clearCookies, testConfig } from '../support/core.js';
import { button, deepActiveElement, dialogRoot, freshPage, openAllCategories, openCategory, shownDialog } from '../support/elements.js';

type Layout = 'dialog' | 'box' | 'bar';

/** Mounts a banner with a layout (and a language, a theme), after whatever the test put on the page. */
async function mountLayout(layout: Layout, { lang = 'en', theme = 'light', config = testConfig() as unknown } = {}): Promise<ConsentBanner> {
  for (const previous of document.querySelectorAll('consent-banner')) previous.remove();
  const banner = await fixture<ConsentBanner>(html`<consent-banner layout=${layout} lang=${lang} theme=${theme} .config=${config}></consent-banner>`);
  await banner.configApplied;
  return banner;
}

async function openSettings(banner: ConsentBanner): Promise<void> {
  button(banner, 'settings').click();
  await waitUntil(() => dialogRoot(banner)!.querySelector('[data-action="save"]'), 'the settings layer did not show');
}

/** Every control of the open layer, with every category opened. */
async function controls(banner: ConsentBanner): Promise<HTMLElement[]> {
  await openAllCategories(banner);
  return [...dialogRoot(banner)!.querySelectorAll<HTMLElement>('a[href], button, input:not(:disabled), summary')];
}

/**
 * How much of `element` shows (width and height in px): its box cut by the window and by
 * every ancestor up to the dialog that clips what overflows it (a scroll box shows only what
 * it has scrolled to).
 */
function shownSize(element: HTMLElement, dialog: HTMLDialogElement): [number, number] {
  let { left, top, right, bottom } = element.getBoundingClientRect();
  [right, bottom] = [Math.min(right, innerWidth), Math.min(bottom, innerHeight)];
  [left, top] = [Math.max(left, 0), Math.max(top, 0)];
  for (let box = element.parentElement; box; box = box === dialog ? null : box.parentElement) {
    if (getComputedStyle(box).overflow === 'visible') continue;
    const clip = box.getBoundingClientRect();
    [left, top, right, bottom] = [Math.max(left, clip.left + box.clientLeft), Math.max(top, clip.top + box.clientTop), Math.min(right, clip.left + box.clientLeft + box.clientWidth), Math.min(bottom, clip.top + box.clientTop + box.clientHeight)];
  }
  return [Math.max(0, right - left), Math.max(0, bottom - top)];
}

/** WCAG 1.4.12's text spacing, as the usual bookmarklet applies it. */
function applyTextSpacing(banner: ConsentBanner): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
  dialogRoot(banner)!.adoptedStyleSheets = [...dialogRoot(banner)!.adoptedStyleSheets, sheet];
}

describe('layouts', () => {
  beforeEach(freshPage);
  afterEach(async () => {
    clearCookies();
    await setViewport({ width: 1280, height: 800 });
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const layout of ['box', 'bar'] as const) {
    it(`${layout}: not modal, the page readable and usable; "Settings" opens the modal settings layer`, async () => {
      const page = await fixture<HTMLElement>(html`<main><p>Article text.</p><button @click=${() => (page.dataset.clicks = String(Number(page.dataset.clicks ?? 0) + 1))}>Page button</button></main>`);
      const banner = await mountLayout(layout);
      const dialog = shownDialog(banner);
      expect(dialog.matches(':modal')).to.be.false;
      const box = dialog.getBoundingClientRect();
      expect(Math.round(box.bottom)).to.be.at.most(innerHeight);
      if (layout === 'bar') expect([Math.round(box.left), Math.round(box.width)]).to.deep.equal([0, innerWidth]);
      // The box: in the corner, at most 26rem wide.
      else expect([Math.round(innerWidth - box.right), box.width <= 26 * 16]).to.deep.equal([16, true]);
      // The page is neither dimmed nor inert: a real click on its button works.
      const pageButton = page.querySelector('button')!;
      const target = pageButton.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(target.x + target.width / 2), Math.round(target.y + target.height / 2)] });
      expect(page.dataset.clicks).to.equal('1');
      await expect(banner).to.be.accessible();

      await openSettings(banner);
      expect(dialog.matches(':modal')).to.be.true;
      await expect(banner).to.be.accessible();
      // Back to the first layer (no decision yet): not modal again.
      await sendKeys({ press: 'Escape' });
      expect(dialog.open).to.be.true;
      expect(dialog.matches(':modal')).to.be.false;
      expect(deepActiveElement() === button(banner, 'settings'), 'focus on "Settings"').to.be.true;

      button(banner, 'reject').click();
      expect(dialog.open).to.be.false;
      expect(consent.decision!.method).to.equal('reject-all');
      // The room kept below the page is given back.
      expect([document.documentElement.style.scrollPaddingBottom, document.body.style.paddingBottom]).to.deep.equal(['', '']);
    });

    it(`${layout}, first visit: focus returns to the "Cookie settings" link that opened the settings; "Always allow" leaves it on what loaded`, async () => {
      const page = await fixture<HTMLElement>(html`<main>
        <consent-embed service="social"><template><p><a href="#post">A post</a></p></template></consent-embed>
        <footer><a href="#cookies" data-consent-open>Cookie settings</a></footer>
      </main>`);
      const banner = await mountLayout(layout);
      const dialog = shownDialog(banner);
      const link = page.querySelector<HTMLAnchorElement>('a[data-consent-open]')!;
      link.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogRoot(banner)!.querySelector('[data-action="save"]'), 'the settings layer did not show');
      expect(dialog.matches(':modal')).to.be.true;
      button(banner, 'save').focus();
      await sendKeys({ press: 'Enter' });
      expect(dialog.open).to.be.false;
      expect(deepActiveElement() === link, 'focus back on "Cookie settings"').to.be.true;

      // Again undecided, now with the placeholder's "Always allow": one service decided, the others not yet.
      clearCookies();
      freshPage();
      const again = await fixture<HTMLElement>(html`<main>
        <consent-embed service="social"><template><p><a href="#post">A post</a></p></template></consent-embed>
      </main>`);
      const reopened = await mountLayout(layout);
      const box = shownDialog(reopened);
      const embed = again.querySelector('consent-embed')!;
      const alwaysButton = () => embed.shadowRoot?.querySelector<HTMLButtonElement>('button[part~="always"]');
      await waitUntil(alwaysButton, 'no placeholder');
      const always = alwaysButton()!;
      let closes = 0;
      box.addEventListener('close', () => closes++);
      always.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => embed.querySelector('a[href="#post"]'), 'the post did not load');
      const post = embed.querySelector('a[href="#post"]');
      expect(consent.needsDecision).to.be.true;
      // The box stays, still asking about the rest (not closed and shown again, which moves focus into it),
      // and focus is where the content loaded.
      expect([box.open, closes]).to.deep.equal([true, 0]);
      expect(deepActiveElement() === post, 'focus on the post').to.be.true;
    });

    it(`${layout}: a focused page element is never hidden behind it, with a sticky header on the page too`, async () => {
      await setViewport({ width: 800, height: 500 });
      const banner = await mountLayout(layout);
      // The page after the banner, so that Tab goes from the dialog into it.
      const page = await fixture<HTMLElement>(html`<div>
        <style>
          html { scroll-padding-top: 4rem; }
        </style>
        <header style="position: sticky; top: 0; height: 3.5rem; background: #eee">Site header</header>
        ${Array.from({ length: 30 }, (_, index) => html`<p>Paragraph ${index} with <a href="#link-${index}">link ${index}</a>.</p>`)}
        <footer><a href="#imprint">Imprint</a></footer>
        <button>Last on the page</button>
      </div>`);
      const dialog = shownDialog(banner);
      const links = [...page.querySelectorAll('a')];
      const header = page.querySelector('header')!;
      // From the dialog's heading through its controls, then every link of the page, by real key presses.
      const inDialog = (await controls(banner)).filter((element) => element.checkVisibility()).length;
      for (let press = 0; press < inDialog; press++) await sendKeys({ press: 'Tab' });
      for (const link of links) {
        await sendKeys({ press: 'Tab' });
        expect(document.activeElement === link, `focus on ${link.textContent}`).to.be.true;
        const rect = link.getBoundingClientRect();
        expect(rect.bottom, `${link.textContent} is above the ${layout}`).to.be.at.most(dialog.getBoundingClientRect().top + 0.5);
        expect(rect.top, `${link.textContent} is below the header`).to.be.at.least(header.getBoundingClientRect().bottom - 0.5);
      }
    });
  }

  it('dialog: the first layer never blocks the pages the config links to, so the privacy policy can be read before deciding', async () => {
    const here = testConfig({ links: { privacy: `${location.pathname}#cookies`, imprint: '/imprint' } });
    const banner = await mountLayout('dialog', { config: here });
    expect(shownDialog(banner).matches(':modal')).to.be.false;
    await openSettings(banner);
    expect(shownDialog(banner).matches(':modal')).to.be.true;
    // Elsewhere it is the modal dialog.
    freshPage();
    const elsewhere = await mountLayout('dialog');
    expect(shownDialog(elsewhere).matches(':modal')).to.be.true;
  });

  for (const [width, height, name] of [
    [320, 256, '320×256'],
    [320, 180, '1280×720 at 400 % zoom (320×180)'],
  ] as const) {
    for (const layout of ['dialog', 'box', 'bar'] as const) {
      it(`${layout} at ${name}: every control of both layers can be reached and seen, nothing scrolls sideways, text spacing clips nothing`, async () => {
        await setViewport({ width, height });
        // A service named by one long word (a German compound, a brand), as real configs have them.
        const config = testConfig();
        config.categories[2].services[1].name = 'Kartenkachelserver';
        const banner = await mountLayout(layout, { config });
        for (const layer of ['first', 'settings']) {
          if (layer === 'settings') await openSettings(banner);
          applyTextSpacing(banner);
          const dialog = shownDialog(banner);
          const all = await controls(banner);
          expect(all.length, layer).to.be.at.least(layer === 'first' ? 5 : 15);
          for (const control of all) {
            control.focus();
            // (Booleans, not elements: chai would print a whole element tree on failure.)
            expect(dialogRoot(banner)!.activeElement === control, `${layer}: focus on ${control.outerHTML}`).to.be.true;
            // Seen whole, once focused: inside the window and inside every box that clips it (not scrolled away within it).
            const rect = control.getBoundingClientRect();
            const [shownWidth, shownHeight] = shownSize(control, dialog);
            expect([shownWidth + 1 >= rect.width, shownHeight + 1 >= rect.height], `${layer}: ${control.outerHTML} shows ${shownWidth}×${shownHeight} of ${rect.width}×${rect.height}`).to.deep.equal([true, true]);
          }
          // Every text can be scrolled into view and read: at least a line of it shows (a paragraph may be taller than the window).
          for (const text of dialogRoot(banner)!.querySelectorAll<HTMLElement>('h2, p:not([hidden]), li, dt, dd, th, td')) {
            if (!text.checkVisibility()) continue;
            text.scrollIntoView({ block: 'nearest' });
            const rect = text.getBoundingClientRect();
            const [shownWidth, shownHeight] = shownSize(text, dialog);
            expect([shownWidth + 1 >= Math.min(rect.width, innerWidth - 16), shownHeight + 1 >= Math.min(rect.height, 20)], `${layer}: ${text.outerHTML.slice(0, 80)} shows ${shownWidth}×${shownHeight} of ${rect.width}×${rect.height}`).to.deep.equal([true, true]);
          }
          // Nothing scrolls sideways, in the dialog or the page; no text box is cut off.
          for (const box of [dialog, ...dialog.querySelectorAll<HTMLElement>('*')].filter((element) => getComputedStyle(element).overflowX !== 'visible')) {
            expect(box.scrollWidth, `${layer}: ${box.outerHTML.slice(0, 60)}`).to.be.at.most(box.clientWidth);
          }
          expect(document.documentElement.scrollWidth, layer).to.be.at.most(innerWidth);
          for (const text of dialogRoot(banner)!.querySelectorAll<HTMLElement>('p, li, dd, td, th, h2, h3, h4, button, summary')) {
            expect(text.scrollWidth, `${layer}: ${text.outerHTML.slice(0, 80)}`).to.be.at.most(text.clientWidth + 1);
          }
        }
      });
    }
  }

  it('passes axe in every layout, layer and theme, in German, English, French, Polish and Greek', async () => {
    for (const layout of ['dialog', 'box', 'bar'] as const) {
      for (const theme of ['light', 'dark']) {
        for (const lang of ['de', 'en', 'fr', 'pl', 'el']) {
          freshPage();
          const banner = await mountLayout(layout, { lang, theme });
          shownDialog(banner);
          await expect(banner, `${layout} ${theme} ${lang} first layer`).to.be.accessible();
          await openSettings(banner);
          await expect(banner, `${layout} ${theme} ${lang} settings`).to.be.accessible();
          // With a category open too. (axe counts what a scroll box has scrolled away as hidden, so the last one, in view.)
          const last = [...dialogRoot(banner)!.querySelectorAll('summary')].at(-1)!;
          await openCategory(banner, last.id.replace('services-', ''));
          last.scrollIntoView();
          await expect(banner, `${layout} ${theme} ${lang} settings, a category open`).to.be.accessible();
        }
      }
    }
  });
});

import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { consent } from '../../src/core/store.js';
import type { ConsentErrorDetail } from '../../src/core/errors.js';
import type { ConsentEmbed } from '../../src/ui/embed/consent-embed.js';
import { clearCookies, loadsSettled, recordNetwork, recordedRequests, thirdPartyRequests, waitForRequest } from '../support/core.js';
import { deepActiveElement, dialogRoot, freshPage, mountBanner, openCategory, shownDialog } from '../support/elements.js';

declare global {
  interface Window {
    ran?: string[];
    widgetRuns?: string[];
  }
}

const VIDEO_ID = 'abcdefghijk';
const player = (embed: ConsentEmbed) => embed.querySelector('iframe');
const placeholderButton = (embed: ConsentEmbed, part: 'load' | 'always') => embed.shadowRoot?.querySelector<HTMLButtonElement>(`button[part~="${part}"]`) ?? null;
const showsPlaceholder = (embed: ConsentEmbed) => Boolean(placeholderButton(embed, 'load')) && !embed.shadowRoot!.querySelector<HTMLElement>('.placeholder')!.hidden;
/** Compares elements by identity as a boolean: chai would walk a cross-origin iframe's window to print a failure, which kills the page. */
const isFocused = (element: Element | null) => element !== null && deepActiveElement() === element;
const thirdParty = () => `http://127.0.0.1:${location.port}/test/fixtures`;

/** Waits for a state the embed reaches after loading a chunk or running scripts. */
const until = (condition: () => unknown, message?: string) => waitUntil(condition, message, { timeout: 8000 });

/** Mounts markup (a string: Lit allows no expressions inside <template>) and waits until its embeds settled. */
async function mountEmbeds(markup: string): Promise<ConsentEmbed[]> {
  const page = await fixture<HTMLElement>(markup);
  await customElements.whenDefined('consent-embed');
  const embeds = [...page.querySelectorAll<ConsentEmbed>('consent-embed')];
  await until(() => embeds.every((embed) => showsPlaceholder(embed) || embed.querySelector('iframe, script, blockquote')), 'embeds did not settle');
  return embeds;
}

/** A returning visitor who refused everything: the dialog is closed and the placeholders are usable. */
async function afterRefusal(): Promise<void> {
  await mountBanner();
  consent.rejectAll();
}

const twoVideos = () => `<div>
  <consent-embed service="video" video="${VIDEO_ID}" label="Seagrass dive" poster="/test/fixtures/pixel.svg"></consent-embed>
  <consent-embed service="video" video="lmnopqrstuv" label="Core sampling"></consent-embed>
</div>`;

describe('<consent-embed>', () => {
  beforeEach(async () => {
    freshPage();
    window.ran = [];
    window.widgetRuns = [];
    await recordNetwork();
  });
  afterEach(async () => {
    await loadsSettled();
    clearCookies();
  });

  describe('placeholder', () => {
    it('says what would load and from whom, and requests nothing from the provider, also on hover and focus', async () => {
      await afterRefusal();
      const [first] = await mountEmbeds(twoVideos());
      const notice = first.shadowRoot!.querySelector('[part="notice"]')!.textContent!;
      expect(notice).to.include('Seagrass dive');
      expect(notice).to.include('Video Corp.');
      expect(notice).to.include('Plays videos.');
      expect(notice).to.match(/transferred to:\s*USA/);
      expect(first.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('https://video.example/privacy');
      expect(placeholderButton(first, 'load')!.textContent).to.equal('Load video');
      expect(placeholderButton(first, 'load')!.getAttribute('aria-label')).to.equal('Load video: Seagrass dive');
      expect(placeholderButton(first, 'always')!.textContent).to.equal('Always allow Video host');

      const box = first.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
      placeholderButton(first, 'load')!.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(player(first) === null).to.be.true;
      expect(await thirdPartyRequests()).to.deep.equal([]);
      expect((await recordedRequests()).some((url) => url.endsWith('/test/fixtures/pixel.svg'))).to.be.true;
      await expect(first).to.be.accessible();
    });

    it('speaks German and stays accessible', async () => {
      document.documentElement.lang = 'de';
      try {
        await afterRefusal();
        const [first] = await mountEmbeds(twoVideos());
        expect(placeholderButton(first, 'load')!.textContent).to.equal('Video laden');
        expect(placeholderButton(first, 'always')!.textContent).to.equal('Video host immer erlauben');
        await expect(first).to.be.accessible();
      } finally {
        document.documentElement.lang = 'en';
      }
    });

    it('refuses a poster from another site, reports it and does not request it', async () => {
      await afterRefusal();
      const error = oneEvent(document, 'consent-error');
      const [embed] = await mountEmbeds(`<div><consent-embed service="video" video="${VIDEO_ID}" poster="${thirdParty()}/pixel.svg"></consent-embed></div>`);
      const { detail } = (await error) as CustomEvent<ConsentErrorDetail>;
      expect(detail.kind).to.equal('markup');
      expect(detail.message).to.match(/poster must come from this site/);
      expect(embed.shadowRoot!.querySelector('img')).to.equal(null);
      expect(await thirdPartyRequests()).to.deep.equal([]);
    });

    it('shows a poster given in the poster slot and a caption, and keeps the caption after loading', async () => {
      await afterRefusal();
      const [embed] = await mountEmbeds(`<div><consent-embed service="video" video="${VIDEO_ID}">
        <img slot="poster" src="/test/fixtures/pixel.svg" alt="" />
        <p slot="caption">A caption written by the newsroom.</p>
      </consent-embed></div>`);
      const poster = embed.querySelector<HTMLImageElement>('img[slot="poster"]')!;
      expect(poster.assignedSlot?.name).to.equal('poster');
      expect(poster.getBoundingClientRect().height).to.be.above(0);
      const caption = embed.querySelector<HTMLElement>('[slot="caption"]')!;
      expect(caption.getBoundingClientRect().height).to.be.above(0);
      embed.load();
      expect(player(embed), 'content is stamped at once').to.exist;
      // The placeholder keeps its box under the player (nothing below moves), unseen.
      expect(poster.checkVisibility({ visibilityProperty: true }), 'the poster no longer shows').to.equal(false);
      expect(caption.getBoundingClientRect().height).to.be.above(0);
      await expect(embed).to.be.accessible();
    });

    it('keeps the content blocked and says so when the service is not in the config', async () => {
      await afterRefusal();
      const error = oneEvent(document, 'consent-error');
      const page = await fixture<HTMLElement>(`<div><consent-embed service="vimeo" video="${VIDEO_ID}"></consent-embed></div>`);
      await customElements.whenDefined('consent-embed');
      expect(((await error) as CustomEvent<ConsentErrorDetail>).detail.path).to.equal('<consent-embed service="vimeo">');
      const embed = page.querySelector<ConsentEmbed>('consent-embed')!;
      await until(() => embed.shadowRoot!.querySelector('[part="notice"]'));
      expect(embed.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.include('cannot be shown');
      expect(embed.shadowRoot!.querySelector('button')).to.equal(null);
      expect(player(embed) === null).to.be.true;
    });

    it('reserves the size of the embed, so loading does not shift the page', async () => {
      await afterRefusal();
      const [first] = await mountEmbeds(twoVideos());
      const before = first.getBoundingClientRect();
      expect(before.height).to.be.closeTo((before.width * 9) / 16, 1);
      first.load();
      expect(player(first), 'content is stamped at once').to.exist;
      const after = first.getBoundingClientRect();
      expect(after.height).to.be.closeTo(before.height, 1);
      expect(player(first)!.getBoundingClientRect().height).to.be.closeTo(before.height, 1);
    });
  });

  it('keeps the content blocked, and says why, for an id that is no service: an unknown one, or a category', async () => {
    await mountBanner();
    const reports: ConsentErrorDetail[] = [];
    const reported = new Promise<void>((resolve) =>
      document.addEventListener('consent-error', function listen(event) {
        reports.push((event as CustomEvent<ConsentErrorDetail>).detail);
        if (reports.length === 2) resolve(document.removeEventListener('consent-error', listen));
      }),
    );
    const page = await fixture<HTMLElement>(`<div>
      <consent-embed service="vidoe"><template><p>Typo</p></template></consent-embed>
      <consent-embed service="media"><template><p>A category</p></template></consent-embed>
    </div>`);
    await reported;
    expect(reports).to.deep.equal([
      { kind: 'markup', path: '<consent-embed service="vidoe">', message: '"vidoe" is no service of the config; the content stays blocked' },
      { kind: 'markup', path: '<consent-embed service="media">', message: '"media" is no service of the config; the content stays blocked' },
    ]);
    // Not even "Accept all" loads them.
    consent.acceptAll();
    expect(page.querySelectorAll('p').length).to.equal(0);
  });

  describe('"Load"', () => {
    it('loads that one embed for this page view only, stores nothing, and moves focus to the player', async () => {
      await afterRefusal();
      const stored = consent.decision;
      const cookieBefore = document.cookie;
      const [first, second] = await mountEmbeds(twoVideos());
      const loaded = oneEvent(first, 'consent-embed-load');
      placeholderButton(first, 'load')!.click();
      expect((await loaded).detail).to.deep.equal({ service: 'video', by: 'click' });
      expect(player(first)!.src).to.equal(`https://www.youtube-nocookie.com/embed/${VIDEO_ID}`);
      expect(player(first)!.title).to.equal('Seagrass dive');
      expect(isFocused(player(first)), 'focus').to.be.true;
      expect(showsPlaceholder(second)).to.be.true;
      expect(player(second) === null).to.be.true;
      expect(consent.decision).to.deep.equal(stored);
      expect(document.cookie).to.equal(cookieBefore);
      await waitForRequest(`https://www.youtube-nocookie.com/embed/${VIDEO_ID}`);
      // The set of URLs: Chromium may issue a frame's navigation request twice.
      expect([...new Set(await thirdPartyRequests())]).to.deep.equal([`https://www.youtube-nocookie.com/embed/${VIDEO_ID}`]);

      // The next page view starts with the placeholder again.
      await mountBanner();
      const [again] = await mountEmbeds(twoVideos());
      expect(showsPlaceholder(again)).to.be.true;
    });

    it('works from the keyboard: Tab to "Load video", Enter', async () => {
      await afterRefusal();
      const [first] = await mountEmbeds(twoVideos());
      placeholderButton(first, 'load')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(player(first), 'content is stamped at once').to.exist;
      expect(isFocused(player(first)), 'focus').to.be.true;
    });
  });

  describe('"Always allow"', () => {
    it('loads every embed of the service, stores the grant, shows it in the settings and survives a reload', async () => {
      await afterRefusal();
      const [first, second] = await mountEmbeds(twoVideos());
      const change = oneEvent(document, 'consent-change');
      placeholderButton(first, 'always')!.click();
      expect((await change).detail.method).to.equal('placeholder');
      expect(Boolean(player(first))).to.be.true;
      expect(Boolean(player(second))).to.be.true;
      expect(isFocused(player(first)), 'focus').to.be.true;
      expect(consent.storedChoice('video')).to.be.true;
      expect(consent.storedChoice('social')).to.be.false;
      expect(consent.storedChoice('stats')).to.be.false;

      const banner = await mountBanner();
      expect(consent.needsDecision).to.be.false;
      await banner.showSettings();
      shownDialog(banner);
      await openCategory(banner, 'media');
      expect(dialogRoot(banner)!.querySelector<HTMLInputElement>('input[aria-labelledby="service-video"]')!.checked).to.be.true;
      expect(dialogRoot(banner)!.querySelector<HTMLInputElement>('input[aria-labelledby="service-social"]')!.checked).to.be.false;

      const [reloaded] = await mountEmbeds(twoVideos());
      expect(Boolean(player(reloaded))).to.be.true;
      expect(reloaded.shadowRoot!.querySelector('button')).to.equal(null);
    });

    it('no longer holds once withdrawn in the settings: every live embed gets its placeholder back', async () => {
      await afterRefusal();
      const [first, second] = await mountEmbeds(twoVideos());
      second.load();
      placeholderButton(first, 'always')!.click();
      expect(Boolean(player(first))).to.be.true;
      const unloaded = oneEvent(first, 'consent-embed-unload');
      consent.saveSelection([]);
      await unloaded;
      await until(() => showsPlaceholder(first) && showsPlaceholder(second));
      expect(player(first) === null).to.be.true;
      expect(player(second) === null).to.be.true;
      expect(consent.isGranted('video')).to.be.false;
    });
  });

  describe('with the banner', () => {
    it('"Accept all" loads every embed; a category grant loads the embeds of its services only', async () => {
      const banner = await mountBanner();
      const dialog = shownDialog(banner);
      const embeds = await mountEmbeds(`<div>
        <consent-embed service="video" video="${VIDEO_ID}"></consent-embed>
        <consent-embed service="social"><template><iframe title="Post" src="${thirdParty()}/frame.html"></iframe></template></consent-embed>
      </div>`);
      expect(embeds.every(showsPlaceholder)).to.be.true;
      dialogRoot(banner)!.querySelector<HTMLButtonElement>('button[data-action="accept"]')!.click();
      expect(dialog.open).to.be.false;
      expect(embeds.map((embed) => Boolean(player(embed)))).to.deep.equal([true, true]);

      consent.saveSelection(['social']);
      await until(() => showsPlaceholder(embeds[0]));
      expect(Boolean(player(embeds[1]))).to.be.true;
      consent.saveSelection(['video', 'social']);
      expect(embeds.map((embed) => Boolean(player(embed)))).to.deep.equal([true, true]);
    });

    it('embeds added to the page later follow the stored choice', async () => {
      await mountBanner();
      consent.saveSelection(['video']);
      const [late] = await mountEmbeds(`<div><consent-embed service="video" video="${VIDEO_ID}"></consent-embed></div>`);
      expect(Boolean(player(late))).to.be.true;
      const [refused] = await mountEmbeds(`<div><consent-embed service="social" video="${VIDEO_ID}"></consent-embed></div>`);
      expect(showsPlaceholder(refused)).to.be.true;
    });
  });

  describe('content', () => {
    it('stamps a template and runs its scripts once, in order, with the page nonce', async () => {
      await afterRefusal();
      const [embed] = await mountEmbeds(`<div>
        <script nonce="page-nonce">/* stands for the page's own nonced script */</script>
        <consent-embed service="social" ratio="4/3">
          <template>
            <iframe title="Chart" src="${thirdParty()}/frame.html"></iframe>
            <script>window.ran.push('one:' + document.currentScript.nonce)</script>
            <script src="/test/fixtures/gated.js?two"></script>
            <script>window.ran.push('three')</script>
          </template>
        </consent-embed>
      </div>`);
      expect(embed.getBoundingClientRect().height).to.be.closeTo((embed.getBoundingClientRect().width * 3) / 4, 1);
      embed.load();
      await until(() => window.ran!.length === 3, 'template scripts did not run');
      expect(window.ran).to.deep.equal(['one:page-nonce', 'two', 'three']);
      expect(player(embed)!.src).to.equal(`${thirdParty()}/frame.html`);
      // (The stand-in frame comes from the test server, which adds a script of its own to it.)
      expect(await thirdPartyRequests()).to.include(`${thirdParty()}/frame.html`);
    });

    it('keeps a post readable before consent, loads the widget script only after it, and puts the post back on withdrawal', async () => {
      await afterRefusal();
      const [embed] = await mountEmbeds(`<div>
        <consent-embed service="social" script="${thirdParty()}/widgets.js">
          <blockquote class="stand-in-post"><p>Sea-ice minimum, the second lowest on record.</p><a href="https://social.example/post/1">View the post</a></blockquote>
        </consent-embed>
      </div>`);
      const quote = embed.querySelector('blockquote')!;
      expect(quote.getBoundingClientRect().height).to.be.above(0);
      expect(quote.textContent).to.include('Sea-ice minimum');
      expect(await thirdPartyRequests()).to.deep.equal([]);

      embed.load();
      await until(() => window.widgetRuns!.length === 1 && player(embed), 'the widget script did not run');
      expect(embed.querySelector('blockquote')).to.equal(null);
      expect(await thirdPartyRequests()).to.include(`${thirdParty()}/widgets.js`);

      consent.rejectAll();
      await until(() => showsPlaceholder(embed));
      expect(player(embed) === null).to.be.true;
      expect(embed.querySelector('blockquote')!.textContent).to.include('Sea-ice minimum');
    });

    it('loads no provider script whose URL is no web page, and says so', async () => {
      await afterRefusal();
      const [embed] = await mountEmbeds(`<div>
        <consent-embed service="social" script=" java&#10;script:alert(1)">
          <blockquote class="stand-in-post"><p>A post.</p></blockquote>
        </consent-embed>
      </div>`);
      const error = oneEvent(document, 'consent-error');
      embed.load();
      const { detail } = (await error) as CustomEvent<ConsentErrorDetail>;
      expect(detail).to.deep.equal({ kind: 'markup', path: '<consent-embed script=" java\nscript:alert(1)">', message: 'must be http:, https: or relative to the page; not loaded' });
      await until(() => embed.querySelector('blockquote'));
      expect(embed.querySelector('script')).to.equal(null);
    });

    it('uses X\'s own widget script for an X post, with "do not track" set, only after consent', async () => {
      await afterRefusal();
      const [embed] = await mountEmbeds(`<div>
        <consent-embed service="social">
          <blockquote class="twitter-tweet"><p>A post.</p><a href="https://twitter.com/NASAEarth/status/1308104306030149632">View on X</a></blockquote>
        </consent-embed>
      </div>`);
      expect(embed.querySelector('script')).to.equal(null);
      embed.load();
      await until(() => embed.querySelector('script'));
      expect(embed.querySelector('script')!.src).to.equal('https://platform.twitter.com/widgets.js');
      expect(embed.querySelector('blockquote')!.dataset.dnt).to.equal('true');
      expect(isFocused(embed.querySelector('blockquote a')), 'focus').to.be.true;
    });
  });
});

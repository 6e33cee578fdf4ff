/**
 * `<consent-embed>`: third-party content (a video, a post, a map, a chart) that loads
 * only when its service is allowed, with a first-party placeholder until then.
 *
 * This part is on every page with an embed and has no Lit: a visitor who already
 * allowed the service gets the content stamped at once. The placeholder (Lit, texts,
 * styles) is loaded from `./placeholder.js` only when it must show.
 */
import { loadChunk } from '../../core/chunks.js';
import { isWebUrl } from '../../core/config-basics.js';
import { languageOf } from '../../core/config.js';
import { reportError } from '../../core/errors.js';
import { activateScript, externalScript, pageNonce, scriptPolicy } from '../../core/scripts.js';
import { consent, type ConsentListener } from '../../core/store.js';
import type { PartTexts } from '../../texts/keys.js';
import { embedStyles } from './consent-embed.styles.js';
import { isYouTubeId, renderXPosts, X_WIDGETS, xPost, youtubePlayer } from './providers.js';

const RATIO = /^\d+(\.\d+)?\s*\/\s*\d+(\.\d+)?$/;
const FOCUSABLE = 'iframe,a[href],button,input,[tabindex]:not([tabindex="-1"])';

let styleSheet: CSSStyleSheet | undefined;

/** What the placeholder needs from its element; implemented here, rendered by the lazy view. */
export interface EmbedHost {
  readonly element: ConsentEmbed;
  readonly container: HTMLElement;
  readonly video: boolean;
  /** The language the placeholder speaks (textLanguage) and its texts. */
  readonly language: string;
  readonly texts: PartTexts<'embed'>;
  load(): void;
  allowAlways(): void;
}

/** Light-DOM children that are content (not the template, not the poster or caption slots). */
const isContent = (node: Node): boolean => !(node instanceof HTMLTemplateElement) && !(node instanceof Element && node.hasAttribute('slot'));

/**
 * @summary Two-click placeholder for third-party content: nothing loads from the provider before consent.
 *
 * @attr service - Id of the service in the consent config (required), e.g. `youtube`.
 * @attr video - A YouTube video id: the element builds a `youtube-nocookie.com` player, no template needed.
 * @attr label - What the content is (a video's title): names the buttons and the player frame.
 * @attr script - URL of a provider script that runs after consent (the X/Twitter shortcut sets it by itself).
 * @attr poster - URL of a first-party preview image for the placeholder; other origins are refused.
 * @attr width - Width of the embed, for its aspect ratio (with `height`).
 * @attr height - Height of the embed, for its aspect ratio (with `width`).
 * @attr ratio - The aspect ratio directly, e.g. `4/3`; videos and template iframes default to 16/9.
 *
 * @slot - The content: a `<template>` with the real embed, and/or readable fallback markup such as an X/Twitter `<blockquote>`.
 * @slot poster - A first-party preview image, instead of the `poster` attribute.
 * @slot caption - A caption, shown before and after loading.
 *
 * @fires consent-embed-load - The content was put in place. `detail`: `{ service, by: 'grant' | 'click' }`.
 * @fires consent-embed-unload - The content was removed again after a withdrawal. `detail`: `{ service }`.
 *
 * @csspart frame - The box that keeps the embed's aspect ratio.
 * @csspart placeholder - The placeholder shown until the service is allowed.
 * @csspart poster - The poster image.
 * @csspart notice - The text that says what will load and from whom.
 * @csspart buttons - The row with the two buttons.
 * @csspart button - Both buttons.
 * @csspart load - The "Load video" / "Load content" button (this page view only).
 * @csspart always - The "Always allow …" button (stores a grant for the service).
 *
 * @cssprop [--consent-embed-background=#e9edf1] - Placeholder background.
 * @cssprop [--consent-color=#1b1b1b] - Text colour (shared with the banner).
 * @cssprop [--consent-accent=#0b5394] - Links and focus ring (shared with the banner).
 * @cssprop [--consent-button-background=#1d3557] - Button background (shared with the banner).
 * @cssprop [--consent-button-color=#ffffff] - Button text (shared with the banner).
 */
export class ConsentEmbed extends HTMLElement {
  #frame!: HTMLElement;
  #placeholder!: HTMLElement;
  #loaded = false;
  /** "Load" was pressed: the content stays for this page view unless the visitor withdraws. */
  #loadedByClick = false;
  #focusOnLoad = false;
  /** The readable fallback content (e.g. a post's blockquote), put back on withdrawal. */
  #fallback: Node[] | null = null;
  #reported = false;
  #unsubscribe?: () => void;

  get service(): string {
    return this.getAttribute('service') ?? '';
  }

  connectedCallback(): void {
    if (!this.shadowRoot) this.#build();
    this.#unsubscribe = consent.subscribe(this.#onChange);
    this.#sync();
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }

  /** Loads the content for this page view only, as the "Load" button does. Nothing is stored. */
  load(): void {
    this.#loadedByClick = true;
    this.#focusOnLoad = true;
    this.#sync();
  }

  /** Stores a grant for the service, as "Always allow" does: every embed of it loads. */
  allowAlways(): void {
    this.#focusOnLoad = true;
    consent.grantService(this.service);
  }

  #build(): void {
    const root = this.attachShadow({ mode: 'open' });
    if (!styleSheet) {
      styleSheet = new CSSStyleSheet();
      styleSheet.replaceSync(embedStyles);
    }
    root.adoptedStyleSheets = [styleSheet];
    // `part` takes a string: assigning it sets the token list's value.
    this.#frame = Object.assign(document.createElement('div'), { className: 'frame', part: 'frame' });
    this.#placeholder = Object.assign(document.createElement('div'), { className: 'placeholder', part: 'placeholder', hidden: true });
    const caption = Object.assign(document.createElement('slot'), { name: 'caption' });
    this.#frame.append(this.#placeholder, document.createElement('slot'));
    root.append(this.#frame, caption);
    const ratio = this.#ratio();
    if (ratio) {
      this.#frame.classList.add('sized');
      this.#frame.style.setProperty('--ratio', ratio);
    }
  }

  /** From `ratio`, else `width`/`height` of the element or its template iframe, else 16/9 for players. */
  #ratio(): string | null {
    const ratio = this.getAttribute('ratio');
    if (ratio && RATIO.test(ratio)) return ratio;
    const frame = this.querySelector('template')?.content.querySelector('iframe');
    const width = Number(this.getAttribute('width') ?? frame?.getAttribute('width'));
    const height = Number(this.getAttribute('height') ?? frame?.getAttribute('height'));
    if (width > 0 && height > 0) return `${width}/${height}`;
    return this.hasAttribute('video') || frame ? '16/9' : null;
  }

  #sync(): void {
    if (!consent.ready) return;
    // A service, not a category: the placeholder names the service and offers "Always allow" for it.
    const known = consent.knows(this.service) && !consent.config!.categories.some(({ id }) => id === this.service);
    if (!known && !this.#reported) {
      this.#reported = true;
      reportError('markup', `<consent-embed service="${this.service}">`, `"${this.service}" is no service of the config; the content stays blocked`);
    }
    if (known && (consent.isGranted(this.service) || this.#loadedByClick)) this.#load();
    else void this.#showPlaceholder();
  }

  /** A decision in the dialog that leaves this service off is a withdrawal: "Load" no longer holds. */
  #onChange: ConsentListener = (store, change) => {
    if (change.type === 'decision' && change.decision.method !== 'placeholder' && !store.isGranted(this.service)) this.#loadedByClick = false;
    this.#sync();
  };

  #load(): void {
    if (this.#loaded) return;
    this.#loaded = true;
    const by = this.#loadedByClick && !consent.isGranted(this.service) ? 'click' : 'grant';
    this.#fallback ??= [...this.childNodes].filter(isContent).map((node) => node.cloneNode(true));
    this.#stamp();
    this.#placeholder.hidden = true;
    this.dispatchEvent(new CustomEvent('consent-embed-load', { detail: { service: this.service, by }, bubbles: true, composed: true }));
    if (this.#focusOnLoad) {
      this.#focusOnLoad = false;
      // The first focusable part of the content: a player, or a link of a post.
      const content = [...this.children].filter(isContent);
      const target = content.find((element): element is HTMLElement => element instanceof HTMLElement && element.matches(FOCUSABLE))
        ?? content.flatMap((element) => [...element.querySelectorAll<HTMLElement>(FOCUSABLE)])[0];
      if (target) target.focus();
      else {
        this.tabIndex = -1;
        this.focus();
      }
    }
  }

  /** Puts the real content in place and runs its scripts. */
  #stamp(): void {
    const nonce = pageNonce();
    const fragment = document.createDocumentFragment();
    const template = this.querySelector<HTMLTemplateElement>(':scope > template');
    if (template) fragment.append(template.content.cloneNode(true));
    const video = this.getAttribute('video');
    if (video !== null) {
      if (isYouTubeId(video)) fragment.append(youtubePlayer(video, this.getAttribute('label') || 'YouTube'));
      else reportError('markup', `<consent-embed video="${video}">`, 'is not a YouTube video id');
    }
    // Every script of the content, top level and nested, in document order.
    const held = [...fragment.querySelectorAll('script')];
    // Scripts the HTML parser put in the template have not started: inserted as they are, they
    // would run at once (without the nonce, out of order) and again when activated below.
    // A cloned script's text is no longer trusted: under Trusted Types, inserting it would be a
    // violation even as text/plain, so it is given its own text again through the policy.
    for (const script of held) {
      script.setAttribute('data-type', script.getAttribute('data-type') ?? script.type);
      script.type = 'text/plain';
      script.text = scriptPolicy()!.createScript(script.text);
    }
    this.append(fragment);
    const post = xPost(this);
    const scriptUrl = this.getAttribute('script') ?? (post ? X_WIDGETS : null);
    const badUrl = scriptUrl && !isWebUrl(scriptUrl);
    if (badUrl) reportError('markup', `<consent-embed script="${scriptUrl}">`, 'must be http:, https: or relative to the page; not loaded');
    void (async () => {
      // Template scripts are inert until activated: one after the other, with the page's nonce.
      for (const script of held) await activateScript(script, script.nonce || nonce);
      // X's library, once loaded, renders posts added later only when asked.
      if (post && !this.hasAttribute('script') && renderXPosts(this)) return;
      if (scriptUrl && !badUrl && this.#loaded) {
        this.append(externalScript(scriptUrl));
      }
    })();
  }

  async #showPlaceholder(): Promise<void> {
    if (this.#loaded) {
      this.#loaded = false;
      for (const node of [...this.childNodes]) if (isContent(node)) node.remove();
      this.append(...(this.#fallback ?? []).map((node) => node.cloneNode(true)));
      this.dispatchEvent(new CustomEvent('consent-embed-unload', { detail: { service: this.service }, bubbles: true, composed: true }));
    }
    this.#placeholder.hidden = false;
    // The placeholder's code and its texts load side by side.
    const [view, texts] = await Promise.all([
      loadChunk(() => import('./placeholder.js')),
      loadChunk(() => import('../../texts/ui-texts.js')).then(async ({ textLanguage, uiTextFile, partTexts }) => {
        // (Meanwhile the config may have gone: then nothing shows, below.)
        const config = consent.config;
        const language = config && textLanguage(config, languageOf(this));
        return config && language ? { language, texts: partTexts(config, language, 'embed', await loadChunk(...uiTextFile(language, 'embed'))) } : null;
      }),
    ]).catch(() => []);
    // The placeholder's code loads asynchronously; meanwhile the content may have loaded or the config gone.
    if (this.#loaded || !consent.ready) return;
    if (!view || !texts) {
      // Not loaded (reported by loadChunk): no empty box; the fallback content and caption stay readable.
      this.#placeholder.hidden = true;
      this.#frame.classList.remove('sized');
      return;
    }
    view.renderPlaceholder({
      element: this,
      container: this.#placeholder,
      video: this.hasAttribute('video'),
      ...texts,
      load: () => this.load(),
      allowAlways: () => this.allowAlways(),
    });
  }
}

/** The class under the name that define.ts registers each lazily loaded element by. */
export { ConsentEmbed as element };

declare global {
  interface HTMLElementTagNameMap {
    'consent-embed': ConsentEmbed;
  }
}

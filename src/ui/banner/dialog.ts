/**
 * Internal: the dialog that `<consent-banner>` loads on demand and renders into its own
 * shadow root, so the parts it documents are the banner's. Not public API; style it
 * through the banner's documented parts and custom properties.
 *
 * It renders the store's state and turns clicks into the store's intents; it never
 * touches cookies itself.
 */
import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import { loadChunk } from '../../core/chunks.js';
import { languageOf } from '../../core/config.js';
import { localize } from '../shared/localize.js';
import type { ServiceConfig } from '../../core/config-schema.js';
import { consent, type ConsentChange } from '../../core/store.js';
import { framedElsewhere } from '../shared/framed.js';
import { focusedElement } from './consent-banner.js';
import type { PartTexts, TextPart } from '../../texts/keys.js';
import { partTexts, textLanguage, uiTextFile } from '../../texts/ui-texts.js';
import { dialogStyles } from './dialog.styles.js';
import type * as SettingsModule from './settings.js';

export type DialogLayer = 'first' | 'settings';

/**
 * What Tab cycles through: the dialog has links, buttons, switches (those of required
 * categories disabled) and the categories' disclosures, whose content is skipped while closed.
 */
const FOCUSABLE = 'a,button,input:not(:disabled),summary';

const sheet = (styles: string) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles);
  return sheet;
};
let styleSheet: CSSStyleSheet | undefined;
/** The page's own values of what a box or bar changes below the page, while one does (ConsentDialog's #keepRoom). */
let room: { owner: ConsentDialog; page: [scrollPadding: string, padding: string]; padding: string } | undefined;
/** The settings layer's code and styles, once loaded (for every dialog of the page). */
let settings: Promise<[typeof SettingsModule, CSSStyleSheet]> | null = null;

/**
 * Rendered with lit-html alone: LitElement's reactive layer would cost about 3 KB on a
 * dialog whose state changes only on the visitor's clicks. The banner tells it of every
 * change of the store while the banner is connected (`update`).
 *
 * @internal
 */
export class ConsentDialog {
  #layer: DialogLayer = 'first';
  /** Service ids switched on in the settings layer, before they are saved. */
  #selection = new Set<string>();
  #opener: HTMLElement | null = null;
  /** The settings layer's code, once loaded. */
  #settings?: typeof SettingsModule;
  /** The language the dialog speaks and its texts, once loaded: the settings layer's too once that is wanted. */
  #texts?: { language: string; dialog: PartTexts<'dialog'>; settings?: PartTexts<'settings'> };
  /** The texts being loaded, by language and whether with the settings layer's. */
  #textsLoading?: [string, Promise<boolean>];
  /** The switches as the settings layer reads and changes them. */
  /** Categories whose services show in the settings layer. */
  #openCategories = new Set<string>();
  #choices = {
    has: (id: string) => this.#selection.has(id),
    toggle: (services: ServiceConfig[], on: boolean) => {
      for (const service of services) on ? this.#selection.add(service.id) : this.#selection.delete(service.id);
      this.#render();
    },
    isOpen: (categoryId: string) => this.#openCategories.has(categoryId),
    setOpen: (categoryId: string, open: boolean) => {
      if (open === this.#openCategories.has(categoryId)) return;
      open ? this.#openCategories.add(categoryId) : this.#openCategories.delete(categoryId);
      this.#render();
    },
  };

  /** `banner`'s `lang` decides the language; `root` is its shadow root. */
  constructor(
    readonly banner: HTMLElement,
    readonly root: ShadowRoot,
  ) {
    root.adoptedStyleSheets = [(styleSheet ??= sheet(dialogStyles))];
  }

  /**
   * Takes the texts of the language the banner and the config now ask for: the dialog's,
   * and the settings layer's once wanted. Resolves false if they could not load (reported
   * by loadChunk): the dialog then stays as it was, and the page usable. Calls while the
   * same texts are loading (a new config, then showing) share one load.
   */
  #loadTexts = (withSettings = !!this.#texts?.settings): Promise<boolean> => {
    const config = consent.config;
    if (!config) return Promise.resolve(false);
    const language = textLanguage(config, languageOf(this.banner));
    const key = `${language} ${withSettings}`;
    if (this.#textsLoading?.[0] === key) return this.#textsLoading[1];
    const load = <P extends TextPart>(part: P) => loadChunk(...uiTextFile(language, part));
    const loading = Promise.all([load('dialog'), withSettings ? load('settings') : undefined]).then(
      ([dialog, settings]) => {
        // The overrides of the config applied by now.
        const current = consent.config ?? config;
        this.#texts = { language, dialog: partTexts(current, language, 'dialog', dialog), settings: settings && partTexts(current, language, 'settings', settings) };
        return true;
      },
      () => false,
    );
    this.#textsLoading = [key, loading];
    void loading.then(() => this.#textsLoading?.[1] === loading && (this.#textsLoading = undefined));
    return loading;
  };

  /**
   * Loads the settings layer (once; after a failure, reported by loadChunk, the next
   * request tries again). Resolves false if it could not load.
   */
  #loadSettings = (): Promise<boolean> => {
    settings ??= loadChunk(() => import('./settings.js')).then((module) => [module, sheet(module.settingsStyles)]);
    // Its texts load beside its code.
    const texts = consent.config ? this.#loadTexts(true) : Promise.resolve(false);
    return settings.then(
      async ([module, styles]) => {
        this.#settings = module;
        if (!this.root.adoptedStyleSheets.includes(styles)) this.root.adoptedStyleSheets = [...this.root.adoptedStyleSheets, styles];
        return texts;
      },
      () => {
        settings = null;
        return false;
      },
    );
  };

  /** The native dialog; null only before the first render. */
  get #dialog(): HTMLDialogElement {
    return this.root.querySelector('dialog')!;
  }

  #render(): void {
    render(this.#template(), this.root);
  }

  /**
   * Shows the given layer (opening the modal if needed) and moves focus to its heading.
   * The settings layer shows once its code is there; if that fails to load, the first
   * layer shows, whose buttons still decide (and whose "Settings" tries again). On close,
   * focus returns to `opener`; when not given, to what has focus when the dialog opens.
   */
  async show(layer: DialogLayer, opener?: HTMLElement | null): Promise<void> {
    if (layer === 'settings' && !(await this.#loadSettings())) layer = 'first';
    if (!(await this.#loadTexts()) || !this.banner.isConnected) return;
    if (!this.#dialog?.open) {
      this.#opener = opener === undefined ? focusedElement() : opener;
      this.#selectStored();
    }
    // A box or bar already open on a first visit, and the visitor opens the settings from the page ("Cookie settings"):
    // focus goes back there.
    else if (opener && !this.root.contains(opener)) this.#opener = opener;
    this.#layer = layer;
    this.#render();
    this.#present();
    this.root.querySelector('h2')!.focus();
  }

  /**
   * Whether `layer` shows as a modal dialog, the page inert behind it: the settings always;
   * the first layer in the `dialog` layout (the default), but never on the pages that the
   * config's links name, so the privacy policy and the imprint can be read before deciding.
   */
  #isModal(layer: DialogLayer): boolean {
    if (layer === 'settings') return true;
    if (!['box', 'bar'].includes(this.banner.getAttribute('layout')!)) {
      const here = location.origin + location.pathname;
      const { privacy, imprint } = consent.config!.links;
      return ![privacy, imprint].some((link) => {
        const url = link && new URL(link, document.baseURI);
        return url && url.origin + url.pathname === here;
      });
    }
    return false;
  }

  /**
   * Opens the dialog for its layer, modal or not; one open the other way closes first (its
   * `close` event then finds it open again). Not modal (the `box` or `bar` layout), it sits
   * at the foot of the window, and the page keeps room to scroll every element out from
   * under it: a focused element is never hidden behind it (WCAG 2.4.11).
   */
  #present(): void {
    const dialog = this.#dialog;
    const modal = this.#isModal(this.#layer);
    if (dialog.open && dialog.matches(':modal') !== modal) dialog.close();
    if (!dialog.open) modal ? dialog.showModal() : dialog.show();
    this.#keepRoom(!modal);
  }

  #roomObserver = new ResizeObserver(() => room?.owner === this && this.#keepRoom(true));

  /**
   * Below the page, room for the box or bar: scroll padding so that focusing an element
   * scrolls it above the box, and as much padding at the end of the body so that the last
   * elements can get there too. Nothing on the page moves: the room is at its end. Given
   * back when the box closes, turns modal or leaves the page. (One dialog keeps it at a
   * time, should a page have two banners.)
   */
  #keepRoom(on: boolean): void {
    const html = document.documentElement.style;
    const body = document.body.style;
    const dialog = this.#dialog;
    if (on && this.banner.isConnected && dialog?.open && !dialog.matches(':modal')) {
      room ??= { owner: this, page: [html.scrollPaddingBottom, body.paddingBottom], padding: getComputedStyle(document.body).paddingBottom };
      room.owner = this;
      this.#roomObserver.observe(dialog);
      const height = Math.ceil(innerHeight - dialog.getBoundingClientRect().top);
      html.scrollPaddingBottom = `${height}px`;
      body.paddingBottom = `calc(${room.padding} + ${height}px)`;
    } else {
      this.#roomObserver.disconnect();
      if (room?.owner !== this) return;
      [html.scrollPaddingBottom, body.paddingBottom] = room.page;
      room = undefined;
    }
  }

  /** The switches as the stored decision has them. */
  #selectStored(): void {
    this.#selection = new Set(consent.decision?.grantedServices);
  }

  /** Closes the dialog; only after a decision or when a valid one exists. */
  #close(): void {
    if (!this.#dialog?.open) return;
    this.#dialog.close();
    this.#keepRoom(false);
    // Focus on an element that has left the page does nothing. With nothing focused before,
    // the body takes focus (for a moment focusable), so the next Tab starts from the top of
    // the page again, not from where the dialog was.
    if (this.#opener?.isConnected) this.#opener.focus();
    else {
      const { body } = document;
      const tabIndex = body.getAttribute('tabindex');
      body.tabIndex = -1;
      body.focus({ preventScroll: true });
      tabIndex === null ? body.removeAttribute('tabindex') : body.setAttribute('tabindex', tabIndex);
    }
    this.#opener = null;
  }

  #decide(intent: () => void): void {
    intent();
    this.#close();
  }

  #acceptAll = () => this.#decide(() => consent.acceptAll());
  #rejectAll = () => this.#decide(() => consent.rejectAll());
  #save = () => this.#decide(() => consent.saveSelection(this.#selection));
  #openSettings = () => this.show('settings', this.#opener);

  #backToFirstLayer(): void {
    this.#layer = 'first';
    this.#render();
    this.#present();
    // (A framed page shows no buttons: the heading of the first layer takes focus instead.)
    (this.root.querySelector<HTMLElement>('[data-action="settings"]') ?? this.root.querySelector('h2')!).focus();
  }

  /**
   * Every request to close comes here: Escape, the browser's own close request (`cancel`:
   * a back gesture, or Escape on a fresh page) and the "Close" button. None of them is a
   * decision. A visitor who already decided may close; without a valid decision it only
   * steps back from the settings to the first layer.
   */
  #requestClose = (): void => {
    if (!consent.needsDecision) this.#close();
    else if (this.#layer === 'settings') this.#backToFirstLayer();
  };

  /**
   * A decision made while the dialog had to ask (here, in another tab, elsewhere on the
   * page) leaves nothing to ask; open settings follow a decision made elsewhere.
   */
  update(change: ConsentChange): void {
    if (change.type === 'decision') {
      // (One that leaves services undecided, such as a placeholder's "Always allow", leaves the dialog asking.)
      if (change.neededDecision && !consent.needsDecision) this.#close();
      else this.#selectStored();
    }
    // A new config may name other languages.
    if (change.type === 'config') void this.#loadTexts().then(() => this.#render());
    else this.#render();
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#requestClose();
    } else if (event.key === 'Tab' && this.#dialog.matches(':modal')) {
      // The modal makes the page inert, but Tab would still leave for the browser's own UI.
      const focusable = [...this.root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.checkVisibility());
      const current = this.root.activeElement;
      const edge = event.shiftKey ? focusable[0] : focusable.at(-1)!;
      if (current === edge || !focusable.includes(current as HTMLElement)) {
        event.preventDefault();
        (event.shiftKey ? focusable.at(-1)! : focusable[0]).focus();
      }
    }
  };

  #onCancel = (event: Event): void => {
    event.preventDefault();
    this.#requestClose();
  };

  /**
   * The `close` event comes a task after the dialog closed. This element closes it only
   * once no decision is due, so a close while one is due came from elsewhere: show it again.
   */
  #onClose = (): void => {
    if (consent.needsDecision && this.banner.isConnected && !this.#dialog.open) this.#present();
  };

  #template(): TemplateResult | typeof nothing {
    const config = consent.config;
    if (!config || !this.#texts) return nothing;
    const { language, dialog: texts } = this.#texts;
    const canClose = !consent.needsDecision;
    return html`
      <dialog part="dialog" lang=${language} aria-labelledby="title" closedby="none" @keydown=${this.#onKeydown} @cancel=${this.#onCancel} @close=${this.#onClose}>
        <div class="head">
          <h2 id="title" part="title" tabindex="-1">${this.#layer === 'first' ? texts.title : texts.settingsTitle}</h2>
          ${canClose ? html`<button class="close" part="button" type="button" @click=${this.#requestClose}>${texts.close}</button>` : nothing}
        </div>
        <div class="body">${this.#layer === 'first' ? this.#renderFirstLayer(texts, language) : this.#renderSettings(texts, language)}</div>
        <span id="new-window" hidden>${texts.newWindow}</span>
        <div class="buttons" part="buttons">
          ${framedElsewhere()
            ? html`<a href=${location.href} target="_blank" aria-describedby="new-window">${texts.framed}</a>`
            : html`${this.#layer === 'settings' ? this.#button(texts.save, 'save', this.#save) : nothing}
              ${this.#button(texts.acceptAll, 'accept', this.#acceptAll)} ${this.#button(texts.rejectAll, 'reject', this.#rejectAll)}
              ${this.#layer === 'first'
                ? html`<button part="button" type="button" data-action="settings" @click=${this.#openSettings} @focus=${this.#loadSettings} @pointerenter=${this.#loadSettings}>${texts.settings}</button>`
                : nothing}`}
        </div>
      </dialog>
    `;
  }

  #button(label: string, action: string, handler: () => void): TemplateResult {
    return html`<button part="button" type="button" data-action=${action} @click=${handler}>${label}</button>`;
  }

  #renderLinks(texts: PartTexts<'dialog'>): TemplateResult {
    const links = consent.config!.links;
    return html`<p class="links" part="links">
      <a href=${links.privacy}>${texts.privacy}</a>
      ${links.imprint ? html`<a href=${links.imprint}>${texts.imprint}</a>` : nothing}
    </p>`;
  }

  /**
   * What a visitor must know before deciding (as German authorities read Art. 13 GDPR):
   * per optional category its purpose and providers, and which services may send data to a
   * third country. The details stay in the settings layer.
   */
  #renderFirstLayer(texts: PartTexts<'dialog'>, language: string): TemplateResult {
    const optional = consent
      .config!.categories.map((category) => [category, category.services.filter(({ id }) => !consent.isRequired(id))] as const)
      .filter(([, services]) => services.length);
    const transfers = optional.flatMap(([, services]) => services.filter((service) => service.thirdCountry).map((service) => `${service.name} (${localize(service.thirdCountry, language)})`));
    return html`<p part="text">${texts.intro.replace('{purposes}', optional.map(([category]) => localize(category.label, language)).join(', '))}</p>
      <ul part="purposes">
        ${optional.map(
          ([category, services]) =>
            html`<li>
              <strong>${localize(category.label, language)}</strong>: ${localize(category.description, language) || services.map((service) => localize(service.purpose, language)).join(' ')}
              (${[...new Set(services.map((service) => service.provider ?? service.name))].join(', ')})
            </li>`,
        )}
      </ul>
      ${transfers.length ? html`<p part="text">${texts.transfers.replace('{services}', transfers.join(', '))}</p>` : nothing} ${this.#renderLinks(texts)}`;
  }

  #renderSettings(texts: PartTexts<'dialog'>, language: string): TemplateResult {
    return html`${this.#settings!.settingsLayer(this.#choices, language, this.#texts!.settings!)} ${this.#renderLinks(texts)}`;
  }
}

/**
 * `<consent-banner>`: reads where its config comes from (the `config` property, inline
 * JSON or `src`), hands that to core's intake, and shows the consent dialog when the
 * visitor has to decide or asks for the settings.
 *
 * This element is on every page view, so it is plain DOM without Lit: the dialog
 * (Lit, styles, texts) is loaded from `./dialog.js` only when it must show, and renders
 * into this element's shadow root.
 */
import { loadChunk } from '../../core/chunks.js';
import { languageOf } from '../../core/config.js';
import { configIntake, markupSource, type ConfigSource } from '../../core/intake.js';
import { browserSignal, consent, type ConsentListener } from '../../core/store.js';
import { preloadDialogTexts } from '../../texts/preload.js';
import type { ConsentDialog, DialogLayer } from './dialog.js';

const takeConfig = configIntake(consent);

/**
 * Whether a decision may be stored or given: a cookie value shaped like a record (record.ts;
 * its name depends on the config, not known yet), or a privacy signal of the browser.
 */
function mayHaveDecision(): boolean {
  try {
    return /=2[a-z]\w{10}\./.test(document.cookie) || !!browserSignal();
  } catch {
    // No cookie access (a sandboxed frame): the config decides, as before.
    return true;
  }
}

/** The focused element, looked up through open shadow roots. */
export function focusedElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement && element !== document.body ? element : null;
}

/**
 * @summary Cookie-consent dialog with categories and services, configured by one JSON file.
 *
 * @attr src - URL of the JSON config (same origin). Alternatives: an inline
 *   `<script type="application/json">` child, or the `config` property.
 * @attr lang - Language of the dialog; defaults to the nearest `lang`, i.e. `<html lang>`.
 * @attr layout - `dialog` (default): a modal dialog in the middle; `box`: a box in a corner; `bar`: a bar across the foot. Box and bar leave the page readable and usable; "Settings" always opens the modal settings layer. On the pages the config's `links` name, the first layer never blocks the page.
 * @attr theme - `light` (default), `dark`, or `auto` (dark where the visitor's system prefers it). Changes the defaults of the custom properties below; a page's own `--consent-*` values still win.
 *
 * @fires consent-ready - On `document`, once the config is valid and the stored decision is read. `detail`: `{ decision, needsDecision }`.
 * @fires consent-change - On `document`, after every decision. `detail`: the decision (granted/denied service ids, method, time, revision, consent id).
 * @fires consent-error - On `document`, for a config, cookie, storage, markup, load or CSP problem. `detail`: `{ kind, path, message }`.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart title - The heading of the current layer.
 * @csspart text - The explanatory paragraphs.
 * @csspart purposes - The first layer's list of optional categories, with purpose and providers.
 * @csspart links - The row with the privacy-policy and imprint links.
 * @csspart buttons - The row of action buttons.
 * @csspart button - Every action button ("Accept all", "Reject all", "Settings", "Save selection", "Close").
 * @csspart category - One category on the settings layer.
 * @csspart service - One service inside a category.
 * @csspart switch - Every on/off switch (a native checkbox with `role="switch"`).
 *
 * @cssprop [--consent-font=inherit] - Font family of the dialog.
 * @cssprop [--consent-color=#1b1b1b] - Text colour.
 * @cssprop [--consent-background=#ffffff] - Dialog background.
 * @cssprop [--consent-muted=#4a4a4a] - Secondary text (service details).
 * @cssprop [--consent-accent=#0b5394] - Links, focus ring and switched-on tracks.
 * @cssprop [--consent-button-background=#1d3557] - Background of every action button (all look alike on purpose).
 * @cssprop [--consent-button-color=#ffffff] - Text colour of every action button.
 * @cssprop [--consent-radius=0.5rem] - Corner radius of the dialog and buttons.
 * @cssprop [--consent-backdrop=rgb(0 0 0 / 0.45)] - The page dimming behind the dialog.
 * @cssprop [--consent-max-width=42rem] - Widest the dialog gets.
 * @cssprop [--consent-box-width=26rem] - Widest the box gets (layout="box", and the first layer on the privacy policy's page).
 */
export class ConsentBanner extends HTMLElement {
  #dialog: Promise<ConsentDialog> | null = null;
  /** The dialog once loaded: told of every change while this element is connected. */
  #view?: ConsentDialog;
  /** The dialog being opened (or null): what `configApplied` waits for besides the config. */
  #opening: Promise<void> | null = null;
  /** A config given before this element was connected; `undefined` once a source was handed over. */
  #pending: ConfigSource | null | undefined = null;
  #unsubscribe?: () => void;
  /**
   * Settles when the config has been applied or rejected and, if the visitor has to
   * decide, the dialog shows; tests and integrations can await it. Each new source (a
   * `config` set later) gives a new promise, for that config: an unstamped one is applied
   * only once the validator has judged it.
   */
  configApplied: Promise<void>;
  #settle!: () => void;

  constructor() {
    super();
    this.configApplied = new Promise((resolve) => (this.#settle = resolve));
    // A classic script of the theme may set `config` before the drop-in defined this element:
    // the value then sits in an own property that hides the accessor. Take it over.
    if (Object.hasOwn(this, 'config')) {
      const value: unknown = (this as { config?: unknown }).config;
      delete (this as { config?: unknown }).config;
      this.#pending = { value };
    }
  }

  /** The config as an object (or JSON text). Setting it replaces any `src` or inline config. */
  get config(): unknown {
    return consent.config;
  }

  set config(value: unknown) {
    this.#take({ value });
  }

  connectedCallback(): void {
    document.addEventListener('click', this.#onDocumentClick);
    this.#unsubscribe = consent.subscribe(this.#onChange);
    if (this.#pending !== undefined) this.#take(this.#pending ?? markupSource(this));
  }

  disconnectedCallback(): void {
    document.removeEventListener('click', this.#onDocumentClick);
    this.#unsubscribe?.();
  }

  /** Opens the dialog on its settings layer; on close, focus returns to `opener` (default: what has focus now). */
  async showSettings(opener: HTMLElement | null = focusedElement()): Promise<void> {
    await this.#open('settings', opener);
  }

  /** Hands a source to the intake once connected; until then it waits. */
  #take(source: ConfigSource | null): void {
    if (!this.isConnected) {
      this.#pending = source;
      return;
    }
    this.#pending = undefined;
    // A visitor without any stored record (and without a browser signal that answers for them)
    // will be asked: the dialog's code loads now, beside the config, not after it.
    if (!mayHaveDecision()) void (this.#dialog ??= this.#createDialog()).catch(() => {});
    // (It settles with the opening's undefined, or null when no dialog opens: no value to read.)
    const applied = takeConfig(source).then(() => this.#opening) as Promise<unknown> as Promise<void>;
    void applied.then(this.#settle);
    this.configApplied = applied;
  }

  /** The dialog follows every change; a new config that leaves the visitor undecided: ask. */
  #onChange: ConsentListener = (store, change) => {
    this.#view?.update(change);
    // Focus returns, after the decision, to what has it when the dialog shows (the dialog's code loads meanwhile).
    if (change.type === 'config' && store.needsDecision) this.#opening = this.#open('first');
  };

  /**
   * Shows a layer once the dialog's code is there. If it does not load (reported by
   * loadChunk), nothing is decided and the page stays usable; the next request to open
   * ("Cookie settings", a new config) loads it again.
   */
  async #open(layer: DialogLayer, opener?: HTMLElement | null): Promise<void> {
    if (!consent.ready) return;
    const dialog = await (this.#dialog ??= this.#createDialog()).catch(() => (this.#dialog = null));
    // The dialog's code loads asynchronously: the visitor may have decided meanwhile
    // (a placeholder's "Always allow", the site's own code). Ask only if still needed.
    if (!dialog || !consent.ready || (layer === 'first' && !consent.needsDecision)) return;
    await dialog.show(layer, opener);
  }

  async #createDialog(): Promise<ConsentDialog> {
    // The visitor's texts load beside the dialog's code (before the config is there, those of the page's language),
    // and so does Lit, with the table of language files, which the dialog's code would ask for only once it arrived.
    // In the drop-in, preloadDialogTexts asks for the texts at once, and the table's request for the same file then
    // finds it loading; in a bundler's build it does nothing, and the table's request is the one that starts early.
    const language = languageOf(this);
    preloadDialogTexts(language);
    void loadChunk(() => import('../../texts/ui-texts.js'))
      .then(({ uiTextFile, textLanguage }) => loadChunk(...uiTextFile(consent.config ? textLanguage(consent.config, language) : language, 'dialog')))
      .catch(() => {});
    const { ConsentDialog } = await loadChunk(() => import('./dialog.js'));
    return (this.#view = new ConsentDialog(this, this.shadowRoot ?? this.attachShadow({ mode: 'open' })));
  }

  #onDocumentClick = (event: MouseEvent): void => {
    const trigger = event.composedPath().find((target): target is HTMLElement => target instanceof HTMLElement && target.hasAttribute('data-consent-open'));
    if (!trigger) return;
    event.preventDefault();
    void this.showSettings(trigger);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-banner': ConsentBanner;
  }
}

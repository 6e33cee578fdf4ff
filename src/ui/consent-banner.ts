/**
 * `<consent-banner>`: reads the config, hands it to the store, and shows the consent
 * dialog when the visitor has to decide or asks for the settings.
 *
 * This element is on every page view, so it is plain DOM without Lit: the dialog
 * (Lit, styles, texts) is loaded from `./consent-dialog.js` only when it must show.
 */
import { ConfigError, parseConfig, type ConfigProblem } from '../core/config.js';
import { reportError } from '../core/errors.js';
import { consent } from '../core/store.js';
import type { ConsentDialog, DialogLayer } from './consent-dialog.js';

const DIALOG_TAG = 'consent-dialog';
const EXPORTED_PARTS = 'dialog,title,text,links,buttons,button,category,service,switch';

/** The focused element, looked up through open shadow roots. */
function focusedElement(): HTMLElement | null {
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
 *
 * @fires consent-ready - On `document`, once the config is valid and the stored decision is read. `detail`: `{ decision, needsDecision }`.
 * @fires consent-change - On `document`, after every decision. `detail`: the decision (granted/denied service ids, method, time, revision, consent id).
 * @fires consent-error - On `document`, for a config, cookie, storage or markup problem. `detail`: `{ kind, path, message }`.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart title - The heading of the current layer.
 * @csspart text - The explanatory paragraphs.
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
 */
export class ConsentBanner extends HTMLElement {
  #dialog: Promise<ConsentDialog> | null = null;
  #configured = false;
  /** Settles when the config has been applied or rejected; tests and integrations can await it. */
  configApplied: Promise<void>;
  #settle!: () => void;

  constructor() {
    super();
    this.configApplied = new Promise((resolve) => (this.#settle = resolve));
  }

  /** The config as an object (or JSON text). Setting it replaces any `src` or inline config. */
  get config(): unknown {
    return consent.config;
  }

  set config(value: unknown) {
    this.#configured = true;
    this.#apply(value);
  }

  connectedCallback(): void {
    document.addEventListener('click', this.#onDocumentClick);
    if (!this.#configured) {
      this.#configured = true;
      void this.#loadConfig();
    }
  }

  disconnectedCallback(): void {
    document.removeEventListener('click', this.#onDocumentClick);
  }

  /** Opens the dialog on its settings layer; on close, focus returns to `opener` (default: what has focus now). */
  async showSettings(opener: HTMLElement | null = focusedElement()): Promise<void> {
    await this.#open('settings', opener);
  }

  async #loadConfig(): Promise<void> {
    const inline = this.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    const src = this.getAttribute('src');
    if (inline) return this.#apply(inline.textContent ?? '');
    if (!src) {
      return this.#fail([{ path: '<consent-banner>', message: 'has no config (a src attribute, inline JSON or the config property)' }]);
    }
    let text: string;
    try {
      const response = await fetch(src, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      return this.#fail([{ path: `src "${src}"`, message: `could not load the config (${(error as Error).message})` }]);
    }
    this.#apply(text);
  }

  #apply(input: unknown): void {
    let config;
    try {
      config = parseConfig(input);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return this.#fail(error.problems);
    }
    consent.configure(config);
    this.#settle();
    if (consent.needsDecision) void this.#open('first', focusedElement());
  }

  /** A config that cannot be used: nothing is granted, and each problem is reported. */
  #fail(problems: ConfigProblem[]): void {
    consent.configure(null);
    for (const { path, message } of problems) reportError({ kind: 'config', path, message });
    this.#settle();
  }

  async #open(layer: DialogLayer, opener: HTMLElement | null): Promise<void> {
    if (!consent.ready) return;
    const dialog = await (this.#dialog ??= this.#createDialog());
    // The dialog's code loads asynchronously: the visitor may have decided meanwhile
    // (a placeholder's "Always allow", the site's own code). Ask only if still needed.
    if (!consent.ready || (layer === 'first' && !consent.needsDecision)) return;
    dialog.show(layer, opener);
  }

  async #createDialog(): Promise<ConsentDialog> {
    const { ConsentDialog } = await import('./consent-dialog.js');
    if (!customElements.get(DIALOG_TAG)) customElements.define(DIALOG_TAG, ConsentDialog);
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const dialog = document.createElement(DIALOG_TAG) as ConsentDialog;
    dialog.banner = this;
    dialog.setAttribute('exportparts', EXPORTED_PARTS);
    root.append(dialog);
    return dialog;
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

/**
 * `<consent-cookie-table>`: the cookie declaration for a privacy-policy page, rendered from
 * the same config as the banner, so the page's declaration cannot drift from it. The
 * entry loads this file only on pages that have the element.
 *
 * The data comes from declaration.ts (shared with `consent-banner-check --table`, whose
 * HTML has the same structure); this file only finds the config and renders it.
 */
import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import { loadChunk } from '../../core/chunks.js';
import { languageOf } from '../../core/config.js';
import type { ConsentConfig } from '../../core/config-schema.js';
import { reportError } from '../../core/errors.js';
import { fetchText, judgeConfig } from '../../core/intake.js';
import type { ConfigProblem } from '../../core/validate.js';
import { consent } from '../../core/store.js';
import { tableStyles } from './consent-cookie-table.styles.js';
import type { TableTexts } from '../../texts/keys.js';
import { tableTextFile } from '../../texts/table-texts.js';
import { cookieDeclaration, policyLinkText, tableLanguage, type DeclaredService } from './declaration.js';

let styleSheet: CSSStyleSheet | undefined;

/**
 * @summary The cookie declaration: one table per category with every service, its cookies and their lifetimes.
 *
 * @attr src - URL of a JSON config of its own (same origin). Else an inline `<script type="application/json">` child; else the page's `<consent-banner>` config.
 * @attr lang - Language of the table; defaults to the nearest `lang`, i.e. `<html lang>`. Without built-in texts (German, English) it is English, marked `lang="en"`.
 *
 * @fires consent-cookie-table-render - After each render of a config. `detail`: `{ language }`, the language the table is in.
 * @fires consent-error - On `document`, when its own config cannot be loaded or is invalid (`kind: 'config'`, with the JSON path); nothing is rendered then.
 *
 * @csspart category - The block of one category's table.
 * @csspart table - Each category's `<table>`.
 * @csspart caption - The table's caption: the category's name, and its description under it.
 * @csspart description - The category's description, in the caption.
 * @csspart header - Each column header cell.
 * @csspart row - Each service's row.
 * @csspart service - The row header cell with the service's name and provider.
 * @csspart cell - Every other cell of a row.
 * @csspart consent - The cell that says whether the service needs consent.
 * @csspart link - The link to a provider's privacy policy.
 *
 * @cssprop [--consent-font=inherit] - Font family (shared with the banner).
 * @cssprop [--consent-color=#1b1b1b] - Text colour (shared with the banner).
 * @cssprop [--consent-background=transparent] - Background of the tables (the banner's dialog background).
 * @cssprop [--consent-muted=#4a4a4a] - Borders and secondary text: providers, cookie purposes (shared with the banner).
 * @cssprop [--consent-accent=#0b5394] - Links and focus ring (shared with the banner).
 */
export class ConsentCookieTable extends HTMLElement {
  static observedAttributes = ['src', 'lang'];

  /** The config shown, or null (none yet, or its own one failed). */
  #config: ConsentConfig | null = null;
  /** Counts config sources, so an answer for a source that was replaced is dropped. */
  #turn = 0;
  /** Counts renders, so texts that arrive for a render that was overtaken are dropped. */
  #renders = 0;
  #unsubscribe?: () => void;
  #settled: Promise<void> = Promise.resolve();

  /** URL of the element's own config. */
  get src(): string {
    return this.getAttribute('src') ?? '';
  }

  set src(value: string) {
    this.setAttribute('src', value);
  }

  /** Settles once the current config source has been read and rendered, or rejected. */
  get updateComplete(): Promise<void> {
    return this.#settled;
  }

  connectedCallback(): void {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      if (!styleSheet) {
        styleSheet = new CSSStyleSheet();
        styleSheet.replaceSync(tableStyles);
      }
      root.adoptedStyleSheets = [styleSheet];
    }
    this.#settled = this.#takeSource();
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#turn++;
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.isConnected || old === value) return;
    this.#settled = name === 'src' ? this.#takeSource() : this.#render();
  }

  /** Its own `src`, else its inline JSON, else the banner's config (followed as it arrives or is replaced). */
  async #takeSource(): Promise<void> {
    const turn = ++this.#turn;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const src = this.getAttribute('src');
    const inline = this.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    if (!src && !inline) {
      this.#unsubscribe = consent.subscribe((store) => void (store.config !== this.#config && this.#show(store.config)));
      return this.#show(consent.config);
    }
    let input: unknown = inline?.textContent ?? '';
    if (src) {
      try {
        input = await fetchText(src);
      } catch (error) {
        if (turn === this.#turn) return this.#fail([{ path: `src "${src}"`, message: `could not load the config (${(error as Error).message})` }]);
        return;
      }
      if (turn !== this.#turn) return;
    }
    let result: ConsentConfig | ConfigProblem[];
    try {
      result = await judgeConfig(input);
    } catch {
      // The validator's code did not load (reported by loadChunk): no declaration from an unchecked config.
      if (turn === this.#turn) return this.#show(null);
      return;
    }
    if (turn !== this.#turn) return;
    return Array.isArray(result) ? this.#fail(result) : this.#show(result);
  }

  /** An own config that cannot be used: reported like the banner's, and no table at all. */
  #fail(problems: ConfigProblem[]): Promise<void> {
    for (const { path, message } of problems) reportError('config', path, `${message} (<consent-cookie-table> shows no declaration)`);
    return this.#show(null);
  }

  #show(config: ConsentConfig | null): Promise<void> {
    this.#config = config;
    return this.#render();
  }

  /** Renders the config in the element's language, once that language's texts are there. */
  async #render(): Promise<void> {
    const round = ++this.#renders;
    const config = this.#config;
    const language = config && tableLanguage(config, languageOf(this));
    // Texts that do not load (reported by loadChunk): no table rather than one in another language.
    const builtIn = language && (await loadChunk(tableTextFile(language)).catch(() => null));
    if (round !== this.#renders || !this.shadowRoot) return;
    if (!config || !language || !builtIn) {
      render(nothing, this.shadowRoot);
      return;
    }
    const { texts, categories } = cookieDeclaration(config, language, builtIn.default);
    const header = (text: string) => html`<th scope="col" role="columnheader" part="header">${text}</th>`;
    render(
      html`<div lang=${language}>
        ${categories.map(
          (category) => html`<div class="category" part="category">
            <table part="table" role="table">
              <caption part="caption">
                ${category.label}${category.description ? html`<span class="description" part="description">${category.description}</span>` : nothing}
              </caption>
              <thead role="rowgroup">
                <tr role="row">
                  ${header(texts.tableService)}${header(texts.tablePurpose)}${header(texts.tableCookies)}${header(texts.tableThirdCountry)}${header(texts.tableConsent)}${header(texts.tablePrivacy)}
                </tr>
              </thead>
              <tbody role="rowgroup">
                ${category.services.map((service) => serviceRow(service, texts))}
              </tbody>
            </table>
          </div>`,
        )}
      </div>`,
      this.shadowRoot,
    );
    this.dispatchEvent(new CustomEvent('consent-cookie-table-render', { detail: { language }, bubbles: true, composed: true }));
  }
}

/**
 * A cell that shows its column's name above its content where rows are stacked (narrow);
 * there an empty cell is left out rather than showing a name with nothing under it.
 */
const cell = (label: string, content: unknown, part = 'cell'): TemplateResult =>
  html`<td role="cell" part=${part} class=${content ? '' : 'empty'}><span class="label" aria-hidden="true">${label}</span>${content || nothing}</td>`;

function serviceRow(service: DeclaredService, texts: TableTexts): TemplateResult {
  const cookies = service.cookies.length
    ? html`<ul>
        ${service.cookies.map(
          (cookie) => html`<li>
            <code>${cookie.name}</code> – ${texts.tableLifetime}: ${cookie.lifetime}${cookie.purpose ? html`<span class="cookie-purpose">${cookie.purpose}</span>` : nothing}
          </li>`,
        )}
      </ul>`
    : texts.tableNoCookies;
  return html`<tr role="row" part="row">
    <th scope="row" role="rowheader" part="service">${service.name}${service.provider ? html`<span class="provider">${texts.tableProvider}: ${service.provider}</span>` : nothing}</th>
    ${cell(texts.tablePurpose, service.purpose)} ${cell(texts.tableCookies, cookies)} ${cell(texts.tableThirdCountry, service.thirdCountry || texts.tableNoThirdCountry)}
    ${cell(texts.tableConsent, service.needsConsent ? texts.tableOptional : texts.tableRequired, 'cell consent')}
    ${cell(texts.tablePrivacy, service.privacyPolicy ? html`<a part="link" href=${service.privacyPolicy}>${policyLinkText(texts, service)}</a>` : nothing)}
  </tr>`;
}

/** The class under the name that define.ts registers each lazily loaded element by. */
export { ConsentCookieTable as element };

declare global {
  interface HTMLElementTagNameMap {
    'consent-cookie-table': ConsentCookieTable;
  }
}

/**
 * Internal: the placeholder of `<consent-embed>`, loaded only when one must show. It
 * says what would load and from whom, and offers "Load" and "Always allow". It makes
 * no request to the provider: the poster, if any, must come from the page's own origin.
 */
import { html, nothing, render } from 'lit/html.js';
import { localize } from '../core/config.js';
import { reportError } from '../core/errors.js';
import { consent } from '../core/store.js';
import type { EmbedHost } from './consent-embed.js';
import { DIALOG_TEXTS, languageOf, textsFor } from './texts.js';
import type { EmbedTextKey } from '../core/config-schema.js';

/** The placeholder's own texts (our wording); a config's `texts` may override them per language. */
const EMBED_TEXTS: { en: Record<EmbedTextKey, string>; de: Record<EmbedTextKey, string> } = {
  en: {
    loadVideo: 'Load video',
    loadContent: 'Load content',
    alwaysAllow: 'Always allow {name}',
    embedNotice: 'Loading this content sends your IP address to {provider}, which may also set cookies.',
    embedUnavailable: 'This content cannot be shown here.',
  },
  de: {
    loadVideo: 'Video laden',
    loadContent: 'Inhalt laden',
    alwaysAllow: '{name} immer erlauben',
    embedNotice: 'Beim Laden dieses Inhalts erhält {provider} Ihre IP-Adresse und kann Cookies setzen.',
    embedUnavailable: 'Dieser Inhalt kann hier nicht angezeigt werden.',
  },
};

const STYLES = /* css */ `
  .placeholder {
    box-sizing: border-box;
    position: relative;
    display: flex;
    min-height: 100%;
    padding: 1rem;
    color: var(--consent-color, #1b1b1b);
    background: var(--consent-embed-background, #e9edf1);
    font: 0.95rem/1.45 var(--consent-font, inherit);
  }
  .poster,
  ::slotted([slot='poster']) {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .notice {
    position: relative;
    align-self: center;
    max-width: 36rem;
    margin: auto;
    padding: 0.75rem 1rem;
    border-radius: 0.5rem;
    background: rgb(255 255 255 / 0.94);
  }
  p {
    margin: 0 0 0.5rem;
  }
  .label {
    font-weight: 700;
  }
  a {
    display: inline-block;
    min-height: 24px;
    color: var(--consent-accent, #0b5394);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  button {
    flex: 1 1 10rem;
    min-height: 2.5rem;
    padding: 0.4rem 0.9rem;
    border: 0;
    border-radius: 0.5rem;
    color: var(--consent-button-color, #fff);
    background: var(--consent-button-background, #1d3557);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--consent-accent, #0b5394);
    outline-offset: 2px;
  }
`;

let styleSheet: CSSStyleSheet | undefined;
const reportedPosters = new WeakSet<Element>();

/** A poster is shown only from the page's own origin: anything else would be a request to a third party. */
function firstPartyPoster(element: Element): string | null {
  const poster = element.getAttribute('poster');
  if (!poster) return null;
  if (new URL(poster, document.baseURI).origin === location.origin) return poster;
  if (!reportedPosters.has(element)) {
    reportedPosters.add(element);
    reportError({ kind: 'markup', path: `<consent-embed poster="${poster}">`, message: 'a poster must come from this site; the image is not loaded' });
  }
  return null;
}

export function renderPlaceholder(host: EmbedHost): void {
  const root = host.container.getRootNode() as ShadowRoot;
  if (!styleSheet) {
    styleSheet = new CSSStyleSheet();
    styleSheet.replaceSync(STYLES);
  }
  if (!root.adoptedStyleSheets.includes(styleSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];

  const element = host.element;
  const config = consent.config!;
  const language = languageOf(element);
  const texts = { ...textsFor(DIALOG_TEXTS, language, config.texts), ...textsFor(EMBED_TEXTS, language, config.texts) };
  const service = config.categories.flatMap((category) => category.services).find((candidate) => candidate.id === element.service);
  const poster = firstPartyPoster(element);
  const posterTemplate = html`<slot name="poster">${poster ? html`<img class="poster" part="poster" src=${poster} alt="" />` : nothing}</slot>`;

  if (!service) {
    render(html`${posterTemplate}<div class="notice" part="notice"><p>${texts.embedUnavailable}</p></div>`, host.container);
    return;
  }
  const provider = service.provider ?? service.name;
  const label = element.getAttribute('label');
  const loadText = host.video ? texts.loadVideo : texts.loadContent;
  const country = localize(service.thirdCountry, language);
  render(
    html`${posterTemplate}
      <div class="notice" part="notice" lang=${language}>
        ${label ? html`<p class="label">${label}</p>` : nothing}
        <p>${texts.embedNotice.replaceAll('{provider}', provider)}</p>
        ${service.purpose ? html`<p>${localize(service.purpose, language)}</p>` : nothing}
        ${country ? html`<p>${texts.thirdCountry}: ${country}</p>` : nothing}
        ${service.privacyPolicy
          ? html`<a href=${service.privacyPolicy} target="_blank" rel="noopener noreferrer">${texts.providerPrivacy.replace('{name}', provider)}</a>`
          : nothing}
        <div class="buttons" part="buttons">
          <button type="button" part="button load" aria-label=${`${loadText}: ${label ?? service.name}`} @click=${host.load}>${loadText}</button>
          <button type="button" part="button always" @click=${host.allowAlways}>${texts.alwaysAllow.replace('{name}', service.name)}</button>
        </div>
      </div>`,
    host.container,
  );
}

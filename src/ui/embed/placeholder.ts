/**
 * Internal: the placeholder of `<consent-embed>`, loaded only when one must show. It
 * says what would load and from whom, and offers "Load" and "Always allow". It makes
 * no request to the provider: the poster, if any, must come from the page's own origin.
 */
import { html, nothing, render } from 'lit/html.js';
import { localize } from '../shared/localize.js';
import { reportError } from '../../core/errors.js';
import { consent } from '../../core/store.js';
import { framedElsewhere } from '../shared/framed.js';
import type { EmbedHost } from './consent-embed.js';
import { placeholderStyles } from './placeholder.styles.js';

let styleSheet: CSSStyleSheet | undefined;
const reportedPosters = new WeakSet<Element>();

/** A poster is shown only from the page's own origin: anything else would be a request to a third party. */
function firstPartyPoster(element: Element): string | null {
  const poster = element.getAttribute('poster');
  if (!poster) return null;
  if (new URL(poster, document.baseURI).origin === location.origin) return poster;
  if (!reportedPosters.has(element)) {
    reportedPosters.add(element);
    reportError('markup', `<consent-embed poster="${poster}">`, 'a poster must come from this site; the image is not loaded');
  }
  return null;
}

export function renderPlaceholder(host: EmbedHost): void {
  const root = host.container.getRootNode() as ShadowRoot;
  if (!styleSheet) {
    styleSheet = new CSSStyleSheet();
    styleSheet.replaceSync(placeholderStyles);
  }
  if (!root.adoptedStyleSheets.includes(styleSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];

  const element = host.element;
  const config = consent.config!;
  const { language, texts } = host;
  const service = config.categories.flatMap((category) => category.services).find((candidate) => candidate.id === element.service);
  const poster = firstPartyPoster(element);
  const posterTemplate = html`<slot name="poster">${poster ? html`<img class="poster" part="poster" src=${poster} alt="" />` : nothing}</slot>`;

  if (!service) {
    render(html`${posterTemplate}<div class="notice" part="notice" lang=${language}><p>${texts.embedUnavailable}</p></div>`, host.container);
    return;
  }
  const provider = service.provider ?? service.name;
  const label = element.getAttribute('label');
  const loadText = host.video ? texts.loadVideo : texts.loadContent;
  const country = localize(service.thirdCountry, language);
  render(
    html`${posterTemplate}
      <div class="notice" part="notice" lang=${language}>
        <span id="new-window" hidden>${texts.newWindow}</span> ${label ? html`<p class="label">${label}</p>` : nothing}
        <p>${texts.embedNotice.replaceAll('{provider}', provider)}</p>
        ${service.purpose ? html`<p>${localize(service.purpose, language)}</p>` : nothing}
        ${country ? html`<p>${texts.thirdCountry}: ${country}</p>` : nothing}
        ${service.privacyPolicy
          ? html`<a href=${service.privacyPolicy} target="_blank" rel="noopener noreferrer" aria-describedby="new-window">${texts.providerPrivacy.replace('{name}', provider)}</a>`
          : nothing}
        ${framedElsewhere()
          ? html`<p><a href=${location.href} target="_blank" aria-describedby="new-window">${texts.framed}</a></p>`
          : html`<div class="buttons" part="buttons">
              <button type="button" part="button load" aria-label=${`${loadText}: ${label ?? service.name}`} @click=${host.load}>${loadText}</button>
              <button type="button" part="button always" @click=${host.allowAlways}>${texts.alwaysAllow.replace('{name}', service.name)}</button>
            </div>`}
      </div>`,
    host.container,
  );
}

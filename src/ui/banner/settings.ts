/**
 * Internal: the dialog's settings layer (categories, services, switches and their
 * styles), a file of its own. A first-time visitor sees the first layer; most decide
 * there, so they never download this. The dialog loads it when "Settings" is pointed
 * at, focused or chosen, and when a "Cookie settings" link opens the dialog.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { localize } from '../../core/config.js';
import type { CategoryConfig, ServiceConfig } from '../../core/config-schema.js';
import { declaredName } from '../../core/cookie-names.js';
import { stoppedByReload } from '../../core/gate.js';
import { consent } from '../../core/store.js';
import type { PartTexts } from '../../texts/keys.js';

export { settingsStyles } from './settings.styles.js';

/** What the layer reads and changes: the unsaved switches of the dialog. */
export interface Selection {
  has(id: string): boolean;
  /** Switches services on or off: a category's all at once, or one. */
  toggle(services: ServiceConfig[], on: boolean): void;
}

/** The settings layer's body in a language, with its texts in it: its introduction and every category with its services. */
export function settingsLayer(selection: Selection, language: string, texts: PartTexts<'settings'>): TemplateResult {
  const { categories } = consent.config!;
  /** A native checkbox with role="switch", named by the heading `labelledBy` points to. */
  const toggle = (labelledBy: string, checked: boolean, required: boolean, services: ServiceConfig[], describedBy?: string) =>
    html`<span class="switch">
      <input
        part="switch"
        type="checkbox"
        role="switch"
        .checked=${checked}
        ?disabled=${required}
        aria-labelledby=${labelledBy}
        aria-describedby=${describedBy ?? nothing}
        @change=${(event: Event) => selection.toggle(services, (event.target as HTMLInputElement).checked)}
      />
      <span class="state" aria-hidden="true">${required ? texts.alwaysOn : checked ? texts.on : texts.off}</span>
    </span>`;

  const service = (service: ServiceConfig) => {
    const required = consent.isRequired(service.id);
    const detail = (term: string, value: unknown) => (value ? html`<div><dt>${term}</dt><dd>${value}</dd></div>` : nothing);
    const cookies = service.cookies?.map((cookie) => `${declaredName(cookie)} (${localize(cookie.expires, language)})`).join(', ');
    return html`<li class="service" part="service">
      <div class="row">
        <h4 id="service-${service.id}">${service.name}</h4>
        ${toggle(`service-${service.id}`, required || selection.has(service.id), required, [service])}
      </div>
      <dl>
        ${detail(texts.provider, service.provider)} ${detail(texts.purpose, localize(service.purpose, language))} ${detail(texts.cookies, cookies)}
        ${detail(texts.thirdCountry, localize(service.thirdCountry, language))} ${detail(texts.justification, localize(service.necessaryJustification, language))}
      </dl>
      ${service.privacyPolicy
        ? html`<a class="policy" href=${service.privacyPolicy} target="_blank" rel="noopener noreferrer" aria-describedby="new-window">${texts.providerPrivacy.replace('{name}', service.provider ?? service.name)}</a>`
        : nothing}
    </li>`;
  };

  const category = (category: CategoryConfig) => {
    // A required category may hold a service that waits for consent (necessary.ts): its switch then works.
    const required = category.services.every(({ id }) => consent.isRequired(id));
    const allOn = category.services.every(({ id }) => consent.isRequired(id) || selection.has(id));
    const descriptionId = `description-${category.id}`;
    return html`<section class="category" part="category" aria-labelledby="category-${category.id}">
      <div class="row">
        <h3 id="category-${category.id}">${localize(category.label, language)}</h3>
        ${toggle(`category-${category.id}`, allOn, required, category.services, category.description ? descriptionId : undefined)}
      </div>
      ${category.description ? html`<p id=${descriptionId} part="text">${localize(category.description, language)}</p>` : nothing}
      <ul class="services" aria-label=${texts.services}>
        ${category.services.map(service)}
      </ul>
    </section>`;
  };

  // Told before saving: switching one of these off reloads the page (gate.ts).
  const reloading = stoppedByReload(consent).filter(({ id }) => consent.isGranted(id));
  // On a site that keeps a consent log: the id under which it holds this decision's receipt.
  const id = consent.config!.log && consent.decision?.consentId;
  return html`<p part="text">${texts.settingsIntro} ${id ? texts.consentId.replace('{id}', id) : ''}</p>
    ${reloading.length ? html`<p part="text">${texts.reload.replace('{services}', reloading.map(({ name }) => name).join(', '))}</p>` : nothing} ${categories.map(category)}`;
}

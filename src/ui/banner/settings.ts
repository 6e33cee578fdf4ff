/**
 * Internal: the dialog's settings layer (categories, services, switches and their
 * styles), a file of its own. A first-time visitor sees the first layer; most decide
 * there, so they never download this. The dialog loads it when "Settings" is pointed
 * at, focused or chosen, and when a "Cookie settings" link opens the dialog.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { localize } from '../shared/localize.js';
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
  /** Whether a category's services show (its disclosure open). */
  isOpen(categoryId: string): boolean;
  setOpen(categoryId: string, open: boolean): void;
}

/** The settings layer's body in a language, with its texts in it: its introduction and every category with its services. */
export function settingsLayer(selection: Selection, language: string, texts: PartTexts<'settings'>): TemplateResult {
  const { categories } = consent.config!;
  /**
   * A native checkbox that looks like a switch, named by the heading `labelledBy` points to.
   * A service's is a switch (on or off); a category's a checkbox, which can be mixed: some
   * of its services on, some off.
   */
  const toggle = (labelledBy: string, state: boolean | 'mixed', required: boolean, services: ServiceConfig[], describedBy?: string) =>
    html`<span class="switch">
      <input
        part="switch"
        type="checkbox"
        role=${labelledBy.startsWith('service-') ? 'switch' : nothing}
        .checked=${state === true}
        .indeterminate=${state === 'mixed'}
        ?disabled=${required}
        aria-labelledby=${labelledBy}
        aria-describedby=${describedBy ?? nothing}
        @change=${(event: Event) => selection.toggle(services, (event.target as HTMLInputElement).checked)}
      />
      <span class="state" aria-hidden="true">${required ? texts.alwaysOn : state === 'mixed' ? texts.partlyOn : state ? texts.on : texts.off}</span>
    </span>`;

  const service = (service: ServiceConfig) => {
    const required = consent.isRequired(service.id);
    const detail = (term: string, value: unknown) => (value ? html`<div><dt>${term}</dt><dd>${value}</dd></div>` : nothing);
    const cookies = service.cookies ?? [];
    // A purpose column only where a cookie has one: an empty column would take the names' room.
    const purposes = cookies.some((cookie) => cookie.purpose);
    // What the switch is described by, so it is heard while tabbing: who, what for, where to, and the cookies.
    const describedBy = `details-${service.id}${cookies.length ? ` cookies-${service.id}` : ''}`;
    return html`<li class="service" part="service">
      <div class="row">
        <h4 id="service-${service.id}">${service.name}</h4>
        ${toggle(`service-${service.id}`, required || selection.has(service.id), required, [service], describedBy)}
      </div>
      <dl id="details-${service.id}">
        ${detail(texts.provider, service.provider)} ${detail(texts.purpose, localize(service.purpose, language))}
        ${detail(texts.thirdCountry, localize(service.thirdCountry, language))} ${detail(texts.justification, localize(service.necessaryJustification, language))}
      </dl>
      ${cookies.length
        ? html`<table class="cookies" id="cookies-${service.id}" part="cookies">
            <caption>${texts.cookies}</caption>
            <thead>
              <tr><th scope="col">${texts.cookieName}</th><th scope="col">${texts.lifetime}</th>${purposes ? html`<th scope="col">${texts.purpose}</th>` : nothing}</tr>
            </thead>
            <tbody>
              ${cookies.map(
                (cookie) =>
                  html`<tr><td><code>${declaredName(cookie)}</code></td><td>${localize(cookie.expires, language)}</td>${purposes ? html`<td>${localize(cookie.purpose, language)}</td>` : nothing}</tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      ${service.privacyPolicy
        ? html`<a class="policy" href=${service.privacyPolicy} target="_blank" rel="noopener noreferrer" aria-describedby="new-window">${texts.providerPrivacy.replace('{name}', service.provider ?? service.name)}</a>`
        : nothing}
    </li>`;
  };

  /**
   * A category: its switch and description always in view, its services behind a
   * disclosure, closed at first. They render only while it is open: a config of 500
   * services opens its settings as fast as one of five.
   */
  const category = (category: CategoryConfig) => {
    // A required category may hold a service that waits for consent (necessary.ts): its switch then works.
    const required = category.services.every(({ id }) => consent.isRequired(id));
    const on = category.services.filter(({ id }) => consent.isRequired(id) || selection.has(id)).length;
    const state = on === category.services.length || (on > 0 && 'mixed');
    const descriptionId = `description-${category.id}`;
    const open = selection.isOpen(category.id);
    return html`<section class="category" part="category" aria-labelledby="category-${category.id}">
      <div class="row">
        <h3 id="category-${category.id}">${localize(category.label, language)}</h3>
        ${toggle(`category-${category.id}`, state, required, category.services, category.description ? descriptionId : undefined)}
      </div>
      ${category.description ? html`<p id=${descriptionId} part="text">${localize(category.description, language)}</p>` : nothing}
      <details part="services" ?open=${open} @toggle=${(event: Event) => selection.setOpen(category.id, (event.target as HTMLDetailsElement).open)}>
        <summary id="services-${category.id}" aria-labelledby="services-${category.id} category-${category.id}">${texts.services} (${category.services.length})</summary>
        ${open ? html`<ul class="services">${category.services.map(service)}</ul>` : nothing}
      </details>
    </section>`;
  };

  // Told before saving: switching one of these off reloads the page (gate.ts).
  const reloading = stoppedByReload(consent).filter(({ id }) => consent.isGranted(id));
  // On a site that keeps a consent log: the id under which it holds this decision's receipt.
  const id = consent.config!.log && consent.decision?.consentId;
  return html`<p part="text">${texts.settingsIntro} ${id ? texts.consentId.replace('{id}', id) : ''}</p>
    ${reloading.length ? html`<p part="text">${texts.reload.replace('{services}', reloading.map(({ name }) => name).join(', '))}</p>` : nothing} ${categories.map(category)}`;
}

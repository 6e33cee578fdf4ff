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
import { consent } from '../../core/store.js';
import { textsFor } from '../shared/i18n.js';
import { SETTINGS_TEXTS } from './settings-texts.js';

/** What the layer reads and changes: the unsaved switches of the dialog. */
export interface Selection {
  has(id: string): boolean;
  /** Switches services on or off: a category's all at once, or one. */
  toggle(services: ServiceConfig[], on: boolean): void;
}

export const settingsStyles = /* css */ `
  .row { display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; }
  h3 { font-size: 1.05rem; }
  h4 { font-size: 1rem; }
  .policy { display: inline-block; min-height: 24px; line-height: 24px; }
  .category { border-top: 1px solid #d0d0d0; padding-top: 0.6rem; margin-bottom: 0.6rem; }
  .services { list-style: none; margin: 0; padding: 0 0 0 1rem; }
  .service { padding: 0.4rem 0; }
  dl { margin: 0; color: var(--_muted); font-size: 0.9rem; }
  dt, dd { display: inline; margin: 0; }
  dt { font-weight: 600; }
  dt::after { content: ':'; }
  dd { margin-left: 0.3em; }
  .switch { display: inline-flex; align-items: center; gap: 0.5rem; flex: none; }
  .state { min-width: 4.5em; font-size: 0.9rem; }
  input {
    appearance: none;
    position: relative;
    width: 44px;
    height: 26px;
    margin: 0;
    border: 2px solid var(--_muted);
    border-radius: 13px;
    background: var(--_background);
    cursor: pointer;
  }
  input::before {
    content: '';
    position: absolute;
    top: 3px;
    left: 3px;
    width: 16px;
    height: 16px;
    border-radius: 50%;
    background: var(--_muted);
  }
  input:checked { border-color: var(--_accent); background: var(--_accent); }
  input:checked::before { left: 21px; background: #fff; }
  input:disabled { cursor: not-allowed; opacity: 0.7; }
  @media (prefers-reduced-motion: no-preference) { input::before { transition: left 0.15s ease-out; } }
`;

/** The settings layer's body in a language: its introduction and every category with its services. */
export function settingsLayer(selection: Selection, language: string): TemplateResult {
  const { categories, texts: overrides } = consent.config!;
  const texts = textsFor(SETTINGS_TEXTS, language, overrides);
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
        ? html`<a class="policy" href=${service.privacyPolicy} target="_blank" rel="noopener noreferrer">${texts.providerPrivacy.replace('{name}', service.provider ?? service.name)}</a>`
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

  return html`<p part="text">${texts.settingsIntro}</p>
    ${categories.map(category)}`;
}

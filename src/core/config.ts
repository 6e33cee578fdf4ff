/**
 * The small helpers that read a validated config: language and id index (the lookup of
 * its texts is in src/ui/shared/localize.ts).
 * Validation itself is in validate.ts, which the drop-in loads only for a config that
 * `consent-banner-check --stamp` has not vouched for (config-stamp.ts).
 */
import type { CategoryConfig, ConsentConfig, ServiceConfig } from './config-schema.js';

export interface ServiceEntry {
  service: ServiceConfig;
  category: CategoryConfig;
}

/**
 * The language of an element: the primary subtag of its own or nearest `lang` ("de-AT" ->
 * "de"), English for anything that is no 2- or 3-letter code. Texts are looked up in
 * plain objects by this code, where "constructor" would find Object's own members.
 */
export function languageOf(element: Element): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  return (/^([a-z]{2,3})(-|$)/i.exec(lang)?.[1] ?? 'en').toLowerCase();
}

/** Service ids mapped to their service and category, in config order. */
export function indexServices(config: ConsentConfig): Map<string, ServiceEntry> {
  const index = new Map<string, ServiceEntry>();
  for (const category of config.categories) {
    for (const service of category.services) index.set(service.id, { service, category });
  }
  return index;
}

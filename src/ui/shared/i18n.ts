/**
 * Shared by the dialog and the embed placeholder: how built-in texts combine with the
 * config's overrides, and the texts both of them show. Each component keeps the rest of
 * its built-in wording (ours, German and English) in its own folder, so a page downloads
 * only the texts of what it shows.
 */
import type { TextKey } from '../../core/config-schema.js';

export interface BuiltInTexts<T> {
  en: T;
  de: T;
}

/**
 * Texts of a service's details, in the settings and on a placeholder alike, and what both
 * show instead of their buttons on a page that another website frames (framed.ts).
 */
export const SERVICE_TEXTS: BuiltInTexts<Record<'thirdCountry' | 'providerPrivacy' | 'framed', string>> = {
  en: {
    thirdCountry: 'Data may be transferred to',
    providerPrivacy: 'Privacy policy of {name}',
    framed: 'Another website frames this page, so no choice is taken here. Open it in a new window to choose.',
  },
  de: {
    thirdCountry: 'Daten können übermittelt werden nach',
    providerPrivacy: 'Datenschutzerklärung von {name}',
    framed: 'Eine andere Website bettet diese Seite ein, daher gilt hier keine Auswahl. Öffnen Sie sie in einem neuen Fenster.',
  },
};

/** Built-in texts for the language (English for any other), under the config's overrides for it. */
export function textsFor<T extends object>(builtIn: BuiltInTexts<T>, language: string, overrides?: Record<string, Partial<Record<TextKey, string>>>): T {
  return { ...(language === 'de' ? builtIn.de : builtIn.en), ...overrides?.[language] };
}

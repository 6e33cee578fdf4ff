/**
 * Built-in dialog texts (our own wording), German and English. A config's `texts`
 * may override any key per language. `{purposes}` in `intro` is replaced by the
 * labels of the optional categories.
 */
import type { DialogTextKey, TextKey } from '../core/config-schema.js';

export type Texts = Record<DialogTextKey, string>;

const en: Texts = {
  title: 'Your privacy choices',
  intro:
    'With your consent we also use optional services for: {purposes}. The site works without them. You can change your choice at any time under "Cookie settings" at the foot of every page.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  settings: 'Settings',
  save: 'Save selection',
  close: 'Close',
  settingsTitle: 'Cookie settings',
  settingsIntro:
    'Choose which optional services we may use. Switching one off deletes its cookies here; data a provider keeps on its own site can only be deleted there.',
  privacy: 'Privacy policy',
  imprint: 'Imprint',
  alwaysOn: 'Always on',
  on: 'On',
  off: 'Off',
  provider: 'Provider',
  purpose: 'Purpose',
  cookies: 'Cookies',
  thirdCountry: 'Data may be transferred to',
  providerPrivacy: 'Privacy policy of {name}',
  services: 'Services',
};

const de: Texts = {
  title: 'Ihre Datenschutz-Auswahl',
  intro:
    'Mit Ihrer Einwilligung nutzen wir zusätzlich optionale Dienste für: {purposes}. Die Website funktioniert auch ohne sie. Ihre Wahl können Sie jederzeit unter „Cookie-Einstellungen“ am Seitenende ändern.',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  settings: 'Einstellungen',
  save: 'Auswahl speichern',
  close: 'Schließen',
  settingsTitle: 'Cookie-Einstellungen',
  settingsIntro:
    'Wählen Sie, welche optionalen Dienste wir nutzen dürfen. Schalten Sie einen aus, löschen wir seine Cookies hier; was ein Anbieter auf seiner eigenen Website speichert, lässt sich nur dort löschen.',
  privacy: 'Datenschutzerklärung',
  imprint: 'Impressum',
  alwaysOn: 'Immer aktiv',
  on: 'An',
  off: 'Aus',
  provider: 'Anbieter',
  purpose: 'Zweck',
  cookies: 'Cookies',
  thirdCountry: 'Daten können übermittelt werden nach',
  providerPrivacy: 'Datenschutzerklärung von {name}',
  services: 'Dienste',
};

export const DIALOG_TEXTS = { en, de };

/** The language of an element: the primary subtag of its own or nearest `lang` ("de-AT" -> "de"). */
export function languageOf(element: Element): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  return lang.toLowerCase().split('-')[0];
}

/** Built-in texts for the language (English for any other), under the config's overrides for it. */
export function textsFor<T extends object>(builtIn: { en: T; de: T }, language: string, overrides?: Record<string, Partial<Record<TextKey, string>>>): T {
  return { ...(language === 'de' ? builtIn.de : builtIn.en), ...overrides?.[language] };
}

/**
 * The dialog's built-in texts (our own wording), German and English, beside the shared
 * ones in ../shared/i18n.ts; those only the settings layer shows are in settings-texts.ts.
 * A config's `texts` may override any key per language. `{purposes}` in `intro` is
 * replaced by the labels of the optional categories, `{services}` in `transfers` by the
 * services that may send data to a third country, each with the country.
 */
import type { DialogTextKey } from '../../core/config-schema.js';
import { SERVICE_TEXTS, type BuiltInTexts } from '../shared/i18n.js';

/** The keys only the settings layer uses. */
export type SettingsTextKey = 'settingsIntro' | 'alwaysOn' | 'on' | 'off' | 'provider' | 'purpose' | 'cookies' | 'services' | 'justification' | 'reload' | 'consentId';
export type Texts = Record<Exclude<DialogTextKey, SettingsTextKey>, string>;
type OwnTexts = Omit<Texts, keyof (typeof SERVICE_TEXTS)['en']>;

const en: OwnTexts = {
  title: 'Your privacy choices',
  intro: 'With your consent we also use the optional services below. The site works without them. You can change your choice at any time under "Cookie settings" at the foot of every page.',
  transfers: 'These services may send data to countries outside the EU: {services}.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  settings: 'Settings',
  save: 'Save selection',
  close: 'Close',
  settingsTitle: 'Cookie settings',
  privacy: 'Privacy policy',
  imprint: 'Imprint',
};

const de: OwnTexts = {
  title: 'Ihre Datenschutz-Auswahl',
  intro:
    'Mit Ihrer Einwilligung nutzen wir zusätzlich die folgenden optionalen Dienste. Die Website funktioniert auch ohne sie. Ihre Wahl können Sie jederzeit unter „Cookie-Einstellungen“ am Seitenende ändern.',
  transfers: 'Diese Dienste können Daten in Länder außerhalb der EU übermitteln: {services}.',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  settings: 'Einstellungen',
  save: 'Auswahl speichern',
  close: 'Schließen',
  settingsTitle: 'Cookie-Einstellungen',
  privacy: 'Datenschutzerklärung',
  imprint: 'Impressum',
};

export const DIALOG_TEXTS: BuiltInTexts<Texts> = {
  en: { ...en, ...SERVICE_TEXTS.en },
  de: { ...de, ...SERVICE_TEXTS.de },
};

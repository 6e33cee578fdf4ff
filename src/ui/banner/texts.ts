/**
 * The dialog's built-in texts (our own wording), German and English, beside the shared
 * ones in ../shared/i18n.ts. A config's `texts` may override any key per language.
 * `{purposes}` in `intro` is replaced by the labels of the optional categories.
 */
import type { DialogTextKey } from '../../core/config-schema.js';
import { SERVICE_TEXTS, type BuiltInTexts } from '../shared/i18n.js';

export type Texts = Record<DialogTextKey, string>;
type OwnTexts = Omit<Texts, keyof (typeof SERVICE_TEXTS)['en']>;

const en: OwnTexts = {
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
  services: 'Services',
};

const de: OwnTexts = {
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
  services: 'Dienste',
};

export const DIALOG_TEXTS: BuiltInTexts<Texts> = {
  en: { ...en, ...SERVICE_TEXTS.en },
  de: { ...de, ...SERVICE_TEXTS.de },
};

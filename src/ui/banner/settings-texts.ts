/**
 * The settings layer's own built-in texts (our own wording), German and English, with the
 * shared ones of ../shared/i18n.ts: they load with the settings layer, not before.
 */
import { SERVICE_TEXTS, type BuiltInTexts } from '../shared/i18n.js';
import type { SettingsTextKey } from './texts.js';

export type SettingsTexts = Record<SettingsTextKey, string> & (typeof SERVICE_TEXTS)['en'];

export const SETTINGS_TEXTS: BuiltInTexts<SettingsTexts> = {
  en: {
    settingsIntro: 'Choose which optional services we may use. Switching one off deletes its cookies here; data a provider keeps on its own site can only be deleted there.',
    alwaysOn: 'Always on',
    on: 'On',
    off: 'Off',
    provider: 'Provider',
    purpose: 'Purpose',
    cookies: 'Cookies',
    services: 'Services',
    justification: 'Why it runs without consent',
    reload: 'Switching off {services} reloads this page once, so that nothing keeps running.',
    consentId: 'Your consent ID: {id}',
    ...SERVICE_TEXTS.en,
  },
  de: {
    settingsIntro:
      'Wählen Sie, welche optionalen Dienste wir nutzen dürfen. Schalten Sie einen aus, löschen wir seine Cookies hier; was ein Anbieter auf seiner eigenen Website speichert, lässt sich nur dort löschen.',
    alwaysOn: 'Immer aktiv',
    on: 'An',
    off: 'Aus',
    provider: 'Anbieter',
    purpose: 'Zweck',
    cookies: 'Cookies',
    services: 'Dienste',
    justification: 'Warum ohne Einwilligung',
    reload: 'Schalten Sie {services} aus, lädt die Seite einmal neu, damit nichts weiterläuft.',
    consentId: 'Ihre Einwilligungs-ID: {id}',
    ...SERVICE_TEXTS.de,
  },
};

/**
 * The cookie declaration's built-in texts (our own wording), German and English. The
 * element and `consent-banner-check --table` both use them; a config's `texts` may
 * override any key per language. `{provider}` in `tablePolicyLink` is the service's
 * provider (or its name when it names none).
 */
import type { TableTextKey } from '../../core/config-schema.js';
import type { BuiltInTexts } from '../shared/i18n.js';

export type TableTexts = Record<TableTextKey, string>;

export const TABLE_TEXTS: BuiltInTexts<TableTexts> = {
  en: {
    tableService: 'Service and provider',
    tablePurpose: 'Purpose',
    tableCookies: 'Cookies and lifetime',
    tableThirdCountry: 'Data sent outside the EU',
    tableConsent: 'Consent',
    tablePrivacy: 'Privacy policy',
    tableProvider: 'Provider',
    tableLifetime: 'Lifetime',
    tableNoCookies: 'Sets no cookies.',
    tableNoThirdCountry: 'None declared',
    tableRequired: 'Required: runs without consent',
    tableOptional: 'Only with your consent',
    tablePolicyLink: 'Privacy policy of {provider}',
  },
  de: {
    tableService: 'Dienst und Anbieter',
    tablePurpose: 'Zweck',
    tableCookies: 'Cookies und Speicherdauer',
    tableThirdCountry: 'Datenübermittlung außerhalb der EU',
    tableConsent: 'Einwilligung',
    tablePrivacy: 'Datenschutzerklärung',
    tableProvider: 'Anbieter',
    tableLifetime: 'Speicherdauer',
    tableNoCookies: 'Setzt keine Cookies.',
    tableNoThirdCountry: 'Keine angegeben',
    tableRequired: 'Notwendig: läuft ohne Einwilligung',
    tableOptional: 'Nur mit Ihrer Einwilligung',
    tablePolicyLink: 'Datenschutzerklärung von {provider}',
  },
};

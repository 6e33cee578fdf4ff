/** German: the cookie declaration (our own wording). `{provider}`: the service's provider, or its name. */
import type { TableTexts } from '../keys.js';

export default {
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
} satisfies TableTexts;

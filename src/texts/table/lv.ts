/** Latvian: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Pakalpojums un sniedzējs',
  tablePurpose: 'Mērķis',
  tableCookies: 'Sīkdatnes un glabāšanas ilgums',
  tableThirdCountry: 'Datu nosūtīšana ārpus ES',
  tableConsent: 'Piekrišana',
  tablePrivacy: 'Privātuma politika',
  tableProvider: 'Pakalpojuma sniedzējs',
  tableLifetime: 'Glabāšanas ilgums',
  tableNoCookies: 'Nesaglabā sīkdatnes.',
  tableNoThirdCountry: 'Nav norādīts',
  tableRequired: 'Nepieciešams: darbojas bez piekrišanas',
  tableOptional: 'Tikai ar Jūsu piekrišanu',
  tablePolicyLink: 'Privātuma politika: {provider}',
} satisfies TableTexts;

/** Danish: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Tjeneste og udbyder',
  tablePurpose: 'Formål',
  tableCookies: 'Cookies og varighed',
  tableThirdCountry: 'Overførsel uden for EU',
  tableConsent: 'Samtykke',
  tablePrivacy: 'Privatlivspolitik',
  tableProvider: 'Udbyder',
  tableLifetime: 'Varighed',
  tableNoCookies: 'Sætter ingen cookies.',
  tableNoThirdCountry: 'Ingen angivet',
  tableRequired: 'Nødvendig: kører uden samtykke',
  tableOptional: 'Kun med dit samtykke',
  tablePolicyLink: 'Privatlivspolitik for {provider}',
} satisfies TableTexts;

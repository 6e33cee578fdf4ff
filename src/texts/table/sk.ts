/** Slovak: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Služba a poskytovateľ',
  tablePurpose: 'Účel',
  tableCookies: 'Cookies a doba uloženia',
  tableThirdCountry: 'Prenos údajov mimo EÚ',
  tableConsent: 'Súhlas',
  tablePrivacy: 'Zásady ochrany osobných údajov',
  tableProvider: 'Poskytovateľ',
  tableLifetime: 'Doba uloženia',
  tableNoCookies: 'Neukladá žiadne cookies.',
  tableNoThirdCountry: 'Neuvedené',
  tableRequired: 'Nevyhnutná: beží bez súhlasu',
  tableOptional: 'Len s vaším súhlasom',
  tablePolicyLink: 'Zásady ochrany osobných údajov: {provider}',
} satisfies TableTexts;

/** Czech: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Služba a poskytovatel',
  tablePurpose: 'Účel',
  tableCookies: 'Cookies a doba uložení',
  tableThirdCountry: 'Předávání údajů mimo EU',
  tableConsent: 'Souhlas',
  tablePrivacy: 'Zásady ochrany osobních údajů',
  tableProvider: 'Poskytovatel',
  tableLifetime: 'Doba uložení',
  tableNoCookies: 'Neukládá žádné cookies.',
  tableNoThirdCountry: 'Neuvedeno',
  tableRequired: 'Nezbytná: běží bez souhlasu',
  tableOptional: 'Jen s vaším souhlasem',
  tablePolicyLink: 'Zásady ochrany osobních údajů: {provider}',
} satisfies TableTexts;

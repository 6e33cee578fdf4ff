/** Swedish: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Tjänst och leverantör',
  tablePurpose: 'Syfte',
  tableCookies: 'Cookies och lagringstid',
  tableThirdCountry: 'Överföring utanför EU',
  tableConsent: 'Samtycke',
  tablePrivacy: 'Integritetspolicy',
  tableProvider: 'Leverantör',
  tableLifetime: 'Lagringstid',
  tableNoCookies: 'Lagrar inga cookies.',
  tableNoThirdCountry: 'Inga angivna',
  tableRequired: 'Nödvändig: körs utan samtycke',
  tableOptional: 'Endast med ditt samtycke',
  tablePolicyLink: 'Integritetspolicy för {provider}',
} satisfies TableTexts;

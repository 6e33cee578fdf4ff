/** Dutch: the cookie declaration (our own wording). */
import type { TableTexts } from '../keys.js';

export default {
  tableService: 'Dienst en aanbieder',
  tablePurpose: 'Doel',
  tableCookies: 'Cookies en bewaartermijn',
  tableThirdCountry: 'Doorgifte buiten de EU',
  tableConsent: 'Toestemming',
  tablePrivacy: 'Privacyverklaring',
  tableProvider: 'Aanbieder',
  tableLifetime: 'Bewaartermijn',
  tableNoCookies: 'Plaatst geen cookies.',
  tableNoThirdCountry: 'Niets opgegeven',
  tableRequired: 'Noodzakelijk: werkt zonder toestemming',
  tableOptional: 'Alleen met uw toestemming',
  tablePolicyLink: 'Privacyverklaring van {provider}',
} satisfies TableTexts;
